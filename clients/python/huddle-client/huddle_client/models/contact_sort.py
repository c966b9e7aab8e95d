from enum import StrEnum


class ContactSort(StrEnum):
    CREATED_AT = "created_at"
    EMAIL = "email"
    LAST_NAME = "last_name"
    SCORE = "score"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-last_name"
    VALUE_7 = "-score"
    VALUE_9 = "-email"

    def __str__(self) -> str:
        return str(self.value)
