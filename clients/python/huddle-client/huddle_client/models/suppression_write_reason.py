from enum import StrEnum


class SuppressionWriteReason(StrEnum):
    BOUNCE = "bounce"
    COMPLAINT = "complaint"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
