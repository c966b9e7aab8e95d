"""The stalled-lead recycler: runs, then queues itself for the next hour."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.jobs import enqueue, job_handler
from huddle.routing.service import STALLED_JOB, recycle_stalled

EVERY = timedelta(hours=1)


@job_handler(STALLED_JOB)
def recycle(session: Session, payload: dict[str, Any]) -> None:
    recycle_stalled(session)
    enqueue(session, STALLED_JOB, {}, run_after=clock.now() + EVERY)
