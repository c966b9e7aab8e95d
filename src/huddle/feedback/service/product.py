"""Product feedback: the managed list of features and themes, objections and feature gaps
logged on deals and accounts, and the report product managers rank features by.

At stake for a feature: every open deal it was logged on, and every open deal of an account
it was logged on without a deal (the whole account hesitates), each deal once. Lost: the
lost deals it was logged on. Amounts are summed as stored, whatever their currency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.feedback import repository
from huddle.feedback.events import FeedbackLogged, ProductFeatureSaved
from huddle.feedback.models import FeedbackItem, ProductFeature
from huddle.feedback.schemas import (
    FeatureReportRow,
    FeatureWrite,
    FeedbackItemCreate,
    LostReasonRow,
    ProductReportRead,
    QuoteRead,
)

UNASSIGNED = "(no feature yet)"
LOST_REASONS_SHOWN = 20
QUOTES_SHOWN = 50


def list_features(session: Session, actor: Actor, *, archived: bool = True) -> list[ProductFeature]:
    require(actor, Action.ANALYTICS_READ)
    return repository.list_features(session, archived=archived)


def get_feature(session: Session, feature_id: int) -> ProductFeature:
    feature = repository.get_feature(session, feature_id)
    if feature is None:
        raise ResourceNotFound(f"no product feature with id {feature_id}")
    return feature


def _unique_name(session: Session, name: str, feature_id: int | None) -> None:
    same = repository.feature_by_name(session, name)
    if same is not None and same.id != feature_id:
        raise ResourceAlreadyExists(f"a feature named {name!r} exists")


def create_feature(
    session: Session, data: FeatureWrite, *, actor: Actor, kind: str = "feature"
) -> ProductFeature:
    require(actor, Action.PRODUCT_MANAGE)
    _unique_name(session, data.name, None)
    feature = ProductFeature(
        name=data.name, description=data.description, archived=data.archived, kind=kind
    )
    session.add(feature)
    session.flush()
    _saved(session, feature, actor, created=True)
    return feature


def _saved(session: Session, feature: ProductFeature, actor: Actor, *, created: bool) -> None:
    publish(
        session,
        ProductFeatureSaved(
            feature_id=feature.id,
            name=feature.name,
            kind=feature.kind,
            archived=feature.archived,
            created=created,
            at=clock.now(),
            actor=actor,
        ),
    )


def update_feature(
    session: Session, feature_id: int, data: FeatureWrite, *, actor: Actor
) -> ProductFeature:
    """Rename, describe, archive or restore a feature; its items keep naming it."""
    require(actor, Action.PRODUCT_MANAGE)
    feature = get_feature(session, feature_id)
    _unique_name(session, data.name, feature_id)
    feature.name, feature.description, feature.archived = (
        data.name,
        data.description,
        data.archived,
    )
    session.flush()
    _saved(session, feature, actor, created=False)
    return feature


def log_feedback(session: Session, data: FeedbackItemCreate, *, actor: Actor) -> FeedbackItem:
    """An objection or feature gap heard on a deal (its account is the deal's) or on an
    account. It names a feature of the list, or says it in the prospect's words, or both."""
    require(actor, Action.FEEDBACK_LOG)
    errors: list[FieldError] = []
    account_id = data.account_id
    if data.opportunity_id is not None:
        deal = repository.get_opportunity(session, data.opportunity_id)
        if deal is None:
            raise ResourceNotFound(f"no opportunity with id {data.opportunity_id}")
        if account_id is not None and account_id != deal.account_id:
            errors.append(FieldError("account_id", "is not the deal's account"))
        account_id = deal.account_id
    elif account_id is None:
        errors.append(FieldError("opportunity_id", "give the deal or the account it was heard on"))
    elif not repository.account_exists(session, account_id):
        raise ResourceNotFound(f"no account with id {account_id}")
    if data.feature_id is not None:
        feature = repository.get_feature(session, data.feature_id)
        if feature is None or feature.archived:
            errors.append(FieldError("feature_id", "is not a feature of the list"))
    elif not data.quote:
        errors.append(FieldError("quote", "name a feature or write what was said"))
    if errors:
        raise ValidationFailed("check the feedback", errors)
    assert account_id is not None
    item = FeedbackItem(
        kind=data.kind,
        feature_id=data.feature_id,
        opportunity_id=data.opportunity_id,
        account_id=account_id,
        quote=data.quote,
        author_id=actor.user_id,
    )
    session.add(item)
    session.flush()
    publish(
        session,
        FeedbackLogged(
            item_id=item.id,
            kind=item.kind,
            feature_id=item.feature_id,
            opportunity_id=item.opportunity_id,
            account_id=item.account_id,
            at=clock.now(),
            actor=actor,
        ),
    )
    return item


def feedback_on(
    session: Session,
    actor: Actor,
    *,
    opportunity_id: int | None = None,
    account_id: int | None = None,
) -> list[FeedbackItem]:
    """Items heard on a deal, or on an account and its deals, newest first."""
    require(actor, Action.ANALYTICS_READ)
    return repository.items_on(session, opportunity_id=opportunity_id, account_id=account_id)


@dataclass
class _Tally:
    items: int = 0
    objections: int = 0
    gaps: int = 0
    accounts: set[int] = field(default_factory=set)
    open_deals: dict[int, float] = field(default_factory=dict)
    lost_deals: dict[int, float] = field(default_factory=dict)
    whole_accounts: set[int] = field(default_factory=set)
    quotes: list[QuoteRead] = field(default_factory=list)


def product_report(
    session: Session, actor: Actor, *, quotes: int | None = QUOTES_SHOWN
) -> ProductReportRead:
    """Features ranked by the open pipeline at stake, then the revenue lost, with the quotes
    behind them (the newest ``quotes`` of each; None: all); items without a feature yet as
    one more row; and the lost reasons."""
    require(actor, Action.ANALYTICS_READ)
    tallies: dict[int | None, _Tally] = defaultdict(_Tally)
    for row in repository.item_rows(session):
        tally = tallies[row.feature_id]
        tally.items += 1
        tally.objections += row.kind == "objection"
        tally.gaps += row.kind == "feature_gap"
        tally.accounts.add(row.account_id)
        if row.opportunity_id is None:
            tally.whole_accounts.add(row.account_id)
        elif row.deal_status == "open":
            tally.open_deals[row.opportunity_id] = row.deal_amount or 0.0
        elif row.deal_status == "lost":
            tally.lost_deals[row.opportunity_id] = row.deal_amount or 0.0
        if quotes is None or len(tally.quotes) < quotes:
            tally.quotes.append(_quote(row))
    accounts = set().union(*(t.whole_accounts for t in tallies.values())) if tallies else set()
    deals_of: dict[int, dict[int, float]] = defaultdict(dict)
    for deal_id, account_id, amount in repository.open_deals_of(session, accounts):
        deals_of[account_id][deal_id] = amount
    names = {f.id: f.name for f in repository.list_features(session)}
    rows = []
    for feature_id, tally in tallies.items():
        for account_id in tally.whole_accounts:
            tally.open_deals.update(deals_of[account_id])
        name = names.get(feature_id, UNASSIGNED) if feature_id is not None else UNASSIGNED
        rows.append(_row(feature_id, name, tally))
    rows.sort(key=lambda r: (-r.open_pipeline, -r.revenue_lost, r.feature_id is None, r.name))
    return ProductReportRead(
        features=rows,
        lost_reasons=[
            LostReasonRow(reason=reason, deals=deals, amount=amount)
            for reason, deals, amount in repository.lost_reasons(session, limit=LOST_REASONS_SHOWN)
        ],
    )


def _quote(row: repository.ItemRow) -> QuoteRead:
    return QuoteRead(
        item_id=row.id,
        kind=row.kind,
        quote=row.quote,
        account_id=row.account_id,
        account_name=row.account_name,
        opportunity_id=row.opportunity_id,
        deal_name=row.deal_name,
        deal_status=row.deal_status,
        deal_amount=row.deal_amount,
        author=row.author,
        created_at=row.created_at,
    )


def _row(feature_id: int | None, name: str, tally: _Tally) -> FeatureReportRow:
    return FeatureReportRow(
        feature_id=feature_id,
        name=name,
        items=tally.items,
        objections=tally.objections,
        feature_gaps=tally.gaps,
        accounts=len(tally.accounts),
        open_deals=len(tally.open_deals),
        open_pipeline=round(sum(tally.open_deals.values()), 2),
        lost_deals=len(tally.lost_deals),
        revenue_lost=round(sum(tally.lost_deals.values()), 2),
        quotes=tally.quotes,
    )


PRODUCT_CSV_HEADER = [
    "feature",
    "open_pipeline",
    "open_deals",
    "revenue_lost",
    "lost_deals",
    "items",
    "objections",
    "feature_gaps",
    "accounts",
    "kind",
    "quote",
    "account",
    "deal",
    "deal_status",
    "deal_amount",
    "logged_at",
]


def product_csv_rows(report: ProductReportRead) -> list[list[object]]:
    """One line per quote, each with its feature's figures (a feature without quotes
    cannot appear: it has no items)."""
    return [
        [
            row.name,
            row.open_pipeline,
            row.open_deals,
            row.revenue_lost,
            row.lost_deals,
            row.items,
            row.objections,
            row.feature_gaps,
            row.accounts,
            q.kind,
            q.quote,
            q.account_name,
            q.deal_name,
            q.deal_status,
            q.deal_amount,
            q.created_at,
        ]
        for row in report.features
        for q in row.quotes
    ]
