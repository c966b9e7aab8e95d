"""The SLA's heartbeat: a job that runs a pass (warnings, breaches, absences) and queues
itself again ``TICK`` later, so breaches are marked within a minute of their due time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.jobs import Job, enqueue, job_handler
from huddle.sla.service import run_due

TICK_JOB = "sla.tick"
TICK = timedelta(seconds=30)


def ensure_scheduled(session: Session) -> bool:
    """Queue the tick unless one is already queued or running. Returns True if it queued."""
    waiting = session.scalar(
        select(Job.id).where(Job.kind == TICK_JOB, Job.status.in_(("queued", "running"))).limit(1)
    )
    if waiting is not None:
        return False
    enqueue(session, TICK_JOB, {})
    return True


@job_handler(TICK_JOB)
def tick(session: Session, payload: dict[str, Any]) -> None:
    run_due(session)
    enqueue(session, TICK_JOB, {}, run_after=clock.now() + TICK)
