from enum import StrEnum


class ProfileWriteKind(StrEnum):
    ICP = "icp"
    PERSONA = "persona"

    def __str__(self) -> str:
        return str(self.value)
