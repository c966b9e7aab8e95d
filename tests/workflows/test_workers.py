"""Several workers on one queue: each due step runs once (PostgreSQL hands each enrolment to
one worker with FOR UPDATE SKIP LOCKED; SQLite has one writer at a time), and the job the
worker runs drains the queue batch by batch."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.core.db import session_factory, unit_of_work
from huddle.core.jobs import run_one
from huddle.notifications.models import Notification
from huddle.workflows import service
from huddle.workflows.models import ContactListMember, Enrolment, StepRun
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.workflows.factories import make_list, make_workflow

CONTACTS = 120


def _setup(own_engine: Engine) -> tuple[int, int]:
    with unit_of_work(session_factory(own_engine)) as session:
        crm = make_list(session)
        user = make_user(session)
        workflow = make_workflow(
            session,
            [
                {"id": "a", "kind": "add_to_list", "list_id": crm.id, "next": "n"},
                {"id": "n", "kind": "notify", "user_id": user.id, "message": "new lead"},
            ],
        )
        for _ in range(CONTACTS):
            service.enrol(session, workflow, make_contact(session).id, reason="test")
        return workflow.id, user.id


def _drain(own_engine: Engine, failures: list[BaseException]) -> None:
    factory = session_factory(own_engine)
    try:
        while True:
            with unit_of_work(factory) as session:
                if service.run_due(session, limit=7).enrolments == 0:
                    return
    except BaseException as exc:
        failures.append(exc)


def _counts(session: Session, user_id: int) -> tuple[int, int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(StepRun)) or 0,
        session.scalar(select(func.count(func.distinct(StepRun.idempotency_key)))) or 0,
        session.scalar(select(func.count()).select_from(ContactListMember)) or 0,
        session.scalar(
            select(func.count()).select_from(Notification).where(Notification.user_id == user_id)
        )
        or 0,
    )


def test_two_workers_on_one_queue_run_each_step_exactly_once(own_engine: Engine) -> None:
    _, user_id = _setup(own_engine)
    failures: list[BaseException] = []
    workers = [threading.Thread(target=_drain, args=(own_engine, failures)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert failures == []
    with unit_of_work(session_factory(own_engine)) as session:
        assert _counts(session, user_id) == (2 * CONTACTS, 2 * CONTACTS, CONTACTS, CONTACTS)
        statuses = session.scalars(select(Enrolment.status).distinct()).all()
        assert statuses == ["completed"]


def test_the_run_job_drains_the_queue_batch_by_batch(own_engine: Engine) -> None:
    workflow_id, user_id = _setup(own_engine)
    factory = session_factory(own_engine)
    while run_one(factory, "test-worker"):
        pass
    with unit_of_work(factory) as session:
        assert _counts(session, user_id)[2:] == (CONTACTS, CONTACTS)
        counts = service.step_counts(session, workflow_id, actor=SYSTEM)
        assert [(c.step_id, c.went_through, c.waiting) for c in counts] == [
            ("a", CONTACTS, 0),
            ("n", CONTACTS, 0),
        ]
