"""The feedback loop on a seeded window counted by hand: traits ranked by lift, the
threshold within capacity, and its proposals (MQL criteria draft, SLA draft)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, NotPermitted, ValidationFailed
from huddle.feedback import service
from huddle.feedback.rules import Objective
from huddle.feedback.schemas import FeedbackLoopRead
from huddle.feedback.service.loop import proposed_condition
from huddle.scoring import service as scoring
from huddle.scoring.models import ScoreModel
from huddle.sla import service as sla
from tests.conftest import make_user
from tests.scoring.factories import set_mql
from tests.sla.factories import activate, actor_of


def _trait(report: FeedbackLoopRead, trait: str, value: str) -> dict[str, object]:
    found = [t for t in report.traits if (t.trait, t.value) == (trait, value)]
    assert found, f"{trait}={value} not in {[(t.trait, t.value) for t in report.traits]}"
    return found[0].model_dump()


def test_traits_ranked_by_lift_counted_by_hand(
    boss: Actor, db: Session, window: dict[str, int]
) -> None:
    report = service.feedback_loop(db, boss, months=3, stage="sql", min_count=1)
    # Six contacts in the window; A reached SQL and B passed it on the way to Customer.
    assert (report.total, report.converted) == (6, 2)
    assert report.base_rate == pytest.approx(1 / 3)
    vp = _trait(report, "seniority", "VP")
    assert (vp["with_count"], vp["with_converted"], vp["without_count"]) == (3, 2, 3)
    assert vp["without_converted"] == 0
    assert vp["lift"] == pytest.approx(2.0)
    # 2/3 against 0/3: pooled 1/3, z = (2/3) / sqrt(1/3 * 2/3 * 2/3) = 1.732.
    assert vp["p_value"] == pytest.approx(0.0833, abs=1e-3)
    manager = _trait(report, "seniority", "Manager")
    assert (manager["with_count"], manager["with_converted"], manager["lift"]) == (2, 0, 0.0)
    # B's webinar came after it converted: only A's and C's count.
    webinar = _trait(report, "touch", "webinar_attended")
    assert (webinar["with_count"], webinar["with_converted"]) == (2, 1)
    assert webinar["lift"] == pytest.approx(1.5)
    plan = _trait(report, "custom.plan", "pro")
    assert (plan["with_count"], plan["lift"], plan["trait_label"]) == (1, 3.0, "Plan")
    champion = _trait(report, "custom.champion", "yes")
    assert (champion["with_count"], champion["with_converted"]) == (1, 1)
    assert _trait(report, "custom.champion", "no")["with_converted"] == 0
    assert [(t.trait, t.value) for t in report.traits][:3] == [
        ("custom.champion", "yes"),
        ("custom.plan", "pro"),
        ("seniority", "VP"),
    ]
    # The default support leaves out traits fewer than five contacts share.
    assert service.feedback_loop(db, boss, months=3).traits == []


def test_an_empty_window_has_no_rates_and_no_threshold(
    boss: Actor, db: Session, frozen_clock: clock.FrozenClock, primary: ScoreModel
) -> None:
    report = service.feedback_loop(db, boss, months=1, capacity=10)
    assert (report.total, report.converted, report.base_rate) == (0, 0, None)
    assert report.traits == [] and report.curve == [] and report.best is None


def test_the_threshold_within_capacity(
    boss: Actor, db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    # Capacity 1 a month over 3 months: at most 3 MQLs, i.e. a threshold of 70 or more.
    report = service.feedback_loop(db, boss, months=3, capacity=1)
    assert [(p.threshold, p.mqls, p.accepted, p.converted, p.fits) for p in report.curve] == [
        (10, 6, 3, 2, False),
        (20, 5, 3, 2, False),
        (30, 4, 3, 2, False),
        (70, 3, 3, 2, True),
        (80, 2, 2, 2, True),
        (90, 1, 1, 1, True),
    ]
    best = report.best
    # 70 and 80 both convert 2: the higher threshold wins (fewer MQLs, same result).
    assert best is not None and (best.threshold, best.mqls, best.acceptance) == (80, 2, 1.0)
    assert best.per_month == pytest.approx(2 / 3)
    rate = service.feedback_loop(db, boss, months=3, capacity=1, objective=Objective.RATE)
    assert rate.best is not None and rate.best.threshold == 80


def test_capacity_defaults_to_the_sla_volume(
    boss: Actor, db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    activate(db, [{"key": "volume", "kind": "mql_volume", "count": 3, "period": "quarter"}])
    report = service.feedback_loop(db, boss, months=3)
    assert report.capacity == 1 and report.best is not None and report.best.threshold == 80


def test_bad_settings_are_422_naming_the_field(boss: Actor, db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        service.feedback_loop(db, boss, months=0, stage="lost")
    assert {e.field for e in refused.value.errors} == {"months", "stage"}


def test_proposing_and_applying_a_threshold(
    boss: Actor, db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    set_mql(db, {"field": f"score.{primary.id}", "op": "gte", "value": 50})
    report = service.feedback_loop(db, boss, months=3, capacity=1)
    proposal = service.propose_scoring(db, boss, report)
    assert (proposal.status, proposal.threshold, proposal.acceptance_percent) == ("draft", 80, 100)
    assert scoring.get_criteria(db, "mql").condition["value"] == 50  # type: ignore[union-attr]
    rep = make_user(db, role="sales_rep", team="sales")
    with pytest.raises(NotPermitted):
        service.apply_proposal(db, actor_of(rep), proposal.id)
    applied = service.apply_proposal(db, boss, proposal.id)
    criteria = scoring.get_criteria(db, "mql")
    assert criteria is not None and criteria.version == 2
    assert criteria.condition == {"field": f"score.{primary.id}", "op": "gte", "value": 80}
    assert applied.status == "applied"
    with pytest.raises(Conflict):
        service.dismiss_proposal(db, boss, proposal.id)


def test_proposing_an_sla_draft_for_both_leads(
    db: Session, window: dict[str, int], primary: ScoreModel
) -> None:
    activate(db, [{"key": "volume", "kind": "mql_volume", "count": 30, "period": "month"}])
    marketing = make_user(db, role="marketing", team="marketing")
    report = service.feedback_loop(db, actor_of(marketing), months=3, capacity=1)
    version_id, _ = service.propose_sla(db, actor_of(marketing), report)
    draft = sla.get_version(db, version_id)
    assert draft.status == "draft"
    assert {t["kind"]: t for t in draft.terms}["mql_volume"]["count"] == 1
    assert {t["kind"]: t for t in draft.terms}["mql_acceptance"]["percent"] == 100
    assert "score of at least 80" in draft.body


def test_who_may_propose(db: Session, window: dict[str, int], primary: ScoreModel) -> None:
    product = make_user(db, role="product", team="product")
    report = service.feedback_loop(db, actor_of(product), months=3, capacity=1)
    with pytest.raises(NotPermitted):
        service.propose_scoring(db, actor_of(product), report)
    with pytest.raises(NotPermitted):
        service.propose_sla(db, actor_of(product), report)


def test_no_primary_model_no_proposal(boss: Actor, db: Session, window: dict[str, int]) -> None:
    report = service.feedback_loop(db, boss, months=3, capacity=1)
    assert report.score_model_id is None and report.best is None
    with pytest.raises(Conflict):
        service.propose_scoring(db, boss, report)


def test_the_proposed_condition_keeps_what_else_the_criteria_ask() -> None:
    grade = {"field": "grade", "op": "in", "value": ["A", "B"]}
    current = {"all": [{"field": "score.7", "op": "gte", "value": 50}, grade]}
    assert proposed_condition(current, 7, 65) == {
        "all": [{"field": "score.7", "op": "gte", "value": 65}, grade]
    }
    assert proposed_condition({"all": [grade]}, 7, 65) == {
        "all": [{"all": [grade]}, {"field": "score.7", "op": "gte", "value": 65}]
    }
    assert proposed_condition(None, 7, 65) == {"field": "score.7", "op": "gte", "value": 65}
