from enum import StrEnum


class AccountRollupMethod(StrEnum):
    MAX = "max"
    SUM = "sum"
    TOP_N = "top_n"

    def __str__(self) -> str:
        return str(self.value)
