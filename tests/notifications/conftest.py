"""Outbound delivery on loopback: a real SMTP server (aiosmtpd) that can be stopped and
started again, a real HTTP server that keeps what it was sent, and the delivery jobs run
through their registered handlers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core.jobs import Job, _handlers
from huddle.core.settings import get_settings

SECRET = "a-long-shared-webhook-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """What the SMTP server accepted: (sender, recipients, raw message)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
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


class _Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers.items()), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    _Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks/huddle", _Receiver.received
    server.shutdown()
    server.server_close()


def run_jobs(db: Session, kind: str) -> int:
    """Run the queued jobs of one kind through their registered handler."""
    jobs = list(db.scalars(select(Job).where(Job.kind == kind, Job.status == "queued")))
    for job in jobs:
        _handlers[kind](db, dict(job.payload))
        job.status = "done"
    db.flush()
    return len(jobs)
