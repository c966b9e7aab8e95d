from enum import StrEnum


class RunStepReadStatus(StrEnum):
    DONE = "done"
    OPEN = "open"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
