from enum import StrEnum


class ContactColumn(StrEnum):
    BUYING_STAGE = "buying_stage"
    COMPANY = "company"
    CREATED = "created"
    LAST_TOUCH = "last_touch"
    OWNER = "owner"
    SCORE = "score"
    STAGE = "stage"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
