from enum import StrEnum


class ConsentUpdateField(StrEnum):
    DO_NOT_CALL = "do_not_call"
    DO_NOT_EMAIL = "do_not_email"
    EMAIL_OPT_IN = "email_opt_in"

    def __str__(self) -> str:
        return str(self.value)
