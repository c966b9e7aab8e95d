"""The back-test judged against known outcomes: each lead scored as of the moment it
entered Lead, against whether it reached the target within the horizon. Figures checked
against a hand count on a small seeded history; zero/one-outcome windows say so."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.predictive import service
from huddle.scoring import service as scoring_service
from huddle.scoring.schemas import BacktestRead, BacktestRequest, ScoreModelWrite
from tests.contacts.factories import make_account
from tests.jobs import run_due_jobs
from tests.predictive.test_records import DAY, _history, _lead, _moved, _touches
from tests.scoring.factories import make_model, set_mql

SOFTWARE = {
    "name": "Software",
    "kind": "fit",
    "points": 10,
    "when": {"field": "account.industry", "op": "eq", "value": "Software"},
}
DEMO = {"name": "Demo", "kind": "behaviour", "points": 20, "event": {"types": ["demo_requested"]}}


def _run(db: Session, **request: object) -> BacktestRead:
    return scoring_service.backtest(
        db, BacktestRequest(**request), actor=SYSTEM, judge=service.judge_backtest
    )


def _leads(db: Session, outcomes: list[tuple[Account, bool]]) -> list[int]:
    """Leads entered 150, 145, ... days ago (oldest first); a reached one moved to SQL 20
    days after entering."""
    now, ids = clock.now(), []
    for k, (account, reached) in enumerate(outcomes):
        entered = now - (150 - 5 * k) * DAY
        contact = _lead(db, entered, account=account)
        if reached:
            _moved(db, contact, "sql", entered + 20 * DAY)
        ids.append(contact.id)
    db.flush()
    return ids


def _seed_industries(db: Session) -> int:
    """Software leads: 3 of 4 reached SQL; Retail leads: 1 of 6. Plus leads that do not
    count: entered before the window, converted before entering Lead, and one whose
    horizon has not ended."""
    software = make_account(db, industry="Software")
    retail = make_account(db, industry="Retail")
    s, r = software, retail
    _leads(db, [(s, 1), (r, 0), (r, 0), (s, 1), (r, 1), (s, 0), (r, 0), (r, 0), (s, 1), (r, 0)])
    now = clock.now()
    old = _lead(db, now - 300 * DAY, account=software)
    _moved(db, old, "sql", now - 290 * DAY)
    early = _lead(db, now - 120 * DAY, account=retail)
    _moved(db, early, "sql", now - 125 * DAY)
    _lead(db, now - 20 * DAY, account=software)  # no outcome yet
    model = make_model(db, [SOFTWARE], name="Fit")
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 10})
    db.flush()
    return model.id


def test_auc_lift_and_precision_match_a_hand_count(db: Session, frozen_clock: object) -> None:
    _seed_industries(db)

    result = _run(db, months=6)

    outcome = result.current_outcome
    assert outcome is not None and outcome.message is None
    assert (outcome.leads, outcome.reached, outcome.target, outcome.horizon_days) == (
        10,
        4,
        "sql",
        90,
    )
    # Pairs (reached, not): Software vs Retail 3x5 won, Software vs Software 3x1 tied,
    # Retail vs Retail 1x5 tied, Retail vs Software 1x1 lost: (15 + 8/2) / 24.
    assert outcome.roc_auc == pytest.approx(19 / 24)
    # Average precision: at 10 points recall 3/4 with precision 3/4, then all: 1/4 at 4/10.
    assert outcome.pr_auc == pytest.approx(0.75 * 0.75 + 0.25 * 0.4)
    # One lead per tenth: the 4 Software leads first (10 points; a rate of 3/4 whatever
    # their order among themselves), then the 6 Retail ones (1/6); the average rate is 0.4.
    assert outcome.lift == pytest.approx([0.75 / 0.4] * 4 + [1 / 6 / 0.4] * 6)
    assert outcome.threshold == 10 and outcome.above_threshold == 4
    assert (outcome.precision, outcome.recall) == (0.75, 0.75)
    assert outcome.roc[0] == (0.0, 0.0) and outcome.roc[-1] == (1.0, 1.0)
    # No change proposed: the proposed side judges the same model under the same criteria.
    assert result.proposed_outcome == outcome


def test_a_proposed_rule_model_is_judged_beside_the_current_one(
    db: Session, frozen_clock: object
) -> None:
    model_id = _seed_industries(db)
    inverted = {**SOFTWARE, "when": {"field": "account.industry", "op": "eq", "value": "Retail"}}

    result = _run(
        db, months=6, model_id=model_id, model=ScoreModelWrite(name="Fit", rules=[inverted])
    )

    assert result.current_outcome is not None and result.proposed_outcome is not None
    assert result.current_outcome.roc_auc == pytest.approx(19 / 24)
    assert result.proposed_outcome.roc_auc == pytest.approx(5 / 24)
    assert result.proposed_outcome.model == "Fit (your change)"
    # The MQL criteria's threshold applies to the proposal too: 6 Retail leads, 1 reached.
    assert result.proposed_outcome.precision == pytest.approx(1 / 6)
    assert result.proposed_outcome.recall == pytest.approx(1 / 4)


def test_leads_are_scored_as_of_entering_lead_not_with_later_touches(
    db: Session, frozen_clock: object
) -> None:
    account = make_account(db, industry="Retail")
    ids = _leads(db, [(account, 1), (account, 0), (account, 0), (account, 1)])
    now = clock.now()
    first, second = db.get(Contact, ids[0]), db.get(Contact, ids[1])
    assert first is not None and second is not None
    _touches(db, first, "demo_requested", now - 152 * DAY)  # known when it entered (150 ago)
    _touches(db, second, "demo_requested", now - 143 * DAY)  # only after it entered (145 ago)
    make_model(db, [DEMO], name="Demo")
    db.flush()

    outcome = _run(db, months=6).current_outcome

    # As of entering Lead: 20, 0, 0, 0 for reached, not, not, reached: (2 won + 2 tied / 2)
    # / 4. Counting the later demo would tie the first two and give 0.5.
    assert outcome is not None and outcome.roc_auc == pytest.approx(0.75)
    assert outcome.threshold is None and outcome.precision is None  # no MQL criteria on it


@pytest.mark.parametrize("reached", [[], [0, 0, 0], [1, 1]])
def test_zero_or_one_outcome_says_not_enough_outcomes(
    db: Session, frozen_clock: object, reached: list[int]
) -> None:
    account = make_account(db, industry="Retail")
    _leads(db, [(account, bool(r)) for r in reached])
    make_model(db, [SOFTWARE], name="Fit")

    outcome = _run(db, months=6).current_outcome

    assert outcome is not None and outcome.roc_auc is None and outcome.lift == []
    assert outcome.message is not None and outcome.message.startswith("Not enough outcomes")
    assert f"{sum(reached)} of {len(reached)} leads" in outcome.message


def test_no_score_model_no_outcome_figures(db: Session, frozen_clock: object) -> None:
    result = _run(db, months=6)
    assert result.current_outcome is None and result.proposed_outcome is None


def test_the_active_predictive_model_is_judged_by_its_probabilities(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)
    service.activate(db, version.id, actor=SYSTEM)
    run_due_jobs(db, service.RESCORE_JOB)
    assert version.score_model_id is not None
    set_mql(db, {"field": f"score.{version.score_model_id}", "op": "gte", "value": 50})

    outcome = _run(db, months=12, model_id=version.score_model_id).current_outcome

    assert outcome is not None and outcome.message is None
    assert outcome.model == service.SCORE_MODEL_NAME and outcome.threshold == 50
    assert outcome.roc_auc is not None and outcome.roc_auc > 0.65
    assert outcome.lift[0] > 1 and outcome.precision is not None


def test_the_api_answers_with_outcome_figures(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    _seed_industries(db)

    answer = client.post("/api/v1/scoring/backtest", json={"months": 6, "horizon_days": 90})

    assert answer.status_code == 200, answer.text
    outcome = answer.json()["current_outcome"]
    assert outcome["roc_auc"] == pytest.approx(19 / 24) and outcome["leads"] == 10
    assert len(outcome["lift"]) == 10 and outcome["precision"] == 0.75
    bad = client.post("/api/v1/scoring/backtest", json={"months": 6, "target": "won"})
    assert bad.status_code == 422 and "target" in bad.text


def test_the_backtest_page_shows_the_outcome_charts(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    model_id = _seed_industries(db)

    page = client.post(
        f"/settings/scoring/models/{model_id}",
        data={"name": "Fit", "rules": json.dumps([SOFTWARE]), "action": "backtest"},
    ).text

    assert 'data-testid="backtest-outcome"' in page
    assert 'data-testid="outcome-lift-chart"' in page and 'data-testid="outcome-roc-chart"' in page
    assert "0.792" in page  # ROC AUC 19/24
    assert "Against known outcomes" in page
