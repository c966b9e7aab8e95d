"""Auth's jobs: the email behind a "forgot password" request, and the daily clean-up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.auth import housekeeping, resets
from huddle.core.jobs import job_handler, periodic_job

PRUNE_JOB = "auth.prune"


@job_handler(resets.SEND_LINK_JOB)
def send_password_reset(session: Session, payload: dict[str, Any]) -> None:
    resets.send_reset_link(session, int(payload["reset_id"]))


@periodic_job(PRUNE_JOB, every=timedelta(days=1))
def prune(session: Session, payload: dict[str, Any]) -> None:
    housekeeping.prune(session)
