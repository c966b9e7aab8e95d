"""Background work: scoring every contact with the model just activated, a chunk per job."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import enqueue, job_handler
from huddle.predictive import RESCORE_JOB


@job_handler(RESCORE_JOB)
def rescore(session: Session, payload: dict[str, Any]) -> None:
    """Score one chunk and queue the next in the same transaction: a restart resumes where
    the last committed chunk ended, and running a chunk twice writes the same values."""
    # Imported here: the service brings numpy and scikit-learn (about 150 MB), which a
    # process that never scores a model (an import, the web server) should not carry.
    from huddle.predictive.service import rescore_chunk

    version_id = int(payload["version_id"])
    after = rescore_chunk(session, version_id, int(payload.get("after_id", 0)))
    if after is not None:
        enqueue(session, RESCORE_JOB, {"version_id": version_id, "after_id": after})
