"""The SLA's heartbeat: a job that runs a pass (warnings, breaches, absences) and queues
itself again ``TICK`` later, so breaches are marked within a minute of their due time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import job_handler, periodic_job
from huddle.sla.service import run_due
from huddle.sla.service.alerts import ALERTS_JOB, send_alerts

TICK_JOB = "sla.tick"
TICK = timedelta(seconds=30)


@periodic_job(TICK_JOB, every=TICK)
def tick(session: Session, payload: dict[str, Any]) -> None:
    run_due(session)


@job_handler(ALERTS_JOB)
def alerts(session: Session, payload: dict[str, Any]) -> None:
    send_alerts(session, payload)
