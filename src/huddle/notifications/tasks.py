"""Delivery jobs: one email or one webhook POST per job, retried with back-off on failure;
and, while email delivery is paused, the check of the SMTP server."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import job_handler
from huddle.notifications import service


@job_handler(service.SEND_EMAIL_JOB)
def send_email(session: Session, payload: dict[str, Any]) -> None:
    service.send_email(session, int(payload["email_id"]))


@job_handler(service.DELIVER_WEBHOOK_JOB)
def deliver_webhook(session: Session, payload: dict[str, Any]) -> None:
    # Jobs queued before retries were logged carry no attempt.
    attempt = payload.get("attempt")
    service.deliver_webhook(
        session, int(payload["delivery_id"]), None if attempt is None else int(attempt)
    )


@job_handler(service.CHECK_SMTP_JOB)
def check_smtp(session: Session, payload: dict[str, Any]) -> None:
    service.check_email_delivery(session)
