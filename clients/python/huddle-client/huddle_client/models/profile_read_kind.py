from enum import StrEnum


class ProfileReadKind(StrEnum):
    ICP = "icp"
    PERSONA = "persona"

    def __str__(self) -> str:
        return str(self.value)
