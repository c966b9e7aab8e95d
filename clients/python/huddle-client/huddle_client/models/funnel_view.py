from enum import StrEnum


class FunnelView(StrEnum):
    COHORT = "cohort"
    PERIOD = "period"

    def __str__(self) -> str:
        return str(self.value)
