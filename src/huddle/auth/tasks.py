"""Auth's jobs: the email behind a "forgot password" request."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.auth import resets
from huddle.core.jobs import job_handler


@job_handler(resets.SEND_LINK_JOB)
def send_password_reset(session: Session, payload: dict[str, Any]) -> None:
    resets.send_reset_link(session, int(payload["reset_id"]))
