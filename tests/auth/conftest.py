"""The real SMTP server on loopback (tests/mail.py), for the password reset emails."""

from __future__ import annotations

from tests.mail import smtp, smtp_server

__all__ = ["smtp", "smtp_server"]
