"""Jobs of the shared record: delivering ``TouchesRecorded`` through the worker."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.events import TouchesRecorded
from huddle.contacts.service import touches
from huddle.contacts.service.touches import MAP_CAMPAIGNS_JOB, TOUCHES_RECORDED_JOB
from huddle.core.events import publish
from huddle.core.jobs import enqueue, job_handler


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


@job_handler(MAP_CAMPAIGNS_JOB)
def map_touch_campaigns(session: Session, payload: dict[str, Any]) -> None:
    """A slice of the touches mapped by the UTM rules; the rest in a job of its own, so
    one run stays short and a failure repeats only its slice."""
    _, after_id = touches.map_touch_campaigns(session, after_id=int(payload["after_id"]))
    if after_id is not None:
        enqueue(session, MAP_CAMPAIGNS_JOB, {"after_id": after_id})
