from enum import StrEnum


class ContactColumn(StrEnum):
    COMPANY = "company"
    CREATED = "created"
    LAST_TOUCH = "last_touch"
    OWNER = "owner"
    SCORE = "score"
    STAGE = "stage"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
