from enum import StrEnum


class SignatureReadSide(StrEnum):
    MARKETING = "marketing"
    SALES = "sales"

    def __str__(self) -> str:
        return str(self.value)
