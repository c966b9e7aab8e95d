from enum import StrEnum


class CustomTermMeasure(StrEnum):
    COUNT = "count"
    DURATION = "duration"

    def __str__(self) -> str:
        return str(self.value)
