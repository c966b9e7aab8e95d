"""Routing rules, team pools with their round-robin credits, and every hand-off decided."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow

RULE_KINDS = ("account_owner", "territory", "round_robin")
HANDOFF_STATUSES = ("open", "accepted", "rejected", "recycled", "rerouted")


class RoutingPool(TimestampMixin, Base):
    """A team queue: its reps (weighted) share new leads by round-robin; nobody eligible
    leaves the lead in the queue and alerts the manager."""

    __tablename__ = "routing_pools"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # How many picks the pool has made: the round-robin's turn counter (locked per pick).
    picks: Mapped[int] = mapped_column(Integer, default=0)


class RoutingPoolMember(Base):
    """A rep in a pool with a weight; ``credit`` is the smooth weighted round-robin's
    running balance (the rep with most credit is next)."""

    __tablename__ = "routing_pool_members"
    __table_args__ = (Index("ix_routing_pool_members_user_id", "user_id"),)

    pool_id: Mapped[int] = mapped_column(
        ForeignKey("routing_pools.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    weight: Mapped[int] = mapped_column(Integer, default=1)
    credit: Mapped[float] = mapped_column(Float, default=0.0)


class RoutingRule(TimestampMixin, Base):
    """One routing rule; rules are tried in ``position`` order and the first that finds
    an owner (or a pool) decides."""

    __tablename__ = "routing_rules"
    __table_args__ = (Index("ix_routing_rules_position", "position"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Territory: {"countries": [...], "regions": [...], "industries": [...],
    # "segments": ["smb", "mid", "enterprise"]}; empty lists match anything.
    # Account owner: {"target_only": bool}.
    conditions: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Who gets the lead: one rep, else the pool's round-robin.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("routing_pools.id", ondelete="SET NULL"))
    # Skip reps outside their working hours (else only out of office and capacity count).
    respect_hours: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Handoff(Base):
    """One routing decision and what became of it: who, which rule, why, who was
    considered and why each was skipped, the packet the owner got, then the decision."""

    __tablename__ = "handoffs"
    __table_args__ = (
        Index("ix_handoffs_owner_id_status_at", "owner_id", "status", "at"),
        Index("ix_handoffs_pool_id_status_at", "pool_id", "status", "at"),
        Index("ix_handoffs_contact_id_at", "contact_id", "at"),
        Index("ix_handoffs_status_at", "status", "at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    team: Mapped[str] = mapped_column(String(120))
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("routing_pools.id", ondelete="SET NULL"))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("routing_rules.id", ondelete="SET NULL"))
    rule: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    # [{"user_id": 3, "name": "...", "rule": "...", "skipped": "out of office" | null}]
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    packet: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    by_rule: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="open")
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def queue_name(self) -> str:
        """The team queue a lead without an owner waits in, as people call it: its pool's
        name, or "Unrouted" for a lead no rule matched (stored as ``unrouted``)."""
        return "Unrouted" if self.team == "unrouted" else self.team
