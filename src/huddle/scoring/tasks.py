"""Background work: the full rescore, in lanes of chunks, one chunk per job."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import enqueue, job_handler
from huddle.core.settings import get_settings
from huddle.scoring.service import RESCORE_JOB, Lane, open_run, rescore_chunk


@job_handler(RESCORE_JOB)
def rescore(session: Session, payload: dict[str, Any]) -> None:
    """A run's first job opens it and queues one job per lane (as many lanes as the
    worker has threads, so they run side by side). A lane's job rescores a chunk and
    queues the lane's next chunk in the same transaction, so a run survives a restart and
    its progress is visible after every chunk."""
    run_id = int(payload["run_id"])
    # A job queued before lanes existed carries only where its chunk starts (after_id > 0).
    if "until_id" in payload or payload.get("after_id"):
        rest = rescore_chunk(
            session, run_id, Lane(int(payload["after_id"]), payload.get("until_id"))
        )
        lanes = [] if rest is None else [rest]
    else:
        # As many lanes as a worker for this database runs threads.
        sqlite = session.get_bind().dialect.name == "sqlite"
        lanes = open_run(session, run_id, lanes=get_settings().threads_for(sqlite=sqlite))
    for lane in lanes:
        enqueue(
            session,
            RESCORE_JOB,
            {"run_id": run_id, "after_id": lane.after_id, "until_id": lane.until_id},
        )
