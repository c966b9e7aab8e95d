from enum import StrEnum


class AssetWriteKind(StrEnum):
    CASE_STUDY = "case_study"
    EBOOK = "ebook"
    OTHER = "other"
    REPORT = "report"
    TOOL = "tool"
    VIDEO = "video"
    WEBINAR = "webinar"
    WHITEPAPER = "whitepaper"

    def __str__(self) -> str:
        return str(self.value)
