"""The workflows' queries: workflows, due enrolments (claimed with SKIP LOCKED on
PostgreSQL), step counts, lists, and a contact's step runs for its timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.core.db import update_by_id
from huddle.core.timeline import Before, newest
from huddle.scoring.models import ContactGrade
from huddle.workflows.models import ContactList, ContactListMember, Enrolment, StepRun, Workflow

STEP_RUN_KIND = "workflow_step"


def workflows(session: Session) -> Sequence[Workflow]:
    return session.scalars(select(Workflow).order_by(Workflow.name)).all()


def workflow(session: Session, workflow_id: int) -> Workflow | None:
    return session.get(Workflow, workflow_id)


def workflow_by_name(session: Session, name: str) -> Workflow | None:
    return session.scalar(select(Workflow).where(func.lower(Workflow.name) == name.lower()))


# In a session's info during a runner's pass: the active workflows, read once for the pass
# (a pass changes no workflow; thousands of its steps may ask, e.g. a list joined).
_ACTIVE_IN_RUN = "huddle.workflows.active"


def active_workflows(session: Session, trigger_types: Sequence[str]) -> list[Workflow]:
    """The active workflows whose trigger is of one of ``trigger_types`` (a handful: read
    whole, filtered here, since the trigger is JSON)."""
    found = session.info.get(_ACTIVE_IN_RUN)
    if found is None:
        found = session.scalars(select(Workflow).where(Workflow.status == "active")).all()
    return [w for w in found if w.trigger and w.trigger.get("type") in trigger_types]


def remember_active_workflows(session: Session) -> None:
    session.info[_ACTIVE_IN_RUN] = session.scalars(
        select(Workflow).where(Workflow.status == "active")
    ).all()


def forget_active_workflows(session: Session) -> None:
    session.info.pop(_ACTIVE_IN_RUN, None)


def latest_enrolment(session: Session, workflow_id: int, contact_id: int) -> Enrolment | None:
    return session.scalar(
        select(Enrolment)
        .where(Enrolment.workflow_id == workflow_id, Enrolment.contact_id == contact_id)
        .order_by(Enrolment.enrolled_at.desc(), Enrolment.id.desc())
        .limit(1)
    )


def claim_due(session: Session, now: datetime, limit: int) -> list[Enrolment]:
    """Active enrolments due by ``now``, oldest first, locked for this transaction: on
    PostgreSQL rows another worker holds are skipped (``FOR UPDATE SKIP LOCKED``), so two
    workers never run the same step; SQLite has one writer at a time."""
    query = (
        select(Enrolment)
        .join(Workflow, Workflow.id == Enrolment.workflow_id)
        .where(
            Enrolment.status == "active",
            Enrolment.next_run_at <= now,
            # A paused workflow's enrolments wait where they are.
            Workflow.status == "active",
        )
        .order_by(Enrolment.next_run_at, Enrolment.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Enrolment, skip_locked=True)
    return list(session.scalars(query))


def waiting_for_touch(session: Session, contact_ids: Sequence[int]) -> list[Enrolment]:
    """Enrolments of these contacts in the middle of a wait (the runner checks it is a wait
    for an event, and for which touch)."""
    return list(
        session.scalars(
            select(Enrolment).where(
                Enrolment.contact_id.in_(contact_ids),
                Enrolment.status == "active",
                Enrolment.waiting.is_(True),
            )
        )
    )


def add_step_runs(session: Session, runs: Sequence[dict[str, Any]]) -> None:
    """A pass's step runs in one statement (the unique key still refuses a repeat)."""
    if runs:
        # render_nulls: every row has the same columns, so they go as one executemany (the
        # ORM would split the batch wherever a detail is None).
        session.execute(insert(StepRun).execution_options(render_nulls=True), list(runs))


# What a runner's pass changes on an enrolment.
_PROGRESS = (
    "step_id",
    "status",
    "next_run_at",
    "waiting",
    "event_arrived",
    "steps_taken",
    "reason",
    "finished_at",
)


def save_progress(session: Session, enrolments: Sequence[Enrolment]) -> None:
    """Where each enrolment got to, one executemany UPDATE for the batch."""
    rows = [
        {"id": each.id, **{name: getattr(each, name) for name in _PROGRESS}} for each in enrolments
    ]
    update_by_id(session, cast(Table, Enrolment.__table__), rows, _PROGRESS)


def step_run_exists(session: Session, key: str) -> bool:
    return session.scalar(select(StepRun.id).where(StepRun.idempotency_key == key)) is not None


def waiting_counts(session: Session, workflow_id: int) -> dict[str, int]:
    rows = session.execute(
        select(Enrolment.step_id, func.count())
        .where(Enrolment.workflow_id == workflow_id, Enrolment.status == "active")
        .group_by(Enrolment.step_id)
    )
    return {step_id: count for step_id, count in rows if step_id is not None}


def run_counts(session: Session, workflow_id: int) -> dict[tuple[str, str], int]:
    """(step id, outcome) -> how many runs."""
    rows = session.execute(
        select(StepRun.step_id, StepRun.outcome, func.count())
        .where(StepRun.workflow_id == workflow_id)
        .group_by(StepRun.step_id, StepRun.outcome)
    )
    return {(step_id, outcome): count for step_id, outcome, count in rows}


def enrolments(session: Session, workflow_id: int, limit: int) -> Sequence[Enrolment]:
    return session.scalars(
        select(Enrolment)
        .where(Enrolment.workflow_id == workflow_id)
        .order_by(Enrolment.enrolled_at.desc(), Enrolment.id.desc())
        .limit(limit)
    ).all()


def timeline_step_runs(
    session: Session, *, contact_id: int, before: Before | None, limit: int
) -> list[tuple[StepRun, str]]:
    """A contact's step runs, newest first, each with its workflow's name."""
    runs: list[StepRun] = newest(
        session,
        select(StepRun).where(StepRun.contact_id == contact_id, StepRun.outcome != "waiting"),
        kind=STEP_RUN_KIND,
        at_column=StepRun.at,
        id_column=StepRun.id,
        before=before,
        limit=limit,
    )
    named = select(Workflow.id, Workflow.name).where(
        Workflow.id.in_({run.workflow_id for run in runs})
    )
    names: dict[int, str] = {row[0]: row[1] for row in session.execute(named)}
    return [(run, names.get(run.workflow_id, "workflow")) for run in runs]


def contacts_by_id(session: Session, contact_ids: set[int]) -> dict[int, Contact]:
    found = session.scalars(select(Contact).where(Contact.id.in_(contact_ids)))
    return {each.id: each for each in found}


def contacts_with_date(session: Session, field_key: str, day: str) -> list[int]:
    """Contacts whose custom date field ``field_key`` holds ``day`` (kept as YYYY-MM-DD)."""
    return list(
        session.scalars(select(Contact.id).where(Contact.custom[field_key].as_string() == day))
    )


# --- lists -------------------------------------------------------------------------------


def lists(session: Session) -> list[tuple[ContactList, int]]:
    counts = (
        select(ContactListMember.list_id, func.count().label("n"))
        .group_by(ContactListMember.list_id)
        .subquery()
    )
    rows = session.execute(
        select(ContactList, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.list_id == ContactList.id)
        .order_by(ContactList.name)
    )
    return [(found, int(n)) for found, n in rows]


def contact_list(session: Session, list_id: int) -> ContactList | None:
    return session.get(ContactList, list_id)


def list_by_name(session: Session, name: str) -> ContactList | None:
    return session.scalar(select(ContactList).where(func.lower(ContactList.name) == name.lower()))


def is_member(session: Session, list_id: int, contact_id: int) -> bool:
    return session.get(ContactListMember, (list_id, contact_id)) is not None


def members_among(session: Session, list_id: int, contact_ids: Sequence[int]) -> set[int]:
    """Which of these contacts are on the list, in one query."""
    query = select(ContactListMember.contact_id).where(
        ContactListMember.list_id == list_id, ContactListMember.contact_id.in_(list(contact_ids))
    )
    return set(session.scalars(query))


def add_members(session: Session, list_id: int, contact_ids: Sequence[int]) -> None:
    """Put these contacts (none on the list yet) on it, in one statement."""
    if contact_ids:
        rows = [{"list_id": list_id, "contact_id": contact_id} for contact_id in contact_ids]
        session.execute(insert(ContactListMember), rows)


def remove_member(session: Session, list_id: int, contact_id: int) -> bool:
    removed = session.execute(
        delete(ContactListMember).where(
            ContactListMember.list_id == list_id, ContactListMember.contact_id == contact_id
        )
    )
    return bool(getattr(removed, "rowcount", 0))


def wake(session: Session, enrolment_ids: Sequence[int], now: datetime) -> None:
    """Make waiting enrolments due now (the event they waited for arrived)."""
    session.execute(
        update(Enrolment)
        .where(Enrolment.id.in_(enrolment_ids))
        .values(next_run_at=now, event_arrived=True)
    )


def graded(session: Session, contact_ids: Sequence[int], grade: str) -> list[int]:
    return list(
        session.scalars(
            select(ContactGrade.contact_id)
            .where(ContactGrade.contact_id.in_(contact_ids), ContactGrade.grade == grade)
            .order_by(ContactGrade.contact_id)
        )
    )


def scored_at_least(session: Session, contact_ids: Sequence[int], threshold: int) -> list[int]:
    return list(
        session.scalars(
            select(Contact.id).where(Contact.id.in_(contact_ids), Contact.score >= threshold)
        )
    )


def move_contact_rows(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged duplicate's enrolments (with the steps they ran) become the survivor's,
    but in a workflow the survivor is enrolled in already: one person goes through a
    workflow once, so that enrolment ends with the duplicate. Its list memberships
    become the survivor's where the survivor is not on the list yet."""
    survivors_workflows = select(Enrolment.workflow_id).where(Enrolment.contact_id == survivor_id)
    moving = list(
        session.scalars(
            select(Enrolment.id).where(
                Enrolment.contact_id == merged_id,
                Enrolment.workflow_id.not_in(survivors_workflows),
            )
        )
    )
    if moving:
        for model, key in ((StepRun, StepRun.enrolment_id), (Enrolment, Enrolment.id)):
            session.execute(update(model).where(key.in_(moving)).values(contact_id=survivor_id))
    survivors_lists = select(ContactListMember.list_id).where(
        ContactListMember.contact_id == survivor_id
    )
    session.execute(
        insert(ContactListMember).from_select(
            ["list_id", "contact_id", "added_at"],
            select(
                ContactListMember.list_id, literal(survivor_id), ContactListMember.added_at
            ).where(
                ContactListMember.contact_id == merged_id,
                ContactListMember.list_id.not_in(survivors_lists),
            ),
        )
    )
