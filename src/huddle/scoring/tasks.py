"""Background work: the full rescore, one chunk of contacts per job."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import enqueue, job_handler
from huddle.scoring.service import RESCORE_JOB, rescore_chunk


@job_handler(RESCORE_JOB)
def rescore(session: Session, payload: dict[str, Any]) -> None:
    """Rescore one chunk and queue the next in the same transaction, so a run survives a
    restart and its progress is visible after every chunk."""
    after = rescore_chunk(session, int(payload["run_id"]), int(payload["after_id"]))
    if after is not None:
        enqueue(session, RESCORE_JOB, {"run_id": payload["run_id"], "after_id": after})
