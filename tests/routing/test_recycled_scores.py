"""A recycled lead's behaviour points start again (the configured score rule): fit and
negative rules stay; the explanation shows the adjustment; a full rescore agrees."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.routing import service
from huddle.scoring import service as scoring
from huddle.scoring.models import ContactScore
from tests.contacts.factories import make_contact
from tests.jobs import route_qualified_leads
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule
from tests.scoring.factories import make_model, set_mql, touch

RULES = [
    {"name": "Pages", "kind": "behaviour", "points": 10, "event": {"types": ["page_view"]}},
    {
        "name": "VP",
        "kind": "fit",
        "points": 5,
        "when": {"field": "contact.job_title", "op": "contains", "value": "VP"},
    },
    {"name": "Bounced", "kind": "negative", "points": -3, "event": {"types": ["email_bounced"]}},
]


def _points(db: Session, contact_id: int, model_id: int) -> float:
    return db.scalars(
        select(ContactScore.points).where(
            ContactScore.contact_id == contact_id, ContactScore.model_id == model_id
        )
    ).one()


def test_rejecting_resets_behaviour_points_and_full_rescore_agrees(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    rep = make_rep(db, "Ann")
    pool = make_pool(db, "Inside sales", [(rep, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id, respect_hours=False)
    model = make_model(db, RULES, is_primary=True)
    contact = make_contact(db, job_title="VP Sales")
    touch(db, contact, "email_bounced")
    for _ in range(3):
        touch(db, contact, "page_view")
    assert _points(db, contact.id, model.id) == 10 * 3 + 5 - 3
    handoff = make_mql(db, contact)
    frozen_clock.advance(timedelta(hours=1))

    service.reject_handoff(
        db,
        handoff.id,
        reason_code="no_need",
        note=None,
        actor=Actor.user(rep.id, role="sales_rep", team="sales"),
    )

    assert _points(db, contact.id, model.id) == 5 - 3
    frozen_clock.advance(timedelta(hours=1))
    touch(db, contact, "page_view")
    assert _points(db, contact.id, model.id) == 10 + 5 - 3

    explained = scoring.explain_scores(db, contact.id)
    assert explained.reset_at is not None and "no_need" in (explained.reset_reason or "")
    [breakdown] = explained.models
    pages = next(r for r in breakdown.rules if r.rule == "Pages")
    assert pages.occurrences == 1 and breakdown.total == 12

    scoring.rescore_all(db, reason="test", actor=SYSTEM)
    assert _points(db, contact.id, model.id) == 12


def test_a_recycled_lead_that_still_qualifies_is_routed_again(db: Session) -> None:
    rep = make_rep(db, "Ann")
    pool = make_pool(db, "Inside sales", [(rep, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id, respect_hours=False)
    model = make_model(db, RULES, is_primary=True)
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 5})
    contact = make_contact(db, job_title="VP Sales")
    touch(db, contact, "page_view")
    route_qualified_leads(db)
    first = service.latest_handoff(db, contact.id)
    assert first is not None

    service.reject_handoff(
        db,
        first.id,
        reason_code="no_budget",
        note=None,
        actor=Actor.user(rep.id, role="sales_rep", team="sales"),
    )

    # Fit alone (5 points) still meets the criteria: marketing's rule sends it back.
    assert route_qualified_leads(db) == 1
    latest = service.latest_handoff(db, contact.id)
    assert latest is not None and latest.id != first.id and latest.status == "open"
    assert first.status == "rejected"
