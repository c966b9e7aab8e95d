from enum import StrEnum


class SignatureWriteSide(StrEnum):
    MARKETING = "marketing"
    SALES = "sales"

    def __str__(self) -> str:
        return str(self.value)
