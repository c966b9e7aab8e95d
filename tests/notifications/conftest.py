"""Outbound delivery on loopback: the real SMTP server (tests/mail.py), a real HTTP server
that keeps what it was sent, and the delivery jobs run through their registered handlers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy.orm import Session

from huddle.notifications.schemas import SlaAlertData
from tests.jobs import run_due_jobs
from tests.mail import Inbox, SmtpServer, free_port, smtp, smtp_server

__all__ = ["Inbox", "SmtpServer", "free_port", "smtp", "smtp_server"]

SECRET = "a-long-shared-webhook-secret"
# The data of an SLA alert (``sla.*`` kinds), for notifications whose content is not the point.
ALERT = SlaAlertData(clock_id=1, contact_id=1)


class _Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []
    # The statuses to answer the next POSTs with, in turn; 204 once they run out.
    answers: list[int] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers.items()), body))
        self.send_response(self.answers.pop(0) if self.answers else 204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    _Receiver.received, _Receiver.answers = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks/huddle", _Receiver.received
    server.shutdown()
    server.server_close()


def run_jobs(db: Session, kind: str) -> int:
    """Run every queued job of one kind through its registered handler, due or not (a
    delivery retried later is run at once)."""
    return run_due_jobs(db, kind, due_only=False)


@pytest.fixture
def receiver_answers(receiver: tuple[str, object]) -> list[int]:
    """What the receiver answers its next POSTs with (append statuses), 204 after them."""
    return _Receiver.answers
