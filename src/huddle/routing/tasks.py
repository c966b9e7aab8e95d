"""Routing's background work: routing a lead that qualified (queued by the StageChanged
subscriber, safe to run twice), and the stalled-lead recycler (runs, then queues itself
for the next hour)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import job_handler, periodic_job
from huddle.routing import service

EVERY = timedelta(hours=1)


@job_handler(service.ROUTE_JOB)
def route_qualified_lead(session: Session, payload: dict[str, Any]) -> None:
    service.route_qualified_lead(session, payload)


@periodic_job(service.STALLED_JOB, every=EVERY)
def recycle(session: Session, payload: dict[str, Any]) -> None:
    service.recycle_stalled(session)
