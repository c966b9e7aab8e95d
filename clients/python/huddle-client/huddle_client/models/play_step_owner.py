from enum import StrEnum


class PlayStepOwner(StrEnum):
    MARKETING = "marketing"
    SALES = "sales"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
