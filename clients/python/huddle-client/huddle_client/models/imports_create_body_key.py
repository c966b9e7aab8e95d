from enum import StrEnum


class ImportsCreateBodyKey(StrEnum):
    EMAIL = "email"
    EXTERNAL_ID = "external_id"

    def __str__(self) -> str:
        return str(self.value)
