"""A real SMTP server on loopback (aiosmtpd) that Huddle's settings point at, for every
test that reads an email: the notifications, the password reset, the browser stories.
Import ``smtp_server`` and ``smtp`` into a conftest to offer them beside it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from huddle.core.settings import get_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """What the SMTP server accepted: (sender, recipients, raw message), and for each
    message the client's address and port: which connection it came over."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.peers: list[tuple[str, int]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        self.peers.append(tuple(session.peer))
        return "250 OK"


class SmtpServer:
    """aiosmtpd on a fixed loopback port, which Huddle's settings point at; ``stop`` and
    ``start`` take it away and bring it back, as an outage of the mail server would."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """A running SMTP server that Huddle sends to."""
    server = SmtpServer()
    server.start()
    monkeypatch.setenv("HUDDLE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HUDDLE_SMTP_PORT", str(server.port))
    monkeypatch.setenv("HUDDLE_SMTP_SENDER", "huddle@acme.example")
    monkeypatch.setenv("HUDDLE_SMTP_TIMEOUT", "5")
    get_settings.cache_clear()
    yield server
    server.stop()
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> Inbox:
    """The running server's inbox."""
    return smtp_server.inbox
