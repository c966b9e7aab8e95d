from enum import StrEnum


class PlanTargetMetric(StrEnum):
    NEW_CUSTOMERS = "new_customers"
    REVENUE = "revenue"

    def __str__(self) -> str:
        return str(self.value)
