from enum import StrEnum


class HoursTermKind(StrEnum):
    DECISION = "decision"
    FIRST_TOUCH = "first_touch"

    def __str__(self) -> str:
        return str(self.value)
