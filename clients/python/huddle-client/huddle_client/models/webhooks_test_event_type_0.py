from enum import StrEnum


class WebhooksTestEventType0(StrEnum):
    CONTACT_CHANGED = "contact.changed"
    CONTACT_CREATED = "contact.created"
    CONTACT_ERASED = "contact.erased"
    CONTACT_MERGED = "contact.merged"
    CONTACT_STAGE_CHANGED = "contact.stage_changed"
    DEAL_LOST = "deal.lost"
    DEAL_WON = "deal.won"
    HANDOFF_ACCEPTED = "handoff.accepted"
    HANDOFF_REJECTED = "handoff.rejected"
    LEAD_HANDED_OFF = "lead.handed_off"
    LEAD_RECYCLED = "lead.recycled"
    NOTIFICATION_CREATED = "notification.created"
    SLA_BREACHED = "sla.breached"
    SLA_ESCALATED = "sla.escalated"
    SLA_WARNING = "sla.warning"

    def __str__(self) -> str:
        return str(self.value)
