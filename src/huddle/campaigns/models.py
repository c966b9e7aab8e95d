"""Campaigns that touches and contacts are attributed to, what they cost, and the UTM
rules that map tracked touches to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, TimestampMixin, utcnow

# The closed set of channels a campaign belongs to (attribution credits channels too).
CHANNELS = (
    "email",
    "paid_search",
    "paid_social",
    "organic_social",
    "events",
    "webinar",
    "content",
    "partner",
    "direct_mail",
    "outbound",
    "other",
)
# The touch properties a UTM rule may test, and how.
UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign")
UTM_OPERATORS = ("equals", "contains")


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(40))
    # The utm_campaign value that identifies this campaign in tracked URLs.
    utm_campaign: Mapped[str | None] = mapped_column(String(200), unique=True)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    budget: Mapped[float | None] = mapped_column(Numeric(14, 2, asdecimal=False))


class CampaignCost(Base):
    """One amount spent on a campaign; a campaign's actual cost is the sum of its entries."""

    __tablename__ = "campaign_costs"
    __table_args__ = (Index("ix_campaign_costs_campaign_id_spent_on", "campaign_id", "spent_on"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    spent_on: Mapped[date]
    amount: Mapped[float] = mapped_column(Numeric(14, 2, asdecimal=False))
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class UtmRule(Base):
    """``<field> <operator> <value>`` → campaign, tried in ``position`` order (then id) on
    touches that arrive without a campaign; the first rule that matches wins. Matching
    ignores case: senders spell ``utm_source=LinkedIn`` and ``linkedin`` alike."""

    __tablename__ = "campaign_utm_rules"
    __table_args__ = (
        CheckConstraint("field IN ('utm_source', 'utm_medium', 'utm_campaign')", name="field"),
        CheckConstraint("operator IN ('equals', 'contains')", name="operator"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(20))
    operator: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
