from enum import StrEnum


class SlaNotificationPayloadKind(StrEnum):
    SLA_BREACHED = "sla.breached"
    SLA_ESCALATED = "sla.escalated"
    SLA_WARNING = "sla.warning"

    def __str__(self) -> str:
        return str(self.value)
