from enum import StrEnum


class CampaignWriteChannel(StrEnum):
    CONTENT = "content"
    DIRECT_MAIL = "direct_mail"
    EMAIL = "email"
    EVENTS = "events"
    ORGANIC_SOCIAL = "organic_social"
    OTHER = "other"
    OUTBOUND = "outbound"
    PAID_SEARCH = "paid_search"
    PAID_SOCIAL = "paid_social"
    PARTNER = "partner"
    WEBINAR = "webinar"

    def __str__(self) -> str:
        return str(self.value)
