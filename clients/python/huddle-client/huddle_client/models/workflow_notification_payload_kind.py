from enum import StrEnum


class WorkflowNotificationPayloadKind(StrEnum):
    WORKFLOW_NOTICE = "workflow.notice"
    WORKFLOW_TASK = "workflow.task"

    def __str__(self) -> str:
        return str(self.value)
