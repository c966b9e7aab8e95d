from enum import StrEnum


class ChangeStageStage(StrEnum):
    CUSTOMER = "customer"
    DISQUALIFIED = "disqualified"
    LEAD = "lead"
    LOST = "lost"
    MQL = "mql"
    OPPORTUNITY = "opportunity"
    RECYCLED = "recycled"
    SAL = "sal"
    SQL = "sql"
    SUBSCRIBER = "subscriber"

    def __str__(self) -> str:
        return str(self.value)
