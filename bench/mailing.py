"""Benchmark: the worker's marketing-email send rate against the SMTP server's own.

    python -m bench.mailing [--messages 500]

A fresh SQLite database gets --messages contacts and one template, and a send queued to
each. A local SMTP server (aiosmtpd on loopback, in this process) first receives as many
pre-rendered messages from a plain client (one connection each, as the worker opens): the
server's own receive rate. Then ``Worker.run_pending`` delivers the queued sends (each
checked, rendered, tracked, rate-limited and recorded in its three transactions). The
ratio of the two rates is the cost of everything Huddle does around the SMTP conversation.
Figures are noisy on a shared machine; the load average is printed with them. The last
line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from huddle.contacts.models import Contact
from huddle.core import smtp
from huddle.core.db import make_engine, session_factory
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings
from huddle.mailing import service
from huddle.mailing.models import EmailSend, EmailTemplate
from huddle.worker import Worker

HTML = (
    "<html><body><p>Hello {{ contact.first_name | default('there') }},</p>"
    '<p>Our <a href="https://www.acme.example/guide">guide</a> and our '
    '<a href="https://www.acme.example/pricing">prices</a>.</p></body></html>'
)


class _Counter:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        return "250 OK"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seed(url: str, messages: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    factory = session_factory(engine)
    with factory() as session, session.begin():
        template = EmailTemplate(
            name="Bench", subject="News for {{ contact.first_name }}", html_body=HTML
        )
        session.add(template)
        session.add_all(
            Contact(email=f"reader{n}@bench{n % 20}.example", first_name=f"Reader {n}")
            for n in range(messages)
        )
        session.flush()
        ids = session.scalars(select(Contact.id).order_by(Contact.id)).all()
        for contact_id in ids:
            service.send_template_to_contact(
                session,
                template_id=template.id,
                contact_id=contact_id,
                idempotency_key=f"bench:{contact_id}",
            )
    engine.dispose()


def _server_rate(messages: int) -> float:
    """Pre-rendered messages straight to the server, one connection each."""
    settings = get_settings()
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.smtp_sender, "a@b.example", "x"
    message.set_content("Hello\n" * 20)
    message.add_alternative("<p>Hello</p>" * 20, subtype="html")
    started = time.perf_counter()
    for _ in range(messages):
        smtp.send(settings, message)
    return messages / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-mailing-"))
    counter = _Counter()
    port = _free_port()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ.update(
        {
            "HUDDLE_SMTP_HOST": "127.0.0.1",
            "HUDDLE_SMTP_PORT": str(port),
            "HUDDLE_SMTP_SENDER": "news@acme.example",
            "HUDDLE_DATA_DIR": str(workdir),
        }
    )
    get_settings.cache_clear()
    url = f"sqlite:///{workdir / 'bench.db'}"
    try:
        _seed(url, args.messages)
        server_rate = _server_rate(args.messages)
        engine = make_engine(url)
        factory = session_factory(engine)
        worker = Worker(factory)
        received_before = counter.received
        started = time.perf_counter()
        ran = worker.run_pending()
        elapsed = time.perf_counter() - started
        with factory() as session:
            sent = session.scalar(
                select(func.count()).select_from(EmailSend).where(EmailSend.status == "sent")
            )
        engine.dispose()
        delivered = counter.received - received_before
        assert sent == delivered == args.messages, (sent, delivered, ran)
        worker_rate = delivered / elapsed
        load = os.getloadavg()[0]
        print(f"SMTP server alone: {server_rate:,.0f} messages/s (pre-rendered)")
        print(f"worker: {worker_rate:,.0f} messages/s ({delivered} delivered in {elapsed:.2f} s)")
        print(f"load average {load:.1f}")
        print(
            json.dumps(
                {
                    "bench": "mailing",
                    "messages": args.messages,
                    "smtp_server_rate": round(server_rate, 1),
                    "worker_rate": round(worker_rate, 1),
                    "ratio": round(worker_rate / server_rate, 3),
                    "load_average": round(load, 1),
                }
            )
        )
    finally:
        controller.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
