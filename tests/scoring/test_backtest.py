"""The back-test's figures against a hand count on a seeded history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core.actor import SYSTEM, Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.lifecycle.models import StageTransition
from huddle.scoring import service
from huddle.scoring.schemas import BacktestRequest, ScoreModelWrite
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model, set_mql

DEMO = {"name": "Demo", "kind": "behaviour", "points": 40, "event": {"types": ["demo_requested"]}}


def _page(points: int) -> dict[str, object]:
    return {
        "name": "Page",
        "kind": "behaviour",
        "points": points,
        "event": {"types": ["page_view"]},
    }


def _seed(db: Session, frozen_clock: FrozenClock) -> int:
    """A: demo + page 60 days ago, SQL 40 days ago, customer 10 days ago.
    B: demo + page 20 days ago; was SQL 100 days ago (before it would have qualified).
    C: three page views about 30 days ago; SQL 5 days ago.
    D: demo + page 200 days ago (qualified before the window opened)."""
    now = frozen_clock.now()
    model = make_model(db, [DEMO, _page(10)], name="Engagement")
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 50})

    def contact(touches: list[tuple[str, int]], stages: list[tuple[str, int]]) -> Contact:
        person = make_contact(db, created_at=now - timedelta(days=400))
        for kind, days in touches:
            db.add(
                Touch(
                    type=kind,
                    occurred_at=now - timedelta(days=days),
                    contact_id=person.id,
                    properties={},
                )
            )
        for stage, days in stages:
            db.add(
                StageTransition(
                    contact_id=person.id,
                    from_stage="lead",
                    to_stage=stage,
                    at=now - timedelta(days=days),
                )
            )
        return person

    contact([("demo_requested", 60), ("page_view", 59)], [("sql", 40), ("customer", 10)])
    contact([("demo_requested", 20), ("page_view", 20)], [("sql", 100)])
    contact([("page_view", 30), ("page_view", 29), ("page_view", 28)], [("sql", 5)])
    contact([("demo_requested", 200), ("page_view", 200)], [])
    db.flush()
    return model.id


def test_current_and_proposed_figures_match_a_hand_count(
    db: Session, frozen_clock: FrozenClock
) -> None:
    model_id = _seed(db, frozen_clock)
    proposed = ScoreModelWrite(name="Engagement", rules=[DEMO, _page(20)])
    result = service.backtest(
        db, BacktestRequest(months=6, model_id=model_id, model=proposed), actor=SYSTEM
    )
    assert (result.current.mqls, result.current.became_sql, result.current.became_customer) == (
        2,
        1,
        1,
    )
    assert (result.proposed.mqls, result.proposed.became_sql, result.proposed.became_customer) == (
        3,
        2,
        1,
    )
    assert result.checkpoints == 26


def test_it_names_the_contacts_that_change_side_and_shows_who_converted_by_score(
    db: Session, frozen_clock: FrozenClock
) -> None:
    model_id = _seed(db, frozen_clock)
    service.rescore_all(db, reason="test", actor=SYSTEM)
    three_pages = {"field": f"score.{model_id}", "op": "gte", "value": 30}
    result = service.backtest(db, BacktestRequest(months=6, criteria=three_pages), actor=SYSTEM)

    # C (three page views, 30 points) qualifies only with the change; A and B either way.
    assert (result.gained_count, result.lost_count) == (1, 0)
    gained = db.get(Contact, result.gained[0].id)
    assert gained is not None and result.gained[0].name == f"{gained.first_name} {gained.last_name}"
    # Today's scores: A and B have 50 (not decayed: no half-life), C 30, D 50.
    assert result.distribution_model == "Engagement"
    bands = {b.low: (b.converted, b.not_converted) for b in result.distribution}
    assert bands[50] == (2, 1) and bands[30] == (1, 0)
    assert sum(b.converted + b.not_converted for b in result.distribution) == 4


def test_proposed_criteria_alone(db: Session, frozen_clock: FrozenClock) -> None:
    model_id = _seed(db, frozen_clock)
    stricter = {"field": f"score.{model_id}", "op": "gte", "value": 60}
    result = service.backtest(db, BacktestRequest(months=6, criteria=stricter), actor=SYSTEM)
    assert result.proposed.mqls == 0


def test_a_back_test_of_a_bad_rule_is_refused(db: Session) -> None:
    bad = ScoreModelWrite(
        name="x",
        rules=[
            {
                "name": "x",
                "kind": "fit",
                "points": 1,
                "when": {"field": "nope", "op": "eq", "value": "1"},
            }
        ],
    )
    with pytest.raises(ValidationFailed):
        service.backtest(db, BacktestRequest(model=bad), actor=SYSTEM)


def test_only_marketing_ops_and_admins_edit_scoring(db: Session) -> None:
    rep, ops = make_user(db, role="sales_rep"), make_user(db, role="marketing_ops")
    with pytest.raises(NotPermitted):
        service.save_model(
            db, ScoreModelWrite(name="x", rules=[DEMO]), actor=Actor.user(rep.id, role=rep.role)
        )
    service.save_model(
        db, ScoreModelWrite(name="ops", rules=[DEMO]), actor=Actor.user(ops.id, role=ops.role)
    )
    assert [m.name for m in service.list_models(db)] == ["ops"]
