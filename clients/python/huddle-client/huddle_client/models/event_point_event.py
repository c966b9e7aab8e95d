from enum import StrEnum


class EventPointEvent(StrEnum):
    ACCEPTED = "accepted"
    HANDED_OFF = "handed_off"
    RECYCLED = "recycled"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
