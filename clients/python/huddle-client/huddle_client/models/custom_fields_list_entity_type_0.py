from enum import StrEnum


class CustomFieldsListEntityType0(StrEnum):
    ACCOUNT = "account"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
