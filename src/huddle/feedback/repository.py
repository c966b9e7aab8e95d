"""Queries of the feedback domain: the window's contacts with their traits, when each
converted, the touch types they had; product features, feedback items, and the deals and
texts the product report and the theme suggestions read (other domains' tables, read only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, Subquery, func, or_, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Account, Contact, Touch
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


def _in_window(since: datetime, until: datetime) -> Select[Any]:
    return select(Contact.id).where(Contact.created_at >= since, Contact.created_at < until)


def _reached(stages: Sequence[str], since: datetime, until: datetime) -> Subquery:
    """The window's contacts that entered one of ``stages``, with when they first did."""
    return (
        select(StageTransition.contact_id, func.min(StageTransition.at).label("at"))
        .where(
            StageTransition.to_stage.in_(stages),
            StageTransition.contact_id.in_(_in_window(since, until)),
        )
        .group_by(StageTransition.contact_id)
        .subquery()
    )


def _counted(
    session: Session, value: Any, converted: Subquery, since: datetime, until: datetime
) -> list[tuple[Any, int, int]]:
    """(value, contacts, of them converted) for each value ``value`` takes in the window."""
    statement = (
        select(value, func.count(), func.count(converted.c.contact_id))
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .outerjoin(converted, converted.c.contact_id == Contact.id)
        .where(Contact.created_at >= since, Contact.created_at < until, value.is_not(None))
        .group_by(value)
    )
    return [(v, n, c) for v, n, c in session.execute(statement)]


def window_totals(
    session: Session, converted_stages: Sequence[str], since: datetime, until: datetime
) -> tuple[int, int]:
    """(contacts created in the window, of them converted)."""
    converted = _reached(converted_stages, since, until)
    statement = (
        select(func.count(), func.count(converted.c.contact_id))
        .select_from(Contact)
        .outerjoin(converted, converted.c.contact_id == Contact.id)
        .where(Contact.created_at >= since, Contact.created_at < until)
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
    fields named, counted by the database."""
    converted = _reached(converted_stages, since, until)
    found = []
    columns = [(key, column) for key, _, column in BUILT_IN_TRAITS] + [
        (f"custom.{key}", Contact.custom[key].as_string()) for key in custom_keys
    ]
    for trait, column in columns:
        for value, n, done in _counted(session, column, converted, since, until):
            found.append((trait, value, n, done))
    return found


def touch_counts(
    session: Session, converted_stages: Sequence[str], since: datetime, until: datetime
) -> list[tuple[str, int, int]]:
    """(touch type, contacts of the window that had one before converting, of them
    converted). Touches count from ``since``; before now for those that did not convert."""
    converted = _reached(converted_stages, since, until)
    statement = (
        select(
            Touch.type,
            func.count(Touch.contact_id.distinct()),
            func.count(converted.c.contact_id.distinct()),
        )
        .select_from(Touch)
        .outerjoin(converted, converted.c.contact_id == Touch.contact_id)
        .where(
            Touch.contact_id.in_(_in_window(since, until)),
            Touch.occurred_at >= since,
            Touch.occurred_at < until,
            or_(converted.c.at.is_(None), Touch.occurred_at < converted.c.at),
        )
        .group_by(Touch.type)
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
    converted = _reached(converted_stages, since, until)
    accepted = _reached(accepted_stages, since, until)
    statement = (
        select(
            Contact.score,
            func.count(),
            func.count(accepted.c.contact_id),
            func.count(converted.c.contact_id),
        )
        .outerjoin(accepted, accepted.c.contact_id == Contact.id)
        .outerjoin(converted, converted.c.contact_id == Contact.id)
        .where(Contact.created_at >= since, Contact.created_at < until)
        .group_by(Contact.score)
    )
    return [(float(s or 0), n, a, c) for s, n, a, c in session.execute(statement)]


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
