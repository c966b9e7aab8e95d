from enum import StrEnum


class FeedbackItemCreateKind(StrEnum):
    FEATURE_GAP = "feature_gap"
    OBJECTION = "objection"

    def __str__(self) -> str:
        return str(self.value)
