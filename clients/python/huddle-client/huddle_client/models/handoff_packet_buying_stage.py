from enum import StrEnum


class HandoffPacketBuyingStage(StrEnum):
    AWARENESS = "Awareness"
    CONSIDERATION = "Consideration"
    DECISION = "Decision"

    def __str__(self) -> str:
        return str(self.value)
