"""The SMTP conversation lives in ``core.smtp`` (marketing email shares it); the names the
notifications' outbox uses, here where it has always found them."""

from huddle.core.smtp import SmtpUnreachable, address, check, send

__all__ = ["SmtpUnreachable", "address", "check", "send"]
