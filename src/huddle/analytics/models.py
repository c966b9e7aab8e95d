"""The funnel's roll-up: each contact's journey (first entry into, and first reach of, every
funnel stage) kept as a row, so reports read one row per contact instead of grouping the
whole stage history. Derived data, rebuilt from ``stage_transitions`` at any time (see
``repository.refresh_journeys``).

The moments are whole microseconds since 1970-01-01 UTC, not datetimes: at a million
contacts the roll-up is a quarter of the size (it stays in SQLite's page cache), and reports
compare and subtract integers instead of parsing text. Exact: the history keeps microseconds."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId


class FunnelJourney(Base):
    # No index on the moments: a report's range passes a large share of the journeys, read
    # faster in one pass in contact order (which also walks ``contacts`` in order for a
    # breakdown) than looked up one by one in time order.
    __tablename__ = "funnel_journeys"

    contact_id: Mapped[int] = mapped_column(
        BigIntId,
        ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    entered_subscriber: Mapped[int | None] = mapped_column(BigInteger)
    reached_subscriber: Mapped[int | None] = mapped_column(BigInteger)
    entered_lead: Mapped[int | None] = mapped_column(BigInteger)
    reached_lead: Mapped[int | None] = mapped_column(BigInteger)
    entered_mql: Mapped[int | None] = mapped_column(BigInteger)
    reached_mql: Mapped[int | None] = mapped_column(BigInteger)
    entered_sal: Mapped[int | None] = mapped_column(BigInteger)
    reached_sal: Mapped[int | None] = mapped_column(BigInteger)
    entered_sql: Mapped[int | None] = mapped_column(BigInteger)
    reached_sql: Mapped[int | None] = mapped_column(BigInteger)
    entered_opportunity: Mapped[int | None] = mapped_column(BigInteger)
    reached_opportunity: Mapped[int | None] = mapped_column(BigInteger)
    entered_customer: Mapped[int | None] = mapped_column(BigInteger)
    reached_customer: Mapped[int | None] = mapped_column(BigInteger)


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
