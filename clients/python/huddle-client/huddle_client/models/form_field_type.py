from enum import StrEnum


class FormFieldType(StrEnum):
    CHECKBOX = "checkbox"
    EMAIL = "email"
    TEL = "tel"
    TEXT = "text"
    TEXTAREA = "textarea"

    def __str__(self) -> str:
        return str(self.value)
