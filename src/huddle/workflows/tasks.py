"""The workflows' background work: running due steps in batches, the minute tick that
finds waits that came due, and the daily date-field triggers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import enqueue, job_handler, periodic_job
from huddle.workflows.service import BATCH, RUN_DUE_JOB, date_fields_due, run_due


@job_handler(RUN_DUE_JOB)
def run_due_steps(session: Session, payload: dict[str, Any]) -> None:
    """One batch in this job's transaction; a full batch queues the next (its own commit)."""
    ran = run_due(session, limit=BATCH)
    if ran.enrolments >= BATCH:
        enqueue(session, RUN_DUE_JOB, {})


@periodic_job("workflows.tick", every=timedelta(minutes=1))
def tick(session: Session, payload: dict[str, Any]) -> None:
    """Waits that came due since: run them (a full batch hands the rest to a run job)."""
    run_due_steps(session, payload)


@periodic_job("workflows.date_triggers", every=timedelta(days=1))
def date_triggers(session: Session, payload: dict[str, Any]) -> None:
    date_fields_due(session)
