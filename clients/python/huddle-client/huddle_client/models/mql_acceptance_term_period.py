from enum import StrEnum


class MqlAcceptanceTermPeriod(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
