"""Notifications' queries: in-app notifications, the email outbox and its delivery state,
webhooks and their deliveries; and the user a notification is for (auth's table, read)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.jobs import Job
from huddle.notifications.models import (
    EmailDelivery,
    Notification,
    OutboundEmail,
    Webhook,
    WebhookDelivery,
)

# The email_delivery table's one row.
DELIVERY_ROW = 1


def recipient(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


# --- in-app ----------------------------------------------------------------------------------


def unread_count(session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )


def notifications_of(
    session: Session, user_id: int, *, before: int | None, limit: int
) -> list[Notification]:
    """Newest first, keyset-paginated on id."""
    query = select(Notification).where(Notification.user_id == user_id)
    if before is not None:
        query = query.where(Notification.id < before)
    return list(session.scalars(query.order_by(Notification.id.desc()).limit(limit)))


def get_notification(session: Session, notification_id: int) -> Notification | None:
    return session.get(Notification, notification_id)


def mark_unread_read(
    session: Session, user_id: int, at: datetime, *, notification_id: int | None = None
) -> int:
    """Mark the user's unread notifications (or the one with ``notification_id``) read;
    how many were."""
    query = update(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    result = session.execute(query.values(read_at=at))
    return int(getattr(result, "rowcount", 0) or 0)


def mark_read_for_link(session: Session, user_id: int, link: str, at: datetime) -> None:
    """By the index on (user_id, read_at)."""
    session.execute(
        update(Notification)
        .where(
            Notification.user_id == user_id,
            Notification.read_at.is_(None),
            Notification.link == link,
        )
        .values(read_at=at)
    )


def newest_created_at(session: Session, user_id: int) -> datetime | None:
    return session.scalar(
        select(func.max(Notification.created_at)).where(Notification.user_id == user_id)
    )


def rows_naming(
    session: Session, model: type[Any], fields: tuple[str, ...], needles: tuple[str, ...]
) -> list[Any]:
    """Rows of ``model`` whose ``fields`` contain any of ``needles`` (case ignored): a scan
    per needle, for erasure, which is rare."""
    hit = or_(
        *(
            func.lower(cast(getattr(model, field), Text)).contains(needle.lower(), autoescape=True)
            for field in fields
            for needle in needles
        )
    )
    return list(session.scalars(select(model).where(hit)))


def settle_emails_before(session: Session, moment: datetime, *, send_email_job: str) -> None:
    """Emails queued before ``moment`` count as sent when they were written, and their jobs
    are done without mailing anyone."""
    session.execute(
        update(OutboundEmail)
        .where(OutboundEmail.status == "queued", OutboundEmail.created_at < moment)
        .values(status="sent", sent_at=OutboundEmail.created_at)
    )
    session.execute(
        update(Job)
        .where(Job.kind == send_email_job, Job.status == "queued", Job.run_after < moment)
        .values(status="done")
    )


def mark_read_before(session: Session, moment: datetime) -> None:
    """Notifications created before ``moment`` count as read when they were created."""
    session.execute(
        update(Notification)
        .where(Notification.read_at.is_(None), Notification.created_at < moment)
        .values(read_at=Notification.created_at)
    )


# --- the email outbox ------------------------------------------------------------------------


def email_to_send(session: Session, email_id: int) -> OutboundEmail | None:
    """The outbox row, locked and read afresh: one email may have two jobs (one queued
    before a pause, one from the resume); the second waits for the first and finds it sent."""
    return session.get(OutboundEmail, email_id, with_for_update=True, populate_existing=True)


def delivery_state(session: Session) -> EmailDelivery | None:
    return session.get(EmailDelivery, DELIVERY_ROW)


def pause_delivery(session: Session, values: dict[str, Any]) -> bool:
    """Pause delivery where it is not paused yet; whether this call paused it. Of two jobs
    failing at once, one pauses; the other waits for its row lock and changes nothing."""
    paused = session.execute(
        update(EmailDelivery)
        .where(EmailDelivery.id == DELIVERY_ROW, EmailDelivery.paused_since.is_(None))
        .values(**values)
    )
    return bool(getattr(paused, "rowcount", 0))


def queued_email_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(OutboundEmail.id)
            .where(OutboundEmail.status == "queued")
            .order_by(OutboundEmail.id)
        )
    )


def count_queued_emails(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(OutboundEmail).where(OutboundEmail.status == "queued")
        )
        or 0
    )


def latest_emails(session: Session, limit: int) -> list[OutboundEmail]:
    return list(
        session.scalars(select(OutboundEmail).order_by(OutboundEmail.id.desc()).limit(limit))
    )


# --- webhooks --------------------------------------------------------------------------------


def active_webhooks(session: Session) -> list[Webhook]:
    return list(session.scalars(select(Webhook).where(Webhook.active.is_(True))))


def all_webhooks(session: Session) -> list[Webhook]:
    return list(session.scalars(select(Webhook).order_by(Webhook.id)))


def get_webhook(session: Session, webhook_id: int) -> Webhook | None:
    return session.get(Webhook, webhook_id)


def delete_deliveries_of(session: Session, webhook_id: int) -> None:
    session.execute(delete(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id))


def get_delivery(session: Session, delivery_id: int) -> WebhookDelivery | None:
    return session.get(WebhookDelivery, delivery_id)


def latest_deliveries(session: Session, webhook_id: int, limit: int) -> list[WebhookDelivery]:
    return list(
        session.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.webhook_id == webhook_id)
            .order_by(WebhookDelivery.id.desc())
            .limit(limit)
        )
    )
