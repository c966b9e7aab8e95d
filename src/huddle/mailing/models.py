"""Email templates, the send log (one row per message, keyed by the caller's idempotency
key) and the suppression list (addresses that bounced or complained)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

# A send's life: queued -> sending -> sent, or skipped (nobody to send to, the log says
# why) or failed (the server refused it). "sending" is written before the SMTP
# conversation and "sent" just before the final dot of its DATA (see service.delivery).
SEND_STATUSES = ("queued", "sending", "sent", "skipped", "failed")
SUPPRESSION_REASONS = ("bounce", "complaint", "manual")


class EmailTemplate(TimestampMixin, Base):
    __tablename__ = "email_templates"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    subject: Mapped[str] = mapped_column(String(500))
    html_body: Mapped[str] = mapped_column(Text)
    # None: derived from the rendered HTML at send time.
    text_body: Mapped[str | None] = mapped_column(Text)


class EmailSend(Base):
    __tablename__ = "email_sends"
    __table_args__ = (
        Index("ix_email_sends_created_at_id", "created_at", "id"),
        Index("ix_email_sends_started_at", "started_at"),
        Index("ix_email_sends_domain_started_at", "domain", "started_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("email_templates.id", ondelete="SET NULL")
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    # A test send goes to a user's address, rendered for the contact chosen.
    test_to: Mapped[str | None] = mapped_column(String(320))
    is_test: Mapped[bool] = mapped_column(Boolean, default=False)
    # Values the template sees beside the contact's, fixed when the send was queued: the
    # asset a workflow chose ({"asset": {"title": ..., "url": ...}}). Plain JSON.
    template_values: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    to_address: Mapped[str | None] = mapped_column(String(320))
    # The recipient's domain, which the per-domain rate limit counts by.
    domain: Mapped[str | None] = mapped_column(String(253))
    subject: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    reason: Mapped[str | None] = mapped_column(String(500))
    message_id: Mapped[str | None] = mapped_column(String(300))
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


class EmailSuppression(Base):
    """An address Huddle never sends marketing email to again."""

    __tablename__ = "email_suppressions"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    reason: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
