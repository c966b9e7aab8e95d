"""Enrolling contacts and running their due steps.

Every enrolment is a row with the step it is at and when that step is due. The worker takes
a batch of due enrolments (``repository.claim_due``: ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so two workers never take the same one) and runs each until it waits or ends,
all in one transaction: each step's side effect (a list row, a stage change, a queued
notification or webhook delivery) and its ``StepRun`` row, keyed ``<enrolment>:<step
number>`` (unique), commit together with the enrolment's advance, or not at all. A worker
killed mid-batch loses nothing (the rows were never committed: the next worker runs them)
and repeats nothing (what committed is recorded and advanced past).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.mailing import service as mailing
from huddle.scoring import service as scoring
from huddle.workflows import repository
from huddle.workflows.models import Enrolment
from huddle.workflows.service.conditions import condition_json
from huddle.workflows.service.definitions import Definition, definition
from huddle.workflows.service.enrolling import workflow_actor
from huddle.workflows.service.steps import Advance, Pause, StepContext, run_step

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

log = logging.getLogger(__name__)

# Enrolments per transaction: SQLite has one writer, and a batch holds it (requests wait up
# to busy_timeout); small batches keep that short at little cost in commits.
BATCH = 100
# A contact runs at most this many steps in one pass (validation refuses loops without a
# wait; this bounds a long chain of actions, the rest runs in the next pass).
MAX_STEPS_PER_PASS = 50


@dataclass
class PassResult:
    enrolments: int = 0
    steps: int = 0


def run_due(session: Session, *, limit: int = BATCH) -> PassResult:
    """Run the due enrolments (at most ``limit``), each until it waits or ends."""
    now = clock.now()
    result = PassResult()
    claimed = repository.claim_due(session, now, limit)
    if not claimed:
        return result
    contacts = repository.contacts_by_id(session, {e.contact_id for e in claimed})
    repository.remember_active_workflows(session)
    try:
        # Their emails go out together: one delivery job, one SMTP connection.
        with mailing.one_delivery(session):
            runs = _run_claimed(session, claimed, contacts, result)
    finally:
        repository.forget_active_workflows(session)
    # The pass's record, written at once in its transaction (with every effect).
    repository.add_step_runs(session, runs)
    session.flush()
    return result


def _run_claimed(
    session: Session,
    claimed: list[Enrolment],
    contacts: dict[int, Contact],
    result: PassResult,
) -> list[dict[str, Any]]:
    """Each claimed enrolment run in turn; the rows of the steps they ran."""
    workflows: dict[int, Definition] = {}
    runs: list[dict[str, Any]] = []
    for enrolment in claimed:
        if enrolment.workflow_id not in workflows:
            found = repository.workflow(session, enrolment.workflow_id)
            assert found is not None  # enrolments go with their workflow (cascade)
            workflows[enrolment.workflow_id] = definition(found)
        contact = contacts.get(enrolment.contact_id)
        if contact is None:
            continue
        result.enrolments += 1
        found = workflows[enrolment.workflow_id]
        result.steps += _run_enrolment(session, found, enrolment, contact, runs)
    return runs


def _run_enrolment(
    session: Session,
    found: Definition,
    enrolment: Enrolment,
    contact: Contact,
    runs: list[dict[str, Any]],
) -> int:
    """Run one enrolment's steps until it waits or ends; how many steps ran. A step that
    raises rolls back its own savepoint and fails the enrolment (the error is kept)."""
    ran = 0
    actor = workflow_actor(found.workflow)
    while ran < MAX_STEPS_PER_PASS:
        now = clock.now()
        step = found.by_id.get(enrolment.step_id or "")
        if step is None:
            _finish(enrolment, "exited", now, "its step was removed from the workflow")
            return ran
        exit_reason = exit_reason_for(session, found, contact)
        if exit_reason is not None:
            _record(runs, enrolment, step.id, step.kind, "exited", exit_reason, now)
            _finish(enrolment, "exited", now, exit_reason)
            return ran
        context = StepContext(session, found, enrolment, contact, actor, now)
        try:
            with session.begin_nested():
                outcome = run_step(context, step)
                if isinstance(outcome, Advance):
                    _record(
                        runs, enrolment, step.id, step.kind, outcome.outcome, outcome.detail, now
                    )
        except Exception as exc:
            log.exception("workflow %s step %s failed", found.workflow.id, step.id)
            _record(runs, enrolment, step.id, step.kind, "failed", str(exc)[:1000], now)
            _finish(enrolment, "failed", now, f"step {step.id} failed: {exc}"[:300])
            return ran
        ran += 1
        if isinstance(outcome, Pause):
            enrolment.waiting, enrolment.next_run_at = True, outcome.until
            return ran
        enrolment.waiting = enrolment.event_arrived = False
        enrolment.step_id = outcome.next
        if outcome.next is None:
            _finish(enrolment, "completed", now, None)
            return ran
    enrolment.next_run_at = clock.now()
    return ran


def _record(
    runs: list[dict[str, Any]],
    enrolment: Enrolment,
    step_id: str,
    kind: str,
    outcome: str,
    detail: str | None,
    at: datetime,
) -> None:
    """The step's run, keyed by the enrolment and how many steps it took: the same visit
    cannot be recorded (nor its effect committed) twice."""
    enrolment.steps_taken += 1
    runs.append(
        {
            "enrolment_id": enrolment.id,
            "workflow_id": enrolment.workflow_id,
            "contact_id": enrolment.contact_id,
            "step_id": step_id,
            "kind": kind,
            "outcome": outcome,
            "detail": detail,
            "idempotency_key": f"{enrolment.id}:{enrolment.steps_taken}",
            "at": at,
        }
    )


def _finish(enrolment: Enrolment, status: str, at: datetime, reason: str | None) -> None:
    enrolment.status, enrolment.finished_at = status, at
    enrolment.next_run_at = None
    enrolment.waiting = False
    if reason is not None:
        enrolment.reason = reason[:300]


def exit_reason_for(session: Session, found: Definition, contact: Contact) -> str | None:
    """Why the contact leaves the workflow now, or None: checked before every step."""
    criteria = found.exit_criteria
    if contact.lifecycle_stage in criteria.stages:
        return f"became {contact.lifecycle_stage}"
    if criteria.unsubscribed and (contact.do_not_email or contact.email_opt_in == "opted_out"):
        return "unsubscribed"
    if criteria.condition is not None and scoring.contact_matches(
        session, contact.id, condition_json(criteria.condition)
    ):
        return "met the exit condition"
    return None
