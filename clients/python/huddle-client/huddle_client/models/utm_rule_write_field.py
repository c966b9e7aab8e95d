from enum import StrEnum


class UtmRuleWriteField(StrEnum):
    UTM_CAMPAIGN = "utm_campaign"
    UTM_MEDIUM = "utm_medium"
    UTM_SOURCE = "utm_source"

    def __str__(self) -> str:
        return str(self.value)
