from enum import StrEnum


class ContactSort(StrEnum):
    COMPANY = "company"
    CREATED_AT = "created_at"
    EMAIL = "email"
    LAST_NAME = "last_name"
    LAST_TOUCH_AT = "last_touch_at"
    OWNER = "owner"
    SCORE = "score"
    STAGE = "stage"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_11 = "-company"
    VALUE_13 = "-stage"
    VALUE_15 = "-owner"
    VALUE_17 = "-last_touch_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-last_name"
    VALUE_7 = "-score"
    VALUE_9 = "-email"

    def __str__(self) -> str:
        return str(self.value)
