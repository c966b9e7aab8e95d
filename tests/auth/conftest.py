"""The notifications tests' real SMTP server (aiosmtpd on loopback), for the password
reset emails: a fixture imported into a conftest is offered to every test beside it."""

from __future__ import annotations

from tests.notifications.test_delivery import smtp

__all__ = ["smtp"]
