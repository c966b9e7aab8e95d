"""The plays' background work: advancing a run (its marketing steps, opening its tasks)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import job_handler
from huddle.plays.service import ADVANCE_JOB, advance


@job_handler(ADVANCE_JOB)
def advance_run(session: Session, payload: dict[str, Any]) -> None:
    advance(session, int(payload["run_id"]))
