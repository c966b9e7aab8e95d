from enum import StrEnum


class EnrolmentReadStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    EXITED = "exited"
    FAILED = "failed"

    def __str__(self) -> str:
        return str(self.value)
