from enum import StrEnum


class TerritoryConditionsSegmentsType0Item(StrEnum):
    ENTERPRISE = "enterprise"
    MID = "mid"
    SMB = "smb"

    def __str__(self) -> str:
        return str(self.value)
