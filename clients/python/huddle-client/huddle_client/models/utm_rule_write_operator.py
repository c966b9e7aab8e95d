from enum import StrEnum


class UtmRuleWriteOperator(StrEnum):
    CONTAINS = "contains"
    EQUALS = "equals"

    def __str__(self) -> str:
        return str(self.value)
