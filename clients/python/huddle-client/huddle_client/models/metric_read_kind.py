from enum import StrEnum


class MetricReadKind(StrEnum):
    AMOUNT = "amount"
    COUNT = "count"
    DAYS = "days"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
