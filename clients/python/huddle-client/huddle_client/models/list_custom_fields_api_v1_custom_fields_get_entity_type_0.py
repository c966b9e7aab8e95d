from enum import StrEnum


class ListCustomFieldsApiV1CustomFieldsGetEntityType0(StrEnum):
    ACCOUNT = "account"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
