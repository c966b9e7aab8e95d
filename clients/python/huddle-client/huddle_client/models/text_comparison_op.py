from enum import StrEnum


class TextComparisonOp(StrEnum):
    CONTAINS = "contains"
    ENDS_WITH = "ends_with"
    INCLUDES = "includes"
    MATCHES = "matches"
    STARTS_WITH = "starts_with"

    def __str__(self) -> str:
        return str(self.value)
