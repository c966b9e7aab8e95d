from enum import StrEnum


class CriteriaStage(StrEnum):
    MQL = "mql"
    SQL = "sql"

    def __str__(self) -> str:
        return str(self.value)
