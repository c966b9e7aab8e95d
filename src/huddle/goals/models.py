"""Shared goals: a metric of the catalogue, a target, a period of whole days, the teams
that own it and an optional segment (a record condition)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin


class Goal(TimestampMixin, Base):
    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_metric_ends_on", "metric", "ends_on"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    metric: Mapped[str] = mapped_column(String(40))
    target: Mapped[float] = mapped_column(Numeric(18, 2, asdecimal=False))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    # Team names (core.permissions.TEAMS).
    owner_teams: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # A record condition (scoring's language) narrowing the funnel's contacts; None: all.
    segment: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
