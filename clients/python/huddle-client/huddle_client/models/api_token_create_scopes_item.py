from enum import StrEnum


class ApiTokenCreateScopesItem(StrEnum):
    INGEST = "ingest"
    READ = "read"
    WRITE = "write"

    def __str__(self) -> str:
        return str(self.value)
