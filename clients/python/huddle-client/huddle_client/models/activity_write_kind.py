from enum import StrEnum


class ActivityWriteKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    MEETING_BOOKED = "meeting_booked"

    def __str__(self) -> str:
        return str(self.value)
