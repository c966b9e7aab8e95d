"""The funnel's roll-up kept in the background: a job that brings it up to date (the first
time, after an upgrade or a history import, builds it: 15 s at a million contacts, which
the first report would otherwise spend while someone waits) and queues itself again
``EVERY`` later, so a report has little or nothing left to add."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.analytics.service import refresh_journeys
from huddle.core.jobs import periodic_job

REFRESH_JOB = "analytics.refresh"
EVERY = timedelta(minutes=5)


@periodic_job(REFRESH_JOB, every=EVERY)
def refresh(session: Session, payload: dict[str, Any]) -> None:
    refresh_journeys(session)
