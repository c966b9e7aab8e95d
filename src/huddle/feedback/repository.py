"""Queries of the feedback domain: the window's contacts with their traits, when each
converted, the touch types they had; product features, feedback items, and the deals and
texts the product report and the theme suggestions read (other domains' tables, read only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Account, Contact, Touch
from huddle.core.db import repoint
from huddle.feedback.models import FeedbackItem, ProductFeature, ThresholdProposal
from huddle.lifecycle.models import Opportunity, StageTransition
from huddle.routing.models import Handoff
from huddle.scoring.models import ContactGrade

# Built-in traits: (key, label, column). Values are compared as stored.
BUILT_IN_TRAITS: tuple[tuple[str, str, Any], ...] = (
    ("seniority", "Seniority", Contact.seniority),
    ("department", "Department", Contact.department),
    ("country", "Country", Contact.country),
    ("source", "First-touch source", Contact.first_touch_source),
    ("medium", "First-touch medium", Contact.first_touch_medium),
    ("campaign", "First-touch campaign", Contact.first_touch_campaign),
    ("industry", "Account industry", Account.industry),
    ("region", "Account region", Account.region),
    ("grade", "Grade", ContactGrade.grade),
)


def _entered(stages: Sequence[str], contact_id: Any) -> Any:
    """When the contact first entered one of ``stages`` (null: never), as a correlated
    subquery: one index lookup per contact (``ix_stage_transitions_contact_id_at``)."""
    return (
        select(func.min(StageTransition.at))
        .where(StageTransition.contact_id == contact_id, StageTransition.to_stage.in_(stages))
        .scalar_subquery()
    )


def _flag(stages: Sequence[str]) -> Any:
    """1 for a contact that entered one of ``stages``, else 0."""
    entered = (
        select(StageTransition.id)
        .where(StageTransition.contact_id == Contact.id, StageTransition.to_stage.in_(stages))
        .exists()
    )
    return case((entered, 1), else_=0)


def _in_range(since: datetime, until: datetime) -> Any:
    return and_(Contact.created_at >= since, Contact.created_at < until)


def window_totals(
    session: Session, converted_stages: Sequence[str], since: datetime, until: datetime
) -> tuple[int, int]:
    """(contacts created in the window, of them converted)."""
    statement = select(func.count(), func.coalesce(func.sum(_flag(converted_stages)), 0)).where(
        _in_range(since, until)
    )
    total, done = session.execute(statement).one()
    return int(total), int(done)


def field_counts(
    session: Session,
    converted_stages: Sequence[str],
    since: datetime,
    until: datetime,
    custom_keys: Sequence[str],
) -> list[tuple[str, Any, int, int]]:
    """(trait, value, contacts, of them converted) for the built-in traits and the custom
    fields named. One pass: the database groups the window's contacts by every trait at
    once (and whether they converted); each trait's counts are summed from those groups."""
    columns = [(key, column) for key, _, column in BUILT_IN_TRAITS] + [
        (f"custom.{key}", Contact.custom[key].as_string()) for key in custom_keys
    ]
    values = [column for _, column in columns]
    converted = _flag(converted_stages).label("converted")
    statement = (
        select(*values, converted, func.count())
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .where(_in_range(since, until))
        .group_by(*values, converted)
    )
    counts: dict[tuple[str, Any], list[int]] = {}
    for row in session.execute(statement):
        *found, done, n = row
        for (trait, _), value in zip(columns, found, strict=True):
            if value is not None:
                tally = counts.setdefault((trait, value), [0, 0])
                tally[0] += n
                tally[1] += n if done else 0
    return [(trait, value, n, done) for (trait, value), (n, done) in counts.items()]


def touch_counts(
    session: Session, converted_stages: Sequence[str], since: datetime, until: datetime
) -> list[tuple[str, int, int]]:
    """(touch type, contacts of the window that had one before converting, of them
    converted). Touches count from ``since``; up to now for those that did not convert."""
    per_contact = (
        select(
            Touch.contact_id,
            Touch.type,
            func.min(Touch.occurred_at).label("first"),
            _entered(converted_stages, Touch.contact_id).label("converted_at"),
        )
        .join(Contact, Contact.id == Touch.contact_id)
        .where(_in_range(since, until), Touch.occurred_at >= since, Touch.occurred_at < until)
        .group_by(Touch.contact_id, Touch.type)
        .subquery()
    )
    before = or_(
        per_contact.c.converted_at.is_(None), per_contact.c.first < per_contact.c.converted_at
    )
    statement = (
        select(
            per_contact.c.type,
            func.count(),
            func.count(per_contact.c.converted_at),
        )
        .where(before)
        .group_by(per_contact.c.type)
    )
    return [(t, n, done) for t, n, done in session.execute(statement)]


def score_groups(
    session: Session,
    converted_stages: Sequence[str],
    accepted_stages: Sequence[str],
    since: datetime,
    until: datetime,
) -> list[tuple[float, int, int, int]]:
    """(primary score, contacts of the window with it, accepted, converted)."""
    statement = (
        select(
            Contact.score,
            func.count(),
            func.sum(_flag(accepted_stages)),
            func.sum(_flag(converted_stages)),
        )
        .where(_in_range(since, until))
        .group_by(Contact.score)
    )
    return [(float(s or 0), n, int(a), int(c)) for s, n, a, c in session.execute(statement)]


# --- proposals -------------------------------------------------------------------------------


def list_proposals(session: Session, *, limit: int = 20) -> list[ThresholdProposal]:
    statement = select(ThresholdProposal).order_by(ThresholdProposal.id.desc()).limit(limit)
    return list(session.scalars(statement))


def get_proposal(session: Session, proposal_id: int) -> ThresholdProposal | None:
    return session.get(ThresholdProposal, proposal_id)


# --- product features and feedback items ------------------------------------------------------


def list_features(session: Session, *, archived: bool = True) -> list[ProductFeature]:
    statement = select(ProductFeature).order_by(ProductFeature.archived, ProductFeature.name)
    if not archived:
        statement = statement.where(ProductFeature.archived.is_(False))
    return list(session.scalars(statement))


def get_feature(session: Session, feature_id: int) -> ProductFeature | None:
    return session.get(ProductFeature, feature_id)


def feature_by_name(session: Session, name: str) -> ProductFeature | None:
    statement = select(ProductFeature).where(func.lower(ProductFeature.name) == name.lower())
    return session.scalars(statement).first()


def get_opportunity(session: Session, opportunity_id: int) -> Opportunity | None:
    return session.get(Opportunity, opportunity_id)


def account_exists(session: Session, account_id: int) -> bool:
    return session.get(Account, account_id) is not None


def items_on(
    session: Session, *, opportunity_id: int | None = None, account_id: int | None = None
) -> list[FeedbackItem]:
    """Items logged on a deal, or every item of an account (its deals' too), newest first."""
    statement = select(FeedbackItem).order_by(FeedbackItem.id.desc())
    if opportunity_id is not None:
        statement = statement.where(FeedbackItem.opportunity_id == opportunity_id)
    if account_id is not None:
        statement = statement.where(FeedbackItem.account_id == account_id)
    return list(session.scalars(statement))


def items_by_ids(session: Session, ids: Sequence[int]) -> list[FeedbackItem]:
    if not ids:
        return []
    return list(session.scalars(select(FeedbackItem).where(FeedbackItem.id.in_(ids))))


@dataclass(frozen=True)
class ItemRow:
    """A feedback item with the deal and account it was heard on."""

    id: int
    kind: str
    feature_id: int | None
    quote: str
    created_at: datetime
    author: str | None
    account_id: int
    account_name: str
    opportunity_id: int | None
    deal_name: str | None
    deal_status: str | None
    deal_amount: float | None
    deal_currency: str | None


def item_rows(session: Session) -> list[ItemRow]:
    statement = (
        select(
            FeedbackItem,
            Account.name,
            Opportunity.name,
            Opportunity.status,
            Opportunity.amount,
            Opportunity.currency,
            User.name,
        )
        .join(Account, Account.id == FeedbackItem.account_id)
        .outerjoin(Opportunity, Opportunity.id == FeedbackItem.opportunity_id)
        .outerjoin(User, User.id == FeedbackItem.author_id)
        .order_by(FeedbackItem.id.desc())
    )
    return [
        ItemRow(
            id=item.id,
            kind=item.kind,
            feature_id=item.feature_id,
            quote=item.quote,
            created_at=item.created_at,
            author=author,
            account_id=item.account_id,
            account_name=account,
            opportunity_id=item.opportunity_id,
            deal_name=deal,
            deal_status=status,
            deal_amount=float(amount) if amount is not None else None,
            deal_currency=currency,
        )
        for item, account, deal, status, amount, currency, author in session.execute(statement)
    ]


def open_deals_of(session: Session, account_ids: set[int]) -> list[tuple[int, int, float]]:
    """(deal, account, amount) of the accounts' open deals."""
    if not account_ids:
        return []
    statement = select(Opportunity.id, Opportunity.account_id, Opportunity.amount).where(
        Opportunity.account_id.in_(account_ids), Opportunity.status == "open"
    )
    return [(d, a, float(amount or 0)) for d, a, amount in session.execute(statement)]


def lost_reasons(session: Session, *, limit: int) -> list[tuple[str, int, float]]:
    """Lost deals' reasons as written, with how many deals and the amount lost, the
    costliest first."""
    statement = (
        select(Opportunity.lost_reason, func.count(), func.sum(Opportunity.amount))
        .where(Opportunity.status == "lost", Opportunity.lost_reason.is_not(None))
        .group_by(Opportunity.lost_reason)
        .order_by(func.sum(Opportunity.amount).desc(), Opportunity.lost_reason)
        .limit(limit)
    )
    return [(r, n, float(total or 0)) for r, n, total in session.execute(statement) if r]


def rejection_texts(session: Session, *, limit: int) -> list[str]:
    """The newest reasons sales gave for rejecting a hand-off or a lead."""
    handoffs = (
        select(Handoff.decision_reason)
        .where(Handoff.status == "rejected", Handoff.decision_reason.is_not(None))
        .order_by(Handoff.id.desc())
        .limit(limit)
    )
    moves = (
        select(StageTransition.reason)
        .where(StageTransition.rejection_reason.is_not(None), StageTransition.reason.is_not(None))
        .order_by(StageTransition.id.desc())
        .limit(limit)
    )
    texts = [t for t in session.scalars(handoffs) if t] + [t for t in session.scalars(moves) if t]
    return texts[:limit]


def move_account_items(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged account's feedback (feature gaps, objections) is the survivor's."""
    repoint(session, FeedbackItem.account_id, old=merged_id, new=survivor_id)
