from enum import StrEnum


class RunProgressReadStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
