"""A `huddle worker` killed with SIGKILL in the middle of the steps loses nothing and repeats
nothing: what it committed (each step's effect with its record and the advance) stays once,
what it had not committed runs again, after its job's lease ran out, exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import sessionmaker

from huddle.core.clock import ShiftedClock
from huddle.core.jobs import LEASE
from huddle.notifications.models import Notification
from huddle.worker import Worker
from huddle.workflows import service
from huddle.workflows.models import ContactListMember, StepRun
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.contacts.test_import_killed import HUDDLE, huddle_env, own_database  # noqa: F401
from tests.workflows.factories import make_list, make_workflow

CONTACTS = 1500


def _step_runs(engine: Engine) -> int:
    """Committed step runs, read without waiting for the worker's write lock (a plain
    SQLite read: Huddle's own connections begin IMMEDIATE, as writers)."""
    if engine.dialect.name == "sqlite":
        with closing(sqlite3.connect(engine.url.database or "")) as connection:
            return int(connection.execute("SELECT count(*) FROM workflow_step_runs").fetchone()[0])
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(StepRun)).scalar_one()


def test_a_worker_killed_mid_run_loses_nothing_and_repeats_nothing(
    own_database: tuple[Engine, str],  # noqa: F811
    huddle_env: dict[str, str],  # noqa: F811
    test_clock: ShiftedClock,
) -> None:
    engine, _ = own_database
    factory = sessionmaker(bind=engine)
    with factory() as session, session.begin():
        crm, user = make_list(session), make_user(session)
        workflow = make_workflow(
            session,
            [
                {"id": "a", "kind": "add_to_list", "list_id": crm.id, "next": "n"},
                {"id": "n", "kind": "notify", "user_id": user.id, "message": "new lead"},
            ],
        )
        for _ in range(CONTACTS):
            service.enrol(session, workflow, make_contact(session).id, reason="test")
        user_id = user.id

    process = subprocess.Popen(
        [str(HUDDLE), "worker"],
        env={**huddle_env, "HUDDLE_WORKER_THREADS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _step_runs(engine) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    ran_before = _step_runs(engine)
    assert 0 < ran_before < 2 * CONTACTS, "the worker was to be killed mid-run"

    # Its job is taken again once the lease runs out; another worker finishes the rest.
    test_clock.set(max(test_clock.now(), datetime.now(UTC)) + LEASE + timedelta(minutes=1))
    Worker(factory).run_pending()

    with factory() as session:
        runs = session.scalar(select(func.count()).select_from(StepRun))
        keys = session.scalar(select(func.count(func.distinct(StepRun.idempotency_key))))
        members = session.scalar(select(func.count()).select_from(ContactListMember))
        told = session.scalar(
            select(func.count()).select_from(Notification).where(Notification.user_id == user_id)
        )
    assert (runs, keys, members, told) == (2 * CONTACTS, 2 * CONTACTS, CONTACTS, CONTACTS)
