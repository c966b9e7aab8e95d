from enum import StrEnum


class KpiCardGoalStatusType0(StrEnum):
    AT_RISK = "at_risk"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return str(self.value)
