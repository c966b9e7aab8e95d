from enum import StrEnum


class HandoffReadStatus(StrEnum):
    ACCEPTED = "accepted"
    OPEN = "open"
    RECYCLED = "recycled"
    REJECTED = "rejected"
    REROUTED = "rerouted"

    def __str__(self) -> str:
        return str(self.value)
