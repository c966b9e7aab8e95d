"""Product feedback: logging on deals and accounts, the managed list, the report's sums
counted by hand, who may do what, and a merged account's feedback kept."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import (
    NotPermitted,
    ResourceAlreadyExists,
    ResourceNotFound,
    ValidationFailed,
)
from huddle.core.events import DomainEvent
from huddle.feedback import service
from huddle.feedback.events import FeedbackLogged
from huddle.feedback.schemas import FeatureWrite, FeedbackItemCreate
from huddle.feedback.service.product import UNASSIGNED
from tests.conftest import make_user
from tests.contacts.factories import make_account
from tests.feedback.factories import make_feature, make_item
from tests.lifecycle.factories import make_opportunity
from tests.sla.factories import actor_of


def _role(db: Session, role: str, team: str) -> Actor:
    return actor_of(make_user(db, role=role, team=team))


def test_a_rep_logs_an_objection_on_a_deal_and_it_names_the_deals_account(
    db: Session, published: list[DomainEvent]
) -> None:
    rep = _role(db, "sales_rep", "sales")
    feature = make_feature(db, name="SSO")
    deal = make_opportunity(db)
    item = service.log_feedback(
        db,
        FeedbackItemCreate(
            kind="feature_gap", feature_id=feature.id, opportunity_id=deal.id, quote="  Need SSO "
        ),
        actor=rep,
    )
    assert (item.account_id, item.quote, item.author_id) == (
        deal.account_id,
        "Need SSO",
        rep.user_id,
    )
    assert [i.id for i in service.feedback_on(db, rep, account_id=deal.account_id)] == [item.id]
    logged = [e for e in published if isinstance(e, FeedbackLogged)]
    assert [(e.item_id, e.opportunity_id, e.feature_id) for e in logged] == [
        (item.id, deal.id, feature.id)
    ]


def test_feedback_needs_a_place_and_a_feature_or_words(db: Session, boss: Actor) -> None:
    account = make_account(db)
    archived = make_feature(db, archived=True)
    with pytest.raises(ValidationFailed) as refused:
        service.log_feedback(db, FeedbackItemCreate(kind="objection"), actor=boss)
    assert {e.field for e in refused.value.errors} == {"opportunity_id", "quote"}
    with pytest.raises(ValidationFailed) as refused:
        service.log_feedback(
            db,
            FeedbackItemCreate(kind="objection", account_id=account.id, feature_id=archived.id),
            actor=boss,
        )
    assert [e.field for e in refused.value.errors] == ["feature_id"]
    with pytest.raises(ResourceNotFound):
        service.log_feedback(
            db, FeedbackItemCreate(kind="objection", opportunity_id=999_999, quote="x"), actor=boss
        )


def test_who_may_log_and_who_manages_the_list(db: Session) -> None:
    marketing = _role(db, "marketing", "marketing")
    product = _role(db, "product", "product")
    success = _role(db, "customer_success", "customer_success")
    account = make_account(db)
    data = FeedbackItemCreate(kind="objection", account_id=account.id, quote="Too pricey")
    with pytest.raises(NotPermitted):
        service.log_feedback(db, data, actor=marketing)
    service.log_feedback(db, data, actor=success)
    with pytest.raises(NotPermitted):
        service.create_feature(db, FeatureWrite(name="Reports"), actor=success)
    feature = service.create_feature(db, FeatureWrite(name="Reports"), actor=product)
    with pytest.raises(ResourceAlreadyExists):
        service.create_feature(db, FeatureWrite(name="reports"), actor=product)
    renamed = service.update_feature(
        db, feature.id, FeatureWrite(name="Custom reports", archived=True), actor=product
    )
    assert (renamed.name, renamed.archived) == ("Custom reports", True)


def test_the_report_ranks_by_open_pipeline_with_sums_by_hand(db: Session, boss: Actor) -> None:
    sso, price = make_feature(db, name="SSO"), make_feature(db, name="Pricing")
    acme, globex = make_account(db, name="Acme"), make_account(db, name="Globex")
    acme_open = make_opportunity(db, account=acme, amount=1000)
    acme_other = make_opportunity(db, account=acme, amount=500)
    acme_lost = make_opportunity(db, account=acme, amount=700, status="lost", lost_reason="Price")
    globex_open = make_opportunity(db, account=globex, amount=2000)
    globex_won = make_opportunity(db, account=globex, amount=9000, status="won")
    # SSO: on Acme's open deal (twice: counted once) and on Acme as a whole, which puts
    # Acme's other open deal at stake too (1,000 + 500); on Acme's lost deal (700).
    make_item(db, deal=acme_open, feature_id=sso.id, quote="No SSO, no deal")
    make_item(db, deal=acme_open, feature_id=sso.id, kind="feature_gap", quote="SAML please")
    make_item(db, account_id=acme.id, feature_id=sso.id, quote="IT insists on SSO")
    make_item(db, deal=acme_lost, feature_id=sso.id, quote="Went with a rival that has SSO")
    # Pricing: Globex's open deal (2,000) and its won deal (neither open nor lost).
    make_item(db, deal=globex_open, feature_id=price.id, quote="Too expensive")
    make_item(db, deal=globex_won, feature_id=price.id, quote="Pricey but fine")
    # Words without a feature yet.
    make_item(db, deal=globex_open, quote="Wants an offline mode")
    report = service.product_report(db, boss)
    rows = {r.name: r for r in report.features}
    # Ties on pipeline and loss put the items without a feature after the feature.
    assert [r.name for r in report.features] == ["Pricing", UNASSIGNED, "SSO"]
    assert (rows["SSO"].open_pipeline, rows["SSO"].open_deals) == (
        acme_open.amount + acme_other.amount,
        2,
    )
    assert (rows["SSO"].revenue_lost, rows["SSO"].lost_deals) == (700, 1)
    assert (rows["SSO"].items, rows["SSO"].objections, rows["SSO"].feature_gaps) == (4, 3, 1)
    assert rows["SSO"].accounts == 1
    assert (rows["Pricing"].open_pipeline, rows["Pricing"].revenue_lost) == (2000, 0)
    assert rows[UNASSIGNED].feature_id is None and rows[UNASSIGNED].open_pipeline == 2000
    assert {q.quote for q in rows["SSO"].quotes} == {
        "No SSO, no deal",
        "SAML please",
        "IT insists on SSO",
        "Went with a rival that has SSO",
    }
    assert [(r.reason, r.deals, r.amount) for r in report.lost_reasons] == [("Price", 1, 700)]


def test_an_empty_report(db: Session, boss: Actor) -> None:
    report = service.product_report(db, boss)
    assert report.features == [] and report.lost_reasons == []


def test_a_merged_accounts_feedback_stays_under_the_survivor(db: Session) -> None:
    survivor, duplicate = make_account(db), make_account(db)
    item = make_item(db, account_id=duplicate.id, feature_id=make_feature(db).id)

    contacts.merge_accounts(db, survivor.id, duplicate.id, actor=SYSTEM)
    db.refresh(item)
    assert item.account_id == survivor.id
