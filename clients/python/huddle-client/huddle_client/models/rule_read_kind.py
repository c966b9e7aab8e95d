from enum import StrEnum


class RuleReadKind(StrEnum):
    ACCOUNT_OWNER = "account_owner"
    ROUND_ROBIN = "round_robin"
    TERRITORY = "territory"

    def __str__(self) -> str:
        return str(self.value)
