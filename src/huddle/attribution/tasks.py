"""The attribution roll-up kept in the background: a job that brings it up to date (the
first time, after an upgrade, builds it: minutes at a million contacts, never inside a
request) and queues itself again ``EVERY`` later, so a report has little left to do."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.attribution.service import refresh_rollup
from huddle.core.jobs import periodic_job

REFRESH_JOB = "attribution.refresh"
EVERY = timedelta(minutes=5)


@periodic_job(REFRESH_JOB, every=EVERY)
def refresh(session: Session, payload: dict[str, Any]) -> None:
    refresh_rollup(session)
