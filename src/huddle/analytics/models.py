"""The funnel's roll-up: each contact's journey (first entry into, and first reach of, every
funnel stage) kept as a row, so reports read one row per contact instead of grouping the
whole stage history. Derived data, rebuilt from ``stage_transitions`` at any time (see
``repository.refresh_journeys``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId


class FunnelJourney(Base):
    __tablename__ = "funnel_journeys"
    __table_args__ = (Index("ix_funnel_journeys_reached_subscriber", "reached_subscriber"),)

    contact_id: Mapped[int] = mapped_column(
        BigIntId,
        ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    entered_subscriber: Mapped[datetime | None]
    reached_subscriber: Mapped[datetime | None]
    entered_lead: Mapped[datetime | None]
    reached_lead: Mapped[datetime | None]
    entered_mql: Mapped[datetime | None]
    reached_mql: Mapped[datetime | None]
    entered_sal: Mapped[datetime | None]
    reached_sal: Mapped[datetime | None]
    entered_sql: Mapped[datetime | None]
    reached_sql: Mapped[datetime | None]
    entered_opportunity: Mapped[datetime | None]
    reached_opportunity: Mapped[datetime | None]
    entered_customer: Mapped[datetime | None]
    reached_customer: Mapped[datetime | None]


class FunnelRollup(Base):
    """One row: the last stage history row (by id) the journeys include."""

    __tablename__ = "funnel_rollup"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    through_id: Mapped[int] = mapped_column(BigInteger, default=0)


class StaleJourney(Base):
    """A contact whose history changed without a new row (a merge moved another contact's
    history to it): its journey is rebuilt at the next refresh."""

    __tablename__ = "funnel_journeys_stale"

    contact_id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=False)
