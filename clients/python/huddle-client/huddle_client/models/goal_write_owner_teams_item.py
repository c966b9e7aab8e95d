from enum import StrEnum


class GoalWriteOwnerTeamsItem(StrEnum):
    CUSTOMER_SUCCESS = "customer_success"
    MARKETING = "marketing"
    PRODUCT = "product"
    REVOPS = "revops"
    SALES = "sales"

    def __str__(self) -> str:
        return str(self.value)
