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
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from huddle.core import clock
from huddle.mailing import service as mailing
from huddle.scoring import service as scoring
from huddle.workflows import repository
from huddle.workflows.models import Enrolment
from huddle.workflows.service.conditions import condition_json
from huddle.workflows.service.definitions import Definition, definition
from huddle.workflows.service.enrolling import workflow_actor
from huddle.workflows.service.steps import Pause, StepContext, run_step

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
    claimed = repository.claim_due(session, now, limit)
    if not claimed:
        return PassResult()
    run = _Pass(session, repository.contacts_by_id(session, {e.contact_id for e in claimed}))
    repository.remember_active_workflows(session)
    try:
        # Their emails go out together: one delivery job, one SMTP connection.
        with mailing.one_delivery(session):
            for enrolment in claimed:
                run.enrolment(enrolment)
    finally:
        repository.forget_active_workflows(session)
    # The pass's record and where each enrolment got to, written at once in its
    # transaction (with every effect), a statement each.
    repository.add_step_runs(session, run.runs)
    repository.save_progress(session, claimed)
    session.flush()
    return run.result


@dataclass
class _Pass:
    """One batch of enrolments: what its steps share (the contacts, the workflows, what
    they read once: ``StepContext.memo``) and what it writes at the end (``runs``).

    An enrolment's progress is kept on its row's object as its committed value
    (``set_committed_value``), not as a change: a step's savepoint would flush each change
    as an UPDATE of its own, and roll it back with a failing step. The rows are written
    together at the end of the pass (``repository.save_progress``)."""

    session: Session
    contacts: dict[int, Contact]
    result: PassResult = field(default_factory=PassResult)
    runs: list[dict[str, Any]] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict)
    workflows: dict[int, Definition] = field(default_factory=dict)

    def enrolment(self, enrolment: Enrolment) -> None:
        contact = self.contacts.get(enrolment.contact_id)
        if contact is None:
            return
        if enrolment.workflow_id not in self.workflows:
            found = repository.workflow(self.session, enrolment.workflow_id)
            assert found is not None  # enrolments go with their workflow (cascade)
            self.workflows[enrolment.workflow_id] = definition(found)
        self.result.enrolments += 1
        self.result.steps += self._run(self.workflows[enrolment.workflow_id], enrolment, contact)

    def _run(self, found: Definition, enrolment: Enrolment, contact: Contact) -> int:
        """Run one enrolment's steps until it waits or ends; how many steps ran. A step
        that raises rolls back its own savepoint and fails the enrolment (the error is
        kept)."""
        session, ran = self.session, 0
        actor = workflow_actor(found.workflow)
        while ran < MAX_STEPS_PER_PASS:
            now = clock.now()
            step = found.by_id.get(enrolment.step_id or "")
            if step is None:
                _finish(enrolment, "exited", now, "its step was removed from the workflow")
                return ran
            exit_reason = exit_reason_for(session, found, contact)
            if exit_reason is not None:
                self._record(enrolment, step.id, step.kind, "exited", exit_reason, now)
                _finish(enrolment, "exited", now, exit_reason)
                return ran
            context = StepContext(session, found, enrolment, contact, actor, now, self.memo)
            try:
                with session.begin_nested():
                    outcome = run_step(context, step)
            except Exception as exc:
                log.exception("workflow %s step %s failed", found.workflow.id, step.id)
                self._record(enrolment, step.id, step.kind, "failed", str(exc)[:1000], now)
                _finish(enrolment, "failed", now, f"step {step.id} failed: {exc}"[:300])
                return ran
            ran += 1
            if isinstance(outcome, Pause):
                _progress(enrolment, waiting=True, next_run_at=outcome.until)
                return ran
            self._record(enrolment, step.id, step.kind, outcome.outcome, outcome.detail, now)
            _progress(enrolment, waiting=False, event_arrived=False, step_id=outcome.next)
            if outcome.next is None:
                _finish(enrolment, "completed", now, None)
                return ran
        _progress(enrolment, next_run_at=clock.now())
        return ran

    def _record(
        self,
        enrolment: Enrolment,
        step_id: str,
        kind: str,
        outcome: str,
        detail: str | None,
        at: datetime,
    ) -> None:
        """The step's run, keyed by the enrolment and how many steps it took: the same
        visit cannot be recorded (nor its effect committed) twice."""
        _progress(enrolment, steps_taken=enrolment.steps_taken + 1)
        self.runs.append(
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


def _progress(enrolment: Enrolment, **values: Any) -> None:
    # Committed values, written by ``repository.save_progress`` (see ``_Pass``).
    for name, value in values.items():
        set_committed_value(enrolment, name, value)


def _finish(enrolment: Enrolment, status: str, at: datetime, reason: str | None) -> None:
    _progress(enrolment, status=status, finished_at=at, next_run_at=None, waiting=False)
    if reason is not None:
        _progress(enrolment, reason=reason[:300])


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
