from enum import StrEnum


class Objective(StrEnum):
    CONVERTED = "converted"
    RATE = "rate"

    def __str__(self) -> str:
        return str(self.value)
