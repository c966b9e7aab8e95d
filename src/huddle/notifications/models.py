"""In-app notifications, the email outbox and outbound webhooks with their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow


class Notification(Base):
    """Something a user should know, shown under the bell until read."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_id_id", "user_id", "id"),
        Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(500))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


class OutboundEmail(Base):
    """An email waiting for (or past) the SMTP job: the outbox."""

    __tablename__ = "outbound_emails"
    __table_args__ = (Index("ix_outbound_emails_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notifications.id", ondelete="SET NULL")
    )
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # queued -> sent
    status: Mapped[str] = mapped_column(String(10), default="queued")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # The body holds a one-time secret (a password reset link): it is blanked once sent,
    # so the outbox keeps no usable link.
    body_secret: Mapped[bool] = mapped_column(Boolean, default=False)


class Webhook(TimestampMixin, Base):
    """An outbound webhook: the catalogue's ``events`` it subscribes to
    (``notifications.schemas.WEBHOOK_EVENTS``) are POSTed as JSON, signed with HMAC-SHA256
    of the body under ``secret``; of ``notification.created``, only notifications of the
    listed ``kinds`` (all when empty)."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(200))
    events: Mapped[list[str]] = mapped_column(JSONType, default=list)
    kinds: Mapped[list[str]] = mapped_column(JSONType, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WebhookDelivery(Base):
    """One event for one webhook: the exact body signed, and how its POSTs went (the
    delivery log). A failed POST is tried again later, up to a limit."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_webhook_id_id", "webhook_id", "id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(Text)
    # queued -> delivered, or queued -> retrying ... -> delivered | failed
    status: Mapped[str] = mapped_column(String(10), default="queued")
    response_status: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]


class EmailDelivery(Base):
    """Whether sending email is paused (one row, id 1): set when the SMTP server cannot be
    reached, cleared when a check finds it again. The outbox keeps its messages meanwhile."""

    __tablename__ = "email_delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paused_since: Mapped[datetime | None]
    # host:port as tried when delivery paused, and why it failed, for the admins' banner.
    smtp_address: Mapped[str | None] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(String(500))
    # Failed checks since the pause: the next one waits twice as long, up to a limit.
    checks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_check_at: Mapped[datetime | None]
