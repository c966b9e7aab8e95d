from enum import StrEnum


class TimelineItemKind(StrEnum):
    MERGE = "merge"
    NOTE = "note"
    STAGE_CHANGE = "stage_change"
    TOUCH = "touch"
    WORKFLOW_STEP = "workflow_step"

    def __str__(self) -> str:
        return str(self.value)
