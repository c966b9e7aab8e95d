from enum import StrEnum


class HandoffNotificationPayloadKind(StrEnum):
    ROUTING_HANDOFF = "routing.handoff"
    ROUTING_UNASSIGNED = "routing.unassigned"

    def __str__(self) -> str:
        return str(self.value)
