"""A ``huddle worker`` killed with SIGKILL in the middle of a batch of messages, then
started again: the SMTP server receives each message exactly once (see
``mailing.service.delivery`` for how, and for the few microseconds it cannot cover)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from huddle.core import clock
from huddle.core.jobs import Job
from huddle.mailing import service
from huddle.mailing.models import EmailSend
from tests.contacts.factories import make_contact
from tests.contacts.test_import_killed import huddle_env, own_database
from tests.mail import SmtpServer
from tests.mailing.factories import make_template

__all__ = ["huddle_env", "own_database"]

HUDDLE = Path(sys.executable).with_name("huddle")
MESSAGES = 80
KILL_AFTER = 20


def _queue(engine: Engine) -> None:
    with sessionmaker(bind=engine)() as session, session.begin():
        template = make_template(session)
        for n in range(MESSAGES):
            contact = make_contact(session, email=f"reader{n}@example.org")
            service.send_template_to_contact(
                session, template_id=template.id, contact_id=contact.id, idempotency_key=f"n{n}"
            )


def _worker(env: dict[str, str], server: SmtpServer) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(HUDDLE), "worker"],
        env={
            **env,
            "HUDDLE_WORKER_THREADS": "1",
            "HUDDLE_SMTP_HOST": "127.0.0.1",
            "HUDDLE_SMTP_PORT": str(server.port),
            "HUDDLE_SMTP_SENDER": "news@acme.example",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(until: object, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 120
    while not until():  # type: ignore[operator]
        assert process.poll() is None, process.communicate()[1].decode()[-2000:]
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def _unfinished(watcher: Engine) -> int:
    with watcher.connect() as connection:
        return len(
            connection.execute(
                select(EmailSend.id).where(EmailSend.status.in_(("queued", "sending")))
            ).all()
        )


def test_a_worker_killed_mid_batch_and_restarted_delivers_each_message_exactly_once(
    own_database: tuple[Engine, str], huddle_env: dict[str, str]
) -> None:
    engine, url = own_database
    # A plain engine to watch with: Huddle's begins every transaction as a writer (BEGIN
    # IMMEDIATE on SQLite), and the watching must not slow the worker down.
    watcher = create_engine(url)
    server = SmtpServer()
    server.start()
    try:
        _queue(engine)
        first = _worker(huddle_env, server)
        _wait(lambda: len(server.inbox.messages) >= KILL_AFTER, first, "no mail arrived")
        first.kill()
        first.wait()
        arrived = len(server.inbox.messages)
        assert arrived < MESSAGES, "the batch finished before the worker could be killed"
        # The killed worker's job is claimed again once its lease runs out: now.
        with sessionmaker(bind=engine)() as session, session.begin():
            session.execute(
                update(Job)
                .where(Job.status == "running")
                .values(lease_until=clock.now().replace(year=2000))
            )

        second = _worker(huddle_env, server)
        try:
            # Done when every send is marked sent and the server holds every message: a send
            # is marked sent just before its final dot is written, so stopping the worker at
            # the first would take the last message's dot away with it.
            _wait(
                lambda: _unfinished(watcher) == 0 and len(server.inbox.messages) >= MESSAGES,
                second,
                "the restarted worker never finished",
            )
        finally:
            second.terminate()
            second.wait()
    finally:
        server.stop()
        watcher.dispose()

    received = Counter(
        str(message_from_bytes(raw)["Message-ID"]) for _, _, raw in server.inbox.messages
    )
    with Session(engine) as session:
        sends = session.scalars(select(EmailSend)).all()
    assert {s.status for s in sends} == {"sent"}
    assert received == Counter({s.message_id: 1 for s in sends})
    assert len(server.inbox.messages) == MESSAGES
