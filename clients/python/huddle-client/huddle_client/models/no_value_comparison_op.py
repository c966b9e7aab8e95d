from enum import StrEnum


class NoValueComparisonOp(StrEnum):
    IS_EMPTY = "is_empty"
    IS_FALSE = "is_false"
    IS_SET = "is_set"
    IS_TRUE = "is_true"

    def __str__(self) -> str:
        return str(self.value)
