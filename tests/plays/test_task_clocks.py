"""A play's sales or success task tells its owner, and where an SLA term measures such
tasks a clock runs from its opening to its completion (met in time, breached when late);
with no term the task keeps only its due time. Stopping the play withdraws its open task
and cancels the task's clock; a merge hands the task and its clock to the survivor."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.notifications.models import Notification
from huddle.plays import service
from huddle.plays.models import Play, PlayRun
from huddle.plays.schemas import PlayStep, PlayWrite
from huddle.sla import service as sla
from huddle.sla.models import SlaClock, SlaClockEvent
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.jobs import run_due_jobs
from tests.sla.factories import activate
from tests.sla.test_clocks import WEEKDAYS_9_18, berlin

ADMIN = Actor.user(0, role="admin", team="revops")
SALES_TASKS = {"key": "sales_tasks", "kind": "play_task", "hours": 4, "task_owner": "sales"}


def _rep(db: Session) -> tuple[User, Actor]:
    user = make_user(db, name="Rita Rep", role="sales_rep", team="sales")
    user.working_hours, user.time_zone = WEEKDAYS_9_18, "Europe/Berlin"
    db.flush()
    return user, Actor.user(user.id, role="sales_rep", team="sales")


def _play(db: Session) -> Play:
    return service.create_play(
        db,
        PlayWrite(
            name="Evaluation",
            steps=[
                PlayStep(owner="sales", title="Call them", due_hours=24),
                PlayStep(owner="success", title="Plan the onboarding", due_hours=48),
            ],
        ),
        actor=ADMIN,
    )


def _advance(db: Session) -> None:
    run_due_jobs(db, service.ADVANCE_JOB, due_only=False)


def _clocks(db: Session, contact_id: int) -> list[SlaClock]:
    return list(db.scalars(select(SlaClock).where(SlaClock.contact_id == contact_id)))


def _started(
    db: Session, frozen_clock: clock.FrozenClock, at: datetime, contact: Contact | None = None
) -> tuple[User, Actor, Contact, PlayRun]:
    """The sales-tasks term active, a rep, and the play started at ``at`` for ``contact``
    (a new one of the rep's) up to its first task."""
    activate(db, [SALES_TASKS])
    user, rep = _rep(db)
    contact = contact or make_contact(db, owner_id=user.id)
    frozen_clock.set(at)
    run = service.start_by_hand(db, contact.id, _play(db).id, actor=ADMIN)
    _advance(db)
    return user, rep, contact, run


def _log(db: Session, c: SlaClock) -> list[str]:
    query = select(SlaClockEvent.kind).where(SlaClockEvent.clock_id == c.id)
    return list(db.scalars(query.order_by(SlaClockEvent.id)))


def test_a_task_done_in_time_meets_its_clock_and_its_owner_was_told(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [SALES_TASKS])
    user, rep = _rep(db)
    contact = make_contact(db, owner_id=user.id, first_name="Ada", last_name="Lovelace")
    play = _play(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))  # a Tuesday
    service.start_by_hand(db, contact.id, play.id, actor=ADMIN)
    _advance(db)

    [task] = service.open_tasks(db, rep)
    notes = db.scalars(
        select(Notification).where(
            Notification.user_id == user.id, Notification.kind == "play.task"
        )
    ).all()
    assert [n.subject for n in notes] == ["Call them — Ada Lovelace"]
    assert notes[0].data["task_id"] == task.step.id
    [c] = _clocks(db, contact.id)
    assert (c.term_kind, c.task_id, c.owner_id, c.state) == (
        "play_task",
        task.step.id,
        user.id,
        "running",
    )
    assert c.due_at == berlin(2026, 11, 24, 14, 0)  # 4 business hours

    frozen_clock.set(berlin(2026, 11, 24, 13, 30))
    service.complete_task(db, task.step.id, actor=rep)
    assert c.state == "met" and _log(db, c) == ["started", "met"]

    # The success step's task: its owner is told, but no term measures it (only its due time).
    _advance(db)
    told = db.scalars(select(Notification).where(Notification.kind == "play.task"))
    [second] = list(told)[1:]
    assert second.subject == "Plan the onboarding — Ada Lovelace"
    [onboarding] = service.open_tasks(db, rep)
    assert onboarding.step.due_at == berlin(2026, 11, 24, 13, 30) + timedelta(hours=48)
    assert len(_clocks(db, contact.id)) == 1


def test_a_task_not_done_in_time_breaches_and_is_met_late_when_done(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    _, rep, contact, _ = _started(db, frozen_clock, berlin(2026, 11, 24, 16, 0))
    [c] = _clocks(db, contact.id)
    # Two hours on Tuesday, two on Wednesday morning: due at 11:00.
    assert c.due_at == berlin(2026, 11, 25, 11, 0)

    frozen_clock.set(berlin(2026, 11, 25, 11, 1))
    assert sla.run_due(db).breached == 1
    db.refresh(c)  # the pass marks clocks in bulk
    assert c.state == "breached"
    [task] = service.open_tasks(db, rep)
    service.complete_task(db, task.step.id, actor=rep)
    assert _log(db, c)[-2:] == ["breached", "met_late"]
    assert c.stopped_at == berlin(2026, 11, 25, 11, 1)


def test_stopping_the_play_withdraws_its_open_task_and_cancels_the_clock(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    _, rep, contact, run = _started(db, frozen_clock, berlin(2026, 11, 24, 10, 0))  # Tuesday
    [task] = service.open_tasks(db, rep)

    frozen_clock.set(berlin(2026, 11, 24, 11, 0))
    service.stop_run(db, run.id, actor=rep)
    assert service.open_tasks(db, rep) == []
    assert (task.step.status, task.step.detail) == ("skipped", "the play was stopped by Rita Rep")
    [c] = _clocks(db, contact.id)
    assert c.state == "cancelled" and _log(db, c) == ["started", "cancelled"]
    # Past its due time nothing breaches: nobody is to do the task any more.
    frozen_clock.set(berlin(2026, 11, 25, 11, 0))
    assert sla.run_due(db).breached == 0
    db.refresh(c)
    assert c.state == "cancelled"


def test_an_open_task_of_a_merged_duplicate_stays_in_the_queue_for_the_survivor(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    user, rep, duplicate, _ = _started(db, frozen_clock, berlin(2026, 11, 24, 10, 0))
    survivor = make_contact(db, owner_id=user.id)

    contacts.merge_contacts(db, survivor.id, duplicate.id, actor=SYSTEM)
    [task] = service.open_tasks(db, rep)
    assert task.step.contact_id == survivor.id
    frozen_clock.set(berlin(2026, 11, 24, 11, 0))
    service.complete_task(db, task.step.id, actor=rep)
    [c] = _clocks(db, survivor.id)
    assert c.state == "met"
