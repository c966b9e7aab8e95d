"""ORM models of the SLA: its versions (text + machine-checked terms) and their signatures,
the business calendars clocks count in, the clocks themselves and each clock's log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

VERSION_STATES = ("draft", "active", "archived")
SIDES = ("marketing", "sales")
# running -> paused -> running ...; then met (stopped in time), breached (due passed; it
# may still be stopped late, which sets stopped_at) or cancelled (the lead left the flow).
CLOCK_STATES = ("running", "paused", "met", "breached", "cancelled")
OPEN_STATES = ("running", "paused")


class SlaCalendar(TimestampMixin, Base):
    """Working hours, time zone and holidays of the company (``scope`` "company") or of a team
    (``scope`` "team:<team>"). A rep's own working hours (users.working_hours) win over both."""

    __tablename__ = "sla_calendars"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    scope: Mapped[str] = mapped_column(String(60), unique=True)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    # {"mon": ["09:00", "17:30"], ...} as on users.working_hours
    hours: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    holidays: Mapped[list[str]] = mapped_column(JSONType, default=list)


class SlaVersion(Base):
    """One version of the agreement. Exactly one is active (a partial unique index says so
    in the database too); drafts become active when both sides have signed."""

    __tablename__ = "sla_versions"
    __table_args__ = (
        Index(
            "uq_sla_versions_one_active",
            "status",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    based_on_id: Mapped[int | None] = mapped_column(
        ForeignKey("sla_versions.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    activated_at: Mapped[datetime | None]
    archived_at: Mapped[datetime | None]


class SlaSignature(Base):
    __tablename__ = "sla_signatures"
    __table_args__ = (UniqueConstraint("version_id", "side", "user_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sla_versions.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)


class SlaClock(Base):
    """One term measured for one lead: business time from ``started_at`` to ``due_at``, in
    the calendar of its owner (or team). ``warn_at`` is cleared once the warning went out, so
    the worker finds what is due with one range query per index."""

    __tablename__ = "sla_clocks"
    __table_args__ = (
        Index("ix_sla_clocks_state_due_at", "state", "due_at"),
        Index("ix_sla_clocks_state_warn_at", "state", "warn_at"),
        Index("ix_sla_clocks_contact_id_state", "contact_id", "state"),
        Index("ix_sla_clocks_owner_id_state", "owner_id", "state"),
        Index("ix_sla_clocks_term_key_started_at", "term_key", "started_at"),
        # The dashboard's compliance per period, grouped by term, owner and team, read from
        # the index alone.
        Index(
            "ix_sla_clocks_started_at_state", "started_at", "state", "term_key", "team", "owner_id"
        ),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sla_versions.id", ondelete="CASCADE"))
    term_key: Mapped[str] = mapped_column(String(60))
    term_kind: Mapped[str] = mapped_column(String(30))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    team: Mapped[str | None] = mapped_column(String(40))
    handoff_id: Mapped[int | None] = mapped_column(BigIntId)
    # A ``play_task`` clock's task (a play's run step): done, it stops the clock.
    task_id: Mapped[int | None] = mapped_column(BigIntId)
    state: Mapped[str] = mapped_column(String(10), default="running")
    started_at: Mapped[datetime]
    # The term's business duration, and what was left of it when the clock was paused.
    business_seconds: Mapped[int] = mapped_column(Integer)
    remaining_seconds: Mapped[int | None] = mapped_column(Integer)
    due_at: Mapped[datetime | None]
    warn_at: Mapped[datetime | None]
    # "At least K touch attempts": K, and how many so far.
    target_count: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)
    # The term pauses the clock while the owner is out of office.
    pausable: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_at: Mapped[datetime | None]
    # [[paused_at, resumed_at], ...] ISO instants
    paused_intervals: Mapped[list[list[str]]] = mapped_column(JSONType, default=list)
    warned_at: Mapped[datetime | None]
    breached_at: Mapped[datetime | None]
    stopped_at: Mapped[datetime | None]
    # Business seconds from start to stop in the owner's calendar, set when it stops: the
    # quarterly review's medians read it instead of working through thousands of calendars.
    elapsed_seconds: Mapped[int | None] = mapped_column(Integer)


class SlaClockEvent(Base):
    """A clock's life, shown on the contact: started, paused, resumed, warned, breached,
    escalated, met, cancelled."""

    __tablename__ = "sla_clock_events"
    __table_args__ = (
        Index("ix_sla_clock_events_contact_id_at", "contact_id", "at"),
        Index("ix_sla_clock_events_clock_id", "clock_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    clock_id: Mapped[int] = mapped_column(ForeignKey("sla_clocks.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    detail: Mapped[str | None] = mapped_column(String(500))
