"""Buying stages' configuration and each contact's history through them; plays, their runs
(one per contact on its way through a play) and each run's steps as rows (a marketing step's
effect and a person's task, recorded once by the unique ``(run, position)``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

RUN_STATUSES = ("active", "completed", "stopped")
STEP_STATUSES = ("open", "done", "skipped")


class BuyingStage(Base):
    """A configured stage of the buying journey, in journey order (``position``), with the
    touches that indicate it (``schemas.Indicator`` as JSON). No rows: the defaults apply."""

    __tablename__ = "buying_stages"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    indicators: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)


class BuyingStageChange(Base):
    """A contact's move from one buying stage to another, with the evidence that moved it
    (the indicator touch, or the lifecycle stage). The contact's current stage is kept on
    the contact (``contacts.buying_stage``) for its list's column and filter."""

    __tablename__ = "buying_stage_changes"
    __table_args__ = (Index("ix_buying_stage_changes_contact_at", "contact_id", "at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String(40))
    to_stage: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(String(300))
    touch_id: Mapped[int | None] = mapped_column(BigIntId)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Play(TimestampMixin, Base):
    """A sequence of steps (``schemas.PlayStep`` as JSON) owned by marketing, sales or
    success; started for a contact entering ``buying_stage`` (when set and the play is
    active), by a workflow's "start a play" step, or by hand."""

    __tablename__ = "plays"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(String(500))
    buying_stage: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="active")
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # The library play it was adopted from: adopted once.
    library_key: Mapped[str | None] = mapped_column(String(40), unique=True)


class PlayRun(Base):
    """One contact's way through one play: ``position`` is the step it is at."""

    __tablename__ = "play_runs"
    __table_args__ = (
        Index("ix_play_runs_contact", "contact_id", "started_at"),
        Index("ix_play_runs_play_status", "play_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    play_id: Mapped[int] = mapped_column(ForeignKey("plays.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default="active")
    reason: Mapped[str] = mapped_column(String(300))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class PlayRunStep(Base):
    """A step a run reached: a marketing step done (or skipped, with why) when it is
    written, a sales or success step an open task in its assignee's queue until done."""

    __tablename__ = "play_run_steps"
    __table_args__ = (
        UniqueConstraint("run_id", "position", name="uq_play_run_steps_run_position"),
        Index("ix_play_run_steps_open", "status", "assignee_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("play_runs.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(20))  # marketing | sales | success
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10))
    # The person whose queue holds the task (the contact's owner); None: the owning team's.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    team: Mapped[str | None] = mapped_column(String(40))
    due_at: Mapped[datetime | None]
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]
    done_by: Mapped[str | None] = mapped_column(String(120))
