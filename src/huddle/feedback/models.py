"""ORM models of product feedback: the managed list of product features and themes, what
sales and success heard on deals and accounts, and MQL-threshold proposals waiting for a
scoring editor."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, TimestampMixin, utcnow

FEATURE_KINDS = ("feature", "theme")
ITEM_KINDS = ("objection", "feature_gap")
PROPOSAL_STATES = ("draft", "applied", "dismissed")


class ProductFeature(TimestampMixin, Base):
    """A product feature or theme product managers track (managed on a settings page, or
    confirmed from a suggested theme). Archived ones stay on the items that name them."""

    __tablename__ = "product_features"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10), default="feature")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class FeedbackItem(Base):
    """One objection or feature gap heard on a deal (``opportunity_id``, its account copied)
    or on an account, with the prospect's words."""

    __tablename__ = "feedback_items"
    __table_args__ = (
        CheckConstraint("kind IN ('objection', 'feature_gap')", name="kind"),
        CheckConstraint("account_id IS NOT NULL", name="has_account"),
        Index("ix_feedback_items_feature_id", "feature_id"),
        Index("ix_feedback_items_opportunity_id", "opportunity_id"),
        Index("ix_feedback_items_account_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    feature_id: Mapped[int | None] = mapped_column(
        ForeignKey("product_features.id", ondelete="SET NULL")
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE")
    )
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    quote: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ThresholdProposal(Base):
    """An MQL threshold the feedback loop found, proposed as a draft change of the MQL
    criteria (the primary score at least ``threshold``). A scoring editor applies it (a new
    criteria version, through scoring's own service) or dismisses it."""

    __tablename__ = "mql_threshold_proposals"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    score_model_id: Mapped[int] = mapped_column(BigIntId)
    threshold: Mapped[float] = mapped_column(Float)
    months: Mapped[int] = mapped_column(Integer)
    objective: Mapped[str] = mapped_column(String(20))
    capacity: Mapped[int | None] = mapped_column(Integer)
    expected_per_month: Mapped[float] = mapped_column(Float)
    acceptance_percent: Mapped[float | None] = mapped_column(Float)
    reasoning: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
