from enum import StrEnum


class PropertyFilterOp(StrEnum):
    CONTAINS = "contains"
    EQ = "eq"

    def __str__(self) -> str:
        return str(self.value)
