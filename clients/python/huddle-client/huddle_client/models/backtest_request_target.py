from enum import StrEnum


class BacktestRequestTarget(StrEnum):
    CUSTOMER = "customer"
    SQL = "sql"

    def __str__(self) -> str:
        return str(self.value)
