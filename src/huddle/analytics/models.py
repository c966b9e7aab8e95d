"""The funnel's roll-up: each contact's journey (first entry into, and first reach of, every
funnel stage) kept as a row, so reports read one row per contact instead of grouping the
whole stage history. Derived data, rebuilt from ``stage_transitions`` at any time (see
``repository.refresh_journeys``).

The moments are whole microseconds since 1970-01-01 UTC, not datetimes: at a million
contacts the roll-up is a quarter of the size (it stays in SQLite's page cache), and reports
compare and subtract integers instead of parsing text. Exact: the history keeps microseconds."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.analytics.rules import FIRST_TOUCH, VELOCITY_PAIRS
from huddle.core.models import Base, BigIntId


def _arrival_indexes() -> tuple[Index, ...]:
    """Per stage a velocity pair ends in: its arrivals, with the moments the pairs measure
    from (partial: only the journeys that reached it). A velocity pair reads the arrivals
    in its range from the index alone instead of every journey."""
    starts: dict[str, list[str]] = {}
    for a, b in VELOCITY_PAIRS:
        starts.setdefault(b, []).extend([] if a == FIRST_TOUCH else [f"entered_{a}"])
    return tuple(
        Index(
            f"ix_funnel_journeys_{b}_arrivals",
            f"entered_{b}",
            *froms,
            sqlite_where=text(f"entered_{b} IS NOT NULL"),
            postgresql_where=text(f"entered_{b} IS NOT NULL"),
        )
        for b, froms in starts.items()
    )


class FunnelJourney(Base):
    __tablename__ = "funnel_journeys"
    # None on the first reach of the funnel: a cohort's range passes a large share of the
    # journeys, read faster in one pass in contact order (which also walks ``contacts`` in
    # order for a breakdown) than looked up one by one in time order.
    __table_args__ = _arrival_indexes()

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
