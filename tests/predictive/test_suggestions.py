"""Suggested rules: points that follow the history (a value converting more gets positive
points, one converting less negative ones, a value seen on few leads none), from a trained
logistic model's coefficients or from the conversion rates; adopted as a rule model the
rule builder opens."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.predictive import service, suggesting
from huddle.scoring import service as scoring_service
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account
from tests.predictive.test_records import DAY, _history, _lead, _moved


def _few_miners(db: Session) -> None:
    """Five leads from mining companies, all reaching SQL: too few to say anything."""
    mining = make_account(db, industry="Mining")
    for k in range(5):
        entered = clock.now() - (150 + k) * DAY
        _moved(db, _lead(db, entered, account=mining), "sql", entered + 5 * DAY)
    db.flush()


def _points(suggestions: service.Suggestions) -> dict[str, int]:
    return {item.key: item.points for item in suggestions.items}


def test_without_a_model_points_follow_the_conversion_rates(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    _few_miners(db)

    suggestions = service.suggest_rules(db)

    points = _points(suggestions)
    assert suggestions.version_id is None and "conversion rates" in suggestions.basis
    assert points["industry=Software"] > 0 > points["industry=Retail"]
    assert "industry=Mining" not in points  # 5 leads: below the support asked for
    software = next(i for i in suggestions.items if i.key == "industry=Software")
    evidence = software.evidence
    assert evidence.leads >= service.MIN_SUPPORT and evidence.ratio > 1
    assert software.rule == {
        "name": "industry = Software",
        "kind": "fit",
        "points": software.points,
        "when": {"field": "account.industry", "op": "eq", "value": "Software"},
    }
    retail = next(i for i in suggestions.items if i.key == "industry=Retail")
    assert retail.rule["kind"] == "negative" and retail.evidence.ratio < 1


def test_a_lower_support_threshold_lets_the_small_value_in(
    db: Session, frozen_clock: object
) -> None:
    _history(db, count=120)
    _few_miners(db)

    points = _points(service.suggest_rules(db, min_support=5))

    assert points["industry=Mining"] > 0


def test_with_a_logistic_model_points_come_from_its_coefficients(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    version = service.train_from_records(db, actor=SYSTEM, target="sql", seed=1)

    suggestions = service.suggest_rules(db)

    points = _points(suggestions)
    assert suggestions.version_id == version.id and f"model v{version.id}" in suggestions.basis
    assert points["industry=Software"] > 0 > points["industry=Retail"]


def test_adopting_makes_a_rule_model_of_the_chosen_suggestions(
    db: Session, frozen_clock: object
) -> None:
    _history(db)
    suggestions = service.suggest_rules(db)

    model = service.adopt_suggestions(db, ["industry=Software"], name="Learned fit", actor=SYSTEM)

    software = next(i for i in suggestions.items if i.key == "industry=Software")
    assert model.rules == [software.rule]
    assert not model.is_primary and model.source == "rules"
    assert model.id in {m.id for m in scoring_service.list_models(db)}
    with pytest.raises(ValidationFailed) as refused:
        service.adopt_suggestions(db, ["industry=Nowhere"], name="Empty", actor=SYSTEM)
    assert refused.value.errors[0].field == "keys"


def test_the_page_lists_suggestions_and_adoption_opens_the_rule_builder(
    client: TestClient, db: Session, frozen_clock: object
) -> None:
    empty = client.get("/settings/scoring/predictive/suggestions").text
    assert "No rule to suggest yet" in empty
    _history(db)

    page = client.get("/settings/scoring/predictive/suggestions").text
    assert 'data-testid="suggestions"' in page and "industry = <strong>Software</strong>" in page
    assert re.search(r"converts [\d.]+\S the average, \d+ leads", page)

    answer = client.post(
        "/settings/scoring/predictive/suggestions/adopt",
        data={"name": "Learned fit", "keys": ["industry=Software", "industry=Retail"]},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    model = next(m for m in scoring_service.list_models(db) if m.name == "Learned fit")
    assert answer.headers["location"] == f"/settings/scoring?edit=model-{model.id}#model-{model.id}"
    assert {r["name"] for r in model.rules} == {"industry = Software", "industry = Retail"}

    settings = client.get(answer.headers["location"]).text
    card = settings[settings.index(f'id="model-{model.id}"') :]
    assert "<details open>" in card[: card.index("</details>")]  # the builder is opened
    assert "account.industry" in card and "industry = Retail" in card

    refused = client.post(
        "/settings/scoring/predictive/suggestions/adopt", data={"name": "Nothing"}
    )
    assert refused.status_code == 422 and "choose at least one" in refused.text


def test_a_rep_cannot_see_or_adopt_suggestions(anon_client: TestClient, db: Session) -> None:
    rep = sign_in(anon_client, make_user(db, role="sales_rep"))
    assert rep.get("/settings/scoring/predictive/suggestions").status_code == 403
    adopt = rep.post("/settings/scoring/predictive/suggestions/adopt", data={"name": "X"})
    assert adopt.status_code == 403


def test_points_double_with_the_rate_and_model_weights_keep_the_rates_scale() -> None:
    doubled = suggesting.Evidence("industry", "Software", 100, 40, 2.0)
    halved = suggesting.Evidence("industry", "Retail", 100, 10, 0.5)
    rare = suggesting.Evidence("industry", "Mining", 40, 8, 1.0)
    found = [doubled, halved, rare]

    assert suggesting.points(found) == [10, -10, 0]
    # The model says Software matters three times as much as Retail, the other way round:
    # the 20 points of the rates' total size, shared 3 to 1; Mining pooled (no coefficient).
    weights = {("industry", "Software"): 0.3, ("industry", "Retail"): -0.1}
    assert suggesting.points(found, weights) == [15, -5, 0]
    assert suggesting.points(found, {}) == [0, 0, 0]
