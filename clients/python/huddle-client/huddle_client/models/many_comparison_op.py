from enum import StrEnum


class ManyComparisonOp(StrEnum):
    CONTAINS_ANY = "contains_any"
    IN = "in"
    INCLUDES_ANY = "includes_any"
    NOT_IN = "not_in"

    def __str__(self) -> str:
        return str(self.value)
