"""Jobs of the shared record: delivering ``TouchesRecorded`` through the worker."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.events import TouchesRecorded
from huddle.contacts.service.touches import TOUCHES_RECORDED_JOB
from huddle.core.events import publish
from huddle.core.jobs import job_handler


@job_handler(TOUCHES_RECORDED_JOB)
def deliver_touches_recorded(session: Session, payload: dict[str, Any]) -> None:
    """With ``HUDDLE_TOUCH_HOOKS=worker`` the ingesting request only queues this job; the
    hooks then run here, in the worker's own transaction."""
    publish(
        session,
        TouchesRecorded(
            touch_ids=tuple(payload["touch_ids"]),
            contact_ids=tuple(payload["contact_ids"]),
            types=tuple(payload["types"]),
        ),
    )
