"""Enrolling a contact in a workflow (its re-enrolment policy decides), and what enrols:
the triggers' matches, a list joined, another workflow's step, a person by hand."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy import event
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.jobs import enqueue
from huddle.workflows import repository
from huddle.workflows.models import Enrolment, Workflow
from huddle.workflows.service.definitions import add_member

RUN_DUE_JOB = "workflows.run_due"
_RUN_QUEUED = "huddle.workflows.run_queued"


def workflow_actor(workflow: Workflow) -> Actor:
    return Actor("workflow", label=f"workflow #{workflow.id} {workflow.name}"[:120])


def enrol(
    session: Session, workflow: Workflow, contact_id: int, *, reason: str
) -> Enrolment | None:
    """Enrol the contact at the workflow's first step, due now, unless the workflow is not
    active or its re-enrolment policy says no:
    already on its way; enrolled before and the workflow enrols once; enrolled less than
    ``reenrol_after_days`` ago. Returns the enrolment, or None."""
    if not workflow.steps or workflow.status != "active":
        return None
    now = clock.now()
    last = repository.latest_enrolment(session, workflow.id, contact_id)
    if last is not None:
        if last.status == "active":
            return None
        again = workflow.reenrol_after_days
        if again is None or last.enrolled_at + timedelta(days=again) > now:
            return None
    enrolment = Enrolment(
        workflow_id=workflow.id,
        contact_id=contact_id,
        step_id=workflow.steps[0]["id"],
        status="active",
        next_run_at=now,
        reason=reason[:300],
        enrolled_at=now,
    )
    session.add(enrolment)
    session.flush()
    queue_run(session)
    return enrolment


def queue_run(session: Session) -> None:
    """Queue one run of the due steps for the worker, once per transaction: the in-process
    worker starts as soon as it commits (the periodic tick catches the rest)."""
    if not session.info.get(_RUN_QUEUED):
        enqueue(session, RUN_DUE_JOB, {})
        session.info[_RUN_QUEUED] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_queued_run(session: Session) -> None:
    session.info.pop(_RUN_QUEUED, None)


def join_list(session: Session, list_id: int, contact_id: int) -> bool:
    """Put the contact on the list and enrol it in the active workflows that list's joining
    triggers; False when it was on the list already (nothing is triggered again)."""
    if not add_member(session, list_id, contact_id):
        return False
    _enrol_joined(session, list_id, [contact_id])
    return True


def join_list_all(session: Session, list_id: int, contact_ids: Sequence[int]) -> set[int]:
    """``join_list`` for many contacts of a list that exists (a workflow batch's step), in
    a statement or two: the contacts it put on the list (not those on it already)."""
    on_it = repository.members_among(session, list_id, contact_ids)
    joining = [c for c in dict.fromkeys(contact_ids) if c not in on_it]
    repository.add_members(session, list_id, joining)
    _enrol_joined(session, list_id, joining)
    return set(joining)


def _enrol_joined(session: Session, list_id: int, contact_ids: Sequence[int]) -> None:
    """Enrol contacts that joined the list in the workflows its joining triggers."""
    for workflow in repository.active_workflows(session, ["list_joined"]):
        if (workflow.trigger or {}).get("list_id") == list_id:
            for contact_id in contact_ids:
                enrol(session, workflow, contact_id, reason="joined a list")


def enrol_all(
    session: Session, workflows: Iterable[Workflow], contact_ids: Iterable[int], *, reason: str
) -> int:
    """Enrol each contact in each workflow (the policy decides each); how many were."""
    return sum(
        enrol(session, workflow, contact_id, reason=reason) is not None
        for workflow in workflows
        for contact_id in contact_ids
    )
