"""The delivery jobs: one message per job, or a workflow batch's over one connection, in
short transactions of their own (see ``service.delivery``), so the record of a send never
waits on the SMTP server."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from huddle.core.jobs import job_handler
from huddle.core.settings import get_settings
from huddle.mailing import service


@job_handler(service.DELIVER_JOB)
def deliver(session: Session, payload: dict[str, Any]) -> None:
    # The job's own session is left unused: on SQLite it would hold the one write lock
    # across the SMTP conversation.
    factory = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
    service.deliver(factory, int(payload["send_id"]), get_settings())


@job_handler(service.DELIVER_ALL_JOB)
def deliver_all(session: Session, payload: dict[str, Any]) -> None:
    """A batch of sends (a workflow's): one SMTP connection, the same transactions each."""
    factory = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
    send_ids = [int(each) for each in payload["send_ids"]]
    service.deliver_all(factory, send_ids, get_settings())
