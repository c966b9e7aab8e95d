"""The attribution roll-up: every model's credit per conversion kind, UTC day and campaign,
so a report over any days is a grouped sum over a few thousand rows instead of every path.
Derived data, rebuilt from the touches, stage history and deals at any time (see
``repository.refresh_rollup``).

Credits are whole millionths of the conversion's value (of a dollar for pipeline and
revenue, of a conversion for MQLs, SQLs and customers): the plain count rounds each day's
credit the same way, so the two add up to the same integers whatever the order.

Which days must be rebuilt is kept by the database itself: triggers (migration 0045) note
the contact or deal of every changed touch, stage history row, deal and deal role in
``attribution_stale``, in the changing transaction; a refresh takes the notes away with the
same statement that reads them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.attribution.rules import MODELS
from huddle.core.models import Base, BigIntId

# The column of each model's credit: named after the models.
CREDIT_COLUMNS: tuple[str, ...] = MODELS
# Credit is kept in millionths.
UNITS = 1_000_000
# The campaign of credit no campaign touch took ("(none)").
NO_CAMPAIGN = 0


class AttributionDay(Base):
    """One conversion kind's credit on one UTC day to one campaign, per model."""

    __tablename__ = "attribution_days"

    # "pipeline", "revenue", "mqls", "sqls" or "customers"
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    first_touch: Mapped[int] = mapped_column(BigInteger)
    last_touch: Mapped[int] = mapped_column(BigInteger)
    linear: Mapped[int] = mapped_column(BigInteger)
    u_shaped: Mapped[int] = mapped_column(BigInteger)
    w_shaped: Mapped[int] = mapped_column(BigInteger)
    time_decay: Mapped[int] = mapped_column(BigInteger)


class AttributionConversion(Base):
    """The day each conversion was counted on at the last refresh: when it changes, that
    day is rebuilt as well as its new one."""

    __tablename__ = "attribution_conversions"

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    conversion_id: Mapped[int] = mapped_column(BigIntId, primary_key=True, autoincrement=False)
    day: Mapped[date] = mapped_column(Date)


class AttributionRollup(Base):
    """One row: whether the roll-up has been built (a refresh serialises on it)."""

    __tablename__ = "attribution_rollup"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built: Mapped[bool] = mapped_column(Boolean, default=False)


class AttributionStale(Base):
    """A contact or deal whose attribution inputs changed since the last refresh (written
    by triggers only)."""

    __tablename__ = "attribution_stale"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(BigIntId)
    opportunity_id: Mapped[int | None] = mapped_column(BigIntId)
