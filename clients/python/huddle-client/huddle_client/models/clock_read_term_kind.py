from enum import StrEnum


class ClockReadTermKind(StrEnum):
    CUSTOM = "custom"
    CUSTOMER_RESPONSE = "customer_response"
    DECISION = "decision"
    FIRST_TOUCH = "first_touch"
    FOLLOW_UP = "follow_up"
    MQL_ACCEPTANCE = "mql_acceptance"
    MQL_VOLUME = "mql_volume"
    PLAY_TASK = "play_task"
    TOUCH_ATTEMPTS = "touch_attempts"

    def __str__(self) -> str:
        return str(self.value)
