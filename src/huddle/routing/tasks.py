"""The stalled-lead recycler: runs, then queues itself for the next hour."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import periodic_job
from huddle.routing.service import STALLED_JOB, recycle_stalled

EVERY = timedelta(hours=1)


@periodic_job(STALLED_JOB, every=EVERY)
def recycle(session: Session, payload: dict[str, Any]) -> None:
    recycle_stalled(session)
