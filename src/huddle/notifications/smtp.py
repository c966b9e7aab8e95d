"""Talking to the SMTP server, and telling "the server cannot be reached" (delivery pauses,
nothing is lost) apart from "the server refused this message" (the job's retries)."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

from huddle.core.settings import Settings

# 421: the server is closing the connection / not available now.
_SERVICE_NOT_AVAILABLE = 421


class SmtpUnreachable(Exception):
    """No conversation with the SMTP server was possible (refused, timed out, dropped)."""


def address(settings: Settings) -> str:
    return f"{settings.smtp_host}:{settings.smtp_port}"


def send(settings: Settings, message: EmailMessage) -> None:
    """Send one message. Raises ``SmtpUnreachable`` when the server cannot be reached, and
    other ``smtplib`` errors when it refused the message."""
    with _unreachable_on_network_errors(), _connect(settings) as smtp:
        smtp.send_message(message)


def check(settings: Settings) -> None:
    """Raises ``SmtpUnreachable`` unless the server answers a NOOP."""
    with _unreachable_on_network_errors(), _connect(settings) as smtp:
        smtp.noop()


def _connect(settings: Settings) -> smtplib.SMTP:
    return smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout)


@contextmanager
def _unreachable_on_network_errors() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if _is_unreachable(exc):
            raise SmtpUnreachable(_reason(exc)) from exc
        raise


def _is_unreachable(exc: BaseException) -> bool:
    # smtplib's errors are OSErrors too: only these say the server is away.
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == _SERVICE_NOT_AVAILABLE
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
