from enum import StrEnum


class ComplianceBy(StrEnum):
    OWNER = "owner"
    TEAM = "team"
    TERM = "term"

    def __str__(self) -> str:
        return str(self.value)
