"""Benchmark: N enrolments due at once, run by a worker, with the mail reaching a real
SMTP server; against that server's own receive rate for pre-rendered messages.

    python -m bench.workflows [--enrolments 100000] [--database-url ...]

A fresh, migrated database (a temporary SQLite file by default) gets N contacts, one email
template and N enrolments, all due now, in a workflow of four steps: send the email, add
to a list, a branch on the contact's country (scoring's condition SQL), and on "yes"
(a quarter of the contacts) a field set through the contacts service. A local SMTP server
(aiosmtpd on loopback, in a process of its own, as a real one would be) counts what it
receives.

First a plain client hands the server pre-rendered messages of the same size over one
connection: the server's own receive rate. Then ``Worker.run_pending`` runs the queued
jobs as ``huddle worker`` does (the runner's batches and the deliveries they queue) until
nothing is left; the clock stops when every message is at the server. Prints steps/s,
messages/s, the ratio of the worker's message rate to the server's, steps per second of
the worker's own CPU time (what a loaded machine's wall clock hides) and the load
average; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import smtplib
import socket
import tempfile
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.jobs import enqueue
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings
from huddle.mailing.models import EmailSend, EmailTemplate
from huddle.workflows import service
from huddle.workflows.models import Enrolment, StepRun
from huddle.workflows.schemas import ContactListWrite, WorkflowWrite

HTML = (
    "<html><body><p>Hello {{ contact.first_name | default('there') }},</p>"
    '<p>Our <a href="https://www.acme.example/guide">guide</a> and our '
    '<a href="https://www.acme.example/pricing">prices</a>.</p></body></html>'
)
SENDER = "news@acme.example"


# --- the SMTP server, in a process of its own ---------------------------------------------


def _serve(port: int, received: Synchronized[int], ready: Any, stop: Any) -> None:
    from aiosmtpd.controller import Controller

    class Counter:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            with received.get_lock():
                received.value += 1
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(received: Synchronized[int], count: int, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while received.value < count:
        assert time.monotonic() < deadline, (received.value, count)
        time.sleep(0.001)


def _server_rate(port: int, received: Synchronized[int], messages: int) -> float:
    """Pre-rendered messages of a marketing email's size, one connection, as fast as the
    server takes them."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = SENDER, "a@b.example", "News for you"
    message.set_content(
        "Hello, our guide and our prices: https://www.acme.example/\n" * 12,
        cte="quoted-printable",
    )
    message.add_alternative(
        "<p>Hello, our <a href='https://x.example/'>guide</a></p>\n" * 24,
        subtype="html",
        cte="quoted-printable",
    )
    data = message.as_bytes(policy=SMTP_POLICY)
    before = received.value
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as client:
        for n in range(messages):
            client.sendmail(SENDER, [f"reader{n}@bench.example"], data)
    _wait_for(received, before + messages)
    return messages / (time.perf_counter() - started)


# --- the data --------------------------------------------------------------------------------


def _workflow(factory: sessionmaker[Session], list_id: int, template_id: int) -> int:
    data = WorkflowWrite.model_validate(
        {
            "name": "Bench nurture",
            "steps": [
                {"id": "mail", "kind": "send_email", "template_id": template_id, "next": "join"},
                {"id": "join", "kind": "add_to_list", "list_id": list_id, "next": "fr"},
                {
                    "id": "fr",
                    "kind": "branch",
                    "condition": {
                        "rules": [{"field": "contact.country", "op": "eq", "value": "France"}]
                    },
                    "yes": "title",
                },
                {"id": "title", "kind": "set_field", "field": "seniority", "value": "Bench"},
            ],
        }
    )
    with unit_of_work(factory) as session:
        workflow = service.create_workflow(session, data, actor=SYSTEM)
        service.set_status(session, workflow.id, "active", actor=SYSTEM)
        return workflow.id


def _seed(factory: sessionmaker[Session], enrolments: int) -> None:
    with unit_of_work(factory) as session:
        list_id = service.create_list(session, ContactListWrite(name="Bench list"), actor=SYSTEM).id
        template = EmailTemplate(
            name="Bench", subject="News for {{ contact.first_name }}", html_body=HTML
        )
        session.add(template)
        session.flush()
        template_id = template.id
    workflow_id = _workflow(factory, list_id, template_id)
    now = datetime.now(UTC)
    countries = ("France", "Germany", "Spain", "Italy")
    with unit_of_work(factory) as session:
        session.execute(
            insert(Contact),
            [
                {
                    "email": f"reader{n}@bench{n % 20}.example",
                    "first_name": f"Reader {n}",
                    "country": countries[n % 4],
                    "lifecycle_stage": "lead",
                    "email_opt_in": "opted_in",
                    "custom": {},
                }
                for n in range(enrolments)
            ],
        )
        ids = [row[0] for row in session.execute(text("SELECT id FROM contacts ORDER BY id"))]
        session.execute(
            insert(Enrolment),
            [
                {
                    "workflow_id": workflow_id,
                    "contact_id": contact_id,
                    "step_id": "mail",
                    "status": "active",
                    "next_run_at": now,
                    "enrolled_at": now,
                }
                for contact_id in ids
            ],
        )
        enqueue(session, service.RUN_DUE_JOB, {})


def _count(factory: sessionmaker[Session], query: Any) -> int:
    with factory() as session:
        return int(session.scalar(query) or 0)


def run(enrolments: int, database_url: str, port: int, received: Synchronized[int]) -> dict:
    from huddle.worker import Worker

    engine = make_engine(database_url)
    upgrade(engine)
    factory = session_factory(engine)
    worker = Worker(factory)  # registers every handler, as ``huddle worker`` does
    _seed(factory, enrolments)
    server_rate = _server_rate(port, received, min(enrolments, 20_000))
    before = received.value
    started, cpu_started = time.perf_counter(), time.process_time()
    worker.run_pending()
    _wait_for(received, before + enrolments)
    seconds = time.perf_counter() - started
    # On a shared machine the wall clock counts other processes' turns too: the worker's
    # own CPU time says what the work costs (the SMTP server's is its own process's).
    cpu_seconds = time.process_time() - cpu_started
    steps = _count(factory, select(func.count()).select_from(StepRun))
    sent = _count(
        factory, select(func.count()).select_from(EmailSend).where(EmailSend.status == "sent")
    )
    delivered = received.value - before
    engine.dispose()
    assert sent == delivered == enrolments, (sent, delivered, enrolments)
    messages_per_s = delivered / seconds
    return {
        "enrolments": enrolments,
        "steps": steps,
        "messages": delivered,
        "seconds": round(seconds, 2),
        "steps_per_s": round(steps / seconds),
        "worker_cpu_seconds": round(cpu_seconds, 2),
        "steps_per_cpu_s": round(steps / cpu_seconds),
        "messages_per_s": round(messages_per_s),
        "smtp_server_rate": round(server_rate),
        "ratio": round(messages_per_s / server_rate, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="huddle-bench-workflows-"))
    port = _free_port()
    context = multiprocessing.get_context("spawn")
    received: Synchronized[int] = context.Value("q", 0)
    ready, stop = context.Event(), context.Event()
    server = context.Process(target=_serve, args=(port, received, ready, stop), daemon=True)
    server.start()
    assert ready.wait(30), "the SMTP server did not start"
    os.environ.update(
        {
            "HUDDLE_SMTP_HOST": "127.0.0.1",
            "HUDDLE_SMTP_PORT": str(port),
            "HUDDLE_SMTP_SENDER": SENDER,
            "HUDDLE_DATA_DIR": str(workdir),
        }
    )
    get_settings.cache_clear()
    try:
        url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
        result = run(args.enrolments, url, port, received)
    finally:
        stop.set()
        server.join(10)
        shutil.rmtree(workdir, ignore_errors=True)
    load = os.getloadavg()[0]
    print(
        f"{result['enrolments']:,} enrolments, {result['steps']:,} steps and "
        f"{result['messages']:,} messages in {result['seconds']} s: "
        f"{result['steps_per_s']:,} steps/s, {result['messages_per_s']:,} messages/s "
        f"({result['steps_per_cpu_s']:,} steps per second of the worker's CPU)"
    )
    print(
        f"SMTP server alone: {result['smtp_server_rate']:,} messages/s (pre-rendered, one "
        f"connection); the worker's rate is {result['ratio']:.2f} of it; load {load:.1f}"
    )
    print(json.dumps({"bench": "workflows", **result, "load_average": round(load, 1)}))


if __name__ == "__main__":
    main()
