from enum import StrEnum


class EqualityComparisonOp(StrEnum):
    EQ = "eq"
    NE = "ne"

    def __str__(self) -> str:
        return str(self.value)
