from enum import StrEnum


class ContactSort(StrEnum):
    CREATED_AT = "created_at"
    EMAIL = "email"
    LAST_NAME = "last_name"
    LAST_TOUCH_AT = "last_touch_at"
    OWNER = "owner"
    SCORE = "score"
    STAGE = "stage"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_11 = "-stage"
    VALUE_13 = "-owner"
    VALUE_15 = "-last_touch_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-last_name"
    VALUE_7 = "-score"
    VALUE_9 = "-email"

    def __str__(self) -> str:
        return str(self.value)
