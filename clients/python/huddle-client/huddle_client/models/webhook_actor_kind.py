from enum import StrEnum


class WebhookActorKind(StrEnum):
    CONTACT = "contact"
    IMPORT = "import"
    INTEGRATION = "integration"
    RULE = "rule"
    SYSTEM = "system"
    USER = "user"
    WORKFLOW = "workflow"

    def __str__(self) -> str:
        return str(self.value)
