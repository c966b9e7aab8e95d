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
from huddle.workflows.service.steps import (
    Outcome,
    Pause,
    StepContext,
    run_step,
    run_step_for_all,
)

if TYPE_CHECKING:
    from huddle.contacts.models import Contact
    from huddle.workflows.schemas import StepModel

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
            run.all(claimed)
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

    The batch runs set-at-a-time: a round takes every enrolment one step on, the
    enrolments at the same step together (a kind with a batch handler runs once for them
    all, in a savepoint; if that fails they run one by one, each in its own, so a step
    that raises fails only its enrolment). Exit criteria are checked before each step.

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

    def all(self, claimed: list[Enrolment]) -> None:
        going = [e for e in claimed if e.contact_id in self.contacts]
        self.result.enrolments += len(going)
        # An enrolment runs at most ``MAX_STEPS_PER_PASS`` steps: one a round.
        for _ in range(MAX_STEPS_PER_PASS):
            if not going:
                return
            going = [e for group in _at_same_step(going) for e in self._step(group)]
        for enrolment in going:
            _progress(enrolment, next_run_at=clock.now())

    def _workflow(self, workflow_id: int) -> Definition:
        if workflow_id not in self.workflows:
            found = repository.workflow(self.session, workflow_id)
            assert found is not None  # enrolments go with their workflow (cascade)
            self.workflows[workflow_id] = definition(found)
        return self.workflows[workflow_id]

    def _step(self, group: list[Enrolment]) -> list[Enrolment]:
        """Run the step a group of enrolments is at (the same workflow's same step), each
        that may go on; the enrolments that go on to another step this pass."""
        found, now = self._workflow(group[0].workflow_id), clock.now()
        step = found.by_id.get(group[0].step_id or "")
        if step is None:
            for enrolment in group:
                _finish(enrolment, "exited", now, "its step was removed from the workflow")
            return []
        actor = workflow_actor(found.workflow)
        contexts = []
        for enrolment in group:
            contact = self.contacts[enrolment.contact_id]
            exit_reason = exit_reason_for(self.session, found, contact)
            if exit_reason is not None:
                self._record(enrolment, step.id, step.kind, "exited", exit_reason, now)
                _finish(enrolment, "exited", now, exit_reason)
                continue
            contexts.append(
                StepContext(self.session, found, enrolment, contact, actor, now, self.memo)
            )
        outcomes = self._outcomes(contexts, step) if contexts else []
        return [
            ctx.enrolment
            for ctx, outcome in zip(contexts, outcomes, strict=True)
            if self._advance(ctx.enrolment, step, outcome, now)
        ]

    def _outcomes(self, contexts: list[StepContext], step: StepModel) -> list[Outcome | Exception]:
        """Each context's outcome of the step: all at once where its kind can, else (or if
        that raised) one by one; an exception is the outcome of a step that raised."""
        if len(contexts) > 1:
            try:
                with self.session.begin_nested():
                    together = run_step_for_all(contexts, step)
            except Exception:
                log.info("step %s for %d at once failed: one by one", step.id, len(contexts))
                together = None
            if together is not None:
                return list(together)
        return [self._one(ctx, step) for ctx in contexts]

    def _one(self, ctx: StepContext, step: StepModel) -> Outcome | Exception:
        try:
            with self.session.begin_nested():
                return run_step(ctx, step)
        except Exception as exc:
            log.exception("workflow %s step %s failed", ctx.workflow.workflow.id, step.id)
            return exc

    def _advance(
        self, enrolment: Enrolment, step: StepModel, outcome: Outcome | Exception, now: datetime
    ) -> bool:
        """Record the step's outcome and move the enrolment on; whether it goes on to its
        next step now. A step that raised fails the enrolment (the error is kept)."""
        if isinstance(outcome, Exception):
            self._record(enrolment, step.id, step.kind, "failed", str(outcome)[:1000], now)
            _finish(enrolment, "failed", now, f"step {step.id} failed: {outcome}"[:300])
            return False
        self.result.steps += 1
        if isinstance(outcome, Pause):
            _progress(enrolment, waiting=True, next_run_at=outcome.until)
            return False
        self._record(enrolment, step.id, step.kind, outcome.outcome, outcome.detail, now)
        _progress(enrolment, waiting=False, event_arrived=False, step_id=outcome.next)
        if outcome.next is None:
            _finish(enrolment, "completed", now, None)
            return False
        return True

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


def _at_same_step(enrolments: list[Enrolment]) -> list[list[Enrolment]]:
    """The enrolments grouped by the workflow step they are at, in the order first met."""
    groups: dict[tuple[int, str | None], list[Enrolment]] = {}
    for enrolment in enrolments:
        groups.setdefault((enrolment.workflow_id, enrolment.step_id), []).append(enrolment)
    return list(groups.values())


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
