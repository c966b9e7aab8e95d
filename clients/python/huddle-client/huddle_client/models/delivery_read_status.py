from enum import StrEnum


class DeliveryReadStatus(StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"
    QUEUED = "queued"
    RETRYING = "retrying"

    def __str__(self) -> str:
        return str(self.value)
