from enum import StrEnum


class EventTypeUpdateCategory(StrEnum):
    CUSTOMER = "customer"
    MARKETING = "marketing"
    PRODUCT = "product"
    SALES = "sales"

    def __str__(self) -> str:
        return str(self.value)
