"""ORM models of tracking: sites, their forms, the event-type registry, identified visitors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

EVENT_CATEGORIES = ("marketing", "sales", "product", "customer")


class Site(TimestampMixin, Base):
    """A website that carries the snippet. Its key is public: it can only write touches."""

    __tablename__ = "tracking_sites"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    site_key: Mapped[str] = mapped_column(String(40), unique=True)
    # Origins ("https://www.example.com") allowed to send page views and form posts (CORS).
    allowed_origins: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Full URLs a form may send people to afterwards; nothing else is ever a redirect target.
    allowed_redirects: Mapped[list[str]] = mapped_column(JSONType, default=list)


class Form(TimestampMixin, Base):
    """A form on a site (embedded in its pages or hosted by Huddle at /f/{form_key})."""

    __tablename__ = "tracking_forms"
    __table_args__ = (Index("ix_tracking_forms_site_id", "site_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("tracking_sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    form_key: Mapped[str] = mapped_column(String(40), unique=True)
    # [{"name": "email", "label": "Work email", "type": "email", "required": true}, ...]
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # The checkbox whose tick is the only thing that records email consent.
    consent_field: Mapped[str | None] = mapped_column(String(60))
    consent_text: Mapped[str | None] = mapped_column(Text)
    thank_you_url: Mapped[str] = mapped_column(String(2000))
    honeypot_field: Mapped[str] = mapped_column(String(60), default="website")
    min_fill_seconds: Mapped[int] = mapped_column(Integer, default=3)


class EventType(TimestampMixin, Base):
    """The registry scoring, workflows and analytics refer to by name."""

    __tablename__ = "tracking_event_types"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(20))
    # An event of this type tells who the person is (a form, a click from an email).
    identifies: Mapped[bool] = mapped_column(Boolean, default=False)
    # Events for an email Huddle does not know create the contact (else they are refused).
    creates_contacts: Mapped[bool] = mapped_column(Boolean, default=False)
    # A small JSON schema: {"type": "object", "properties": {...}, "required": [...]}.
    properties_schema: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class Visitor(Base):
    """An anonymous website visitor who has been identified: later page views go straight
    to the contact. Visitors never identified need no row (their touches carry the id)."""

    __tablename__ = "tracking_visitors"
    __table_args__ = (Index("ix_tracking_visitors_contact_id", "contact_id"),)

    visitor_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    identified_at: Mapped[datetime] = mapped_column(default=utcnow)
