"""Workflows, their enrolments (one row per contact on its way through), the record of every
step each enrolment ran (with the idempotency key that makes a side effect happen once), and
the static lists workflows add contacts to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

STATUSES = ("draft", "active", "paused")
# active: due at ``next_run_at`` (a wait ends then); completed: ran off the end of the graph;
# exited: an exit criterion held before a step; failed: a step raised (the error is kept).
ENROLMENT_STATUSES = ("active", "completed", "exited", "failed")


class Workflow(TimestampMixin, Base):
    """A trigger, a graph of steps and exit criteria, stored as the validated schemas'
    JSON (``schemas.WorkflowWrite``): the API, the editor and the runner share one shape."""

    __tablename__ = "workflows"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    trigger: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    exit_criteria: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # None: a contact is enrolled once ever; N: again once N days have passed since it was.
    reenrol_after_days: Mapped[int | None] = mapped_column(Integer)


class Enrolment(Base):
    """One contact's way through one workflow. ``step_id`` is where it is; ``waiting`` says
    it has started that step's wait (so reaching ``next_run_at`` ends the wait)."""

    __tablename__ = "workflow_enrolments"
    __table_args__ = (
        Index("ix_workflow_enrolments_due", "status", "next_run_at"),
        Index("ix_workflow_enrolments_contact", "contact_id", "workflow_id"),
        Index("ix_workflow_enrolments_workflow_step", "workflow_id", "status", "step_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    step_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="active")
    next_run_at: Mapped[datetime | None]
    waiting: Mapped[bool] = mapped_column(default=False)
    # A wait for an event: set when the event arrived before the timeout.
    event_arrived: Mapped[bool] = mapped_column(default=False)
    # How many steps it ran: with the id, the idempotency key of its next step's run.
    steps_taken: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(String(300))
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class StepRun(Base):
    """One step an enrolment ran, written in the transaction that did its effect and moved
    the enrolment on: the unique ``idempotency_key`` refuses a second run of the same visit."""

    __tablename__ = "workflow_step_runs"
    __table_args__ = (
        UniqueConstraint("idempotency_key", name="uq_workflow_step_runs_idempotency_key"),
        Index("ix_workflow_step_runs_contact_at", "contact_id", "at"),
        Index("ix_workflow_step_runs_workflow_step", "workflow_id", "step_id", "outcome"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("workflow_enrolments.id", ondelete="CASCADE")
    )
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    step_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(30))
    # done | yes | no | event | timeout | skipped | exited | failed
    outcome: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactList(Base):
    """A static list: contacts are added and removed by workflows (or by hand, the API)."""

    __tablename__ = "contact_lists"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactListMember(Base):
    __tablename__ = "contact_list_members"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("contact_lists.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
