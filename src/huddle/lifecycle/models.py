from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    case,
    distinct,
    func,
    null,
)
from sqlalchemy.orm import Mapped, mapped_column

from huddle.core.models import Base, BigIntId, JSONType, TimestampMixin, utcnow


class AllowedTransition(Base):
    """Configuration: a lifecycle move that is allowed. Anything not listed is refused."""

    __tablename__ = "allowed_transitions"

    from_stage: Mapped[str] = mapped_column(String(30), primary_key=True)
    to_stage: Mapped[str] = mapped_column(String(30), primary_key=True)


class RejectionReason(Base):
    """Configuration: the reasons sales may give when rejecting a lead back to marketing."""

    __tablename__ = "rejection_reasons"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


# The index an imported history fills in no order (the moves' dates): a big import builds
# it at its end (``core.deferred_indexes``).
ENTRY_DATE_INDEXES = ("ix_stage_transitions_to_stage_at_contact_id",)


class StageTransition(Base):
    """One lifecycle move of one contact: from, to, when, by whom (a user or a rule), why."""

    __tablename__ = "stage_transitions"
    __table_args__ = (
        Index("ix_stage_transitions_contact_id_at", "contact_id", "at"),
        # Entries into a stage in a period, counted per contact from the index alone.
        Index("ix_stage_transitions_to_stage_at_contact_id", "to_stage", "at", "contact_id"),
        # SQLite would hand a deleted row's id out again; the funnel's roll-up reads ids as
        # "new since" (analytics.repository.refresh_journeys), so an id is used once only.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String(30))
    to_stage: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Set when a rule, an import or a workflow made the move rather than a person.
    by_rule: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    rejection_reason: Mapped[str | None] = mapped_column(
        ForeignKey("rejection_reasons.code", ondelete="SET NULL")
    )
    # Where a move made before Huddle knew the contact comes from (the imported file, or
    # the integration that sent it); null for the moves made in Huddle.
    source: Mapped[str | None] = mapped_column(String(500))


class Opportunity(TimestampMixin, Base):
    """A deal with an account."""

    __tablename__ = "opportunities"
    __table_args__ = (
        Index("ix_opportunities_account_id", "account_id"),
        Index("ix_opportunities_pipeline_stage", "pipeline_stage"),
        Index("ix_opportunities_owner_id", "owner_id"),
        # Merges and contact deletion find a contact's deals through these.
        Index("ix_opportunities_primary_contact_id", "primary_contact_id"),
        # An imported deal's id in its CRM: a re-import updates it rather than adding it.
        Index("ix_opportunities_external_id", "external_id", unique=True),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    primary_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    amount: Mapped[float] = mapped_column(Numeric(18, 2, asdecimal=False), default=0)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    expected_close_date: Mapped[date | None]
    pipeline_stage: Mapped[str] = mapped_column(String(30), default="qualification")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # "open", "won" or "lost"
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[datetime | None]
    lost_reason: Mapped[str | None] = mapped_column(Text)
    # "hubspot:<Record ID>" or "salesforce:<Opportunity ID>" for a deal imported from there.
    external_id: Mapped[str | None] = mapped_column(String(200))


class OpportunityContact(Base):
    """A contact's role on a deal (decision maker, champion, ...)."""

    __tablename__ = "opportunity_contacts"
    __table_args__ = (Index("ix_opportunity_contacts_contact_id", "contact_id"),)

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(60), default="influencer")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class DealActivity(Base):
    """What happened to a deal, for its page: created, fields changed, moved, closed. One
    row per change, written when the change is (notes on the deal are contacts' notes)."""

    __tablename__ = "deal_activity"
    __table_args__ = (Index("ix_deal_activity_opportunity_id_at", "opportunity_id", "at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    # "created", "updated", "moved", "won" or "lost"
    kind: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # created: {}; updated: {"changed": [fields]}; moved: {"from", "to"}; lost: {"reason"}
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


def one_currency() -> ColumnElement[str | None]:
    """In an aggregate over deals: the currency of every deal it sums, or NULL when they
    are in several (a total in one currency is shown in it; sums across currencies are not
    money in any)."""
    return case(
        (func.count(distinct(Opportunity.currency)) == 1, func.min(Opportunity.currency)),
        else_=null(),
    )
