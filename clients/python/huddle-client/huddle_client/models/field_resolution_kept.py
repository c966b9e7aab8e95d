from enum import StrEnum


class FieldResolutionKept(StrEnum):
    MERGED = "merged"
    SURVIVOR = "survivor"

    def __str__(self) -> str:
        return str(self.value)
