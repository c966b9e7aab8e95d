from enum import StrEnum


class CustomFieldDefinitionCreateEntity(StrEnum):
    ACCOUNT = "account"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
