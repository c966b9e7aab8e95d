from enum import StrEnum


class SlaPeriod(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
