"""The delivery job: one message per job, in short transactions of its own (see
``service.delivery``), so the record of a send never waits on the SMTP server."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from huddle.core.db import unit_of_work
from huddle.core.jobs import job_handler
from huddle.core.settings import get_settings
from huddle.mailing import service


@job_handler(service.DELIVER_JOB)
def deliver(session: Session, payload: dict[str, Any]) -> None:
    # The job's own session is left unused: on SQLite it would hold the one write lock
    # across the SMTP conversation.
    factory = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
    service.deliver(lambda: unit_of_work(factory), int(payload["send_id"]), get_settings())
