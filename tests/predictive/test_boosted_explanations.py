"""Explanations of the boosted model (model-agnostic: each column replaced by its training
baseline, the change in probability) point the way the data was planted; explanations
read as a sentence."""

from __future__ import annotations

import math

import numpy as np
import pytest

from huddle.predictive.learning import (
    Explanation,
    Factor,
    LearningError,
    Table,
    explanation_in_words,
    factor_words,
    train,
)

COLUMNS = ["industry", "employees", "visits", "noise"]


@pytest.fixture(scope="module")
def planted() -> Table:
    """Software (+) and pricing visits (+) make a conversion likelier, tiny companies (-)
    less; ``noise`` does nothing."""
    rng = np.random.default_rng(7)
    rows = 1200
    industry = rng.choice(["Software", "Retail", "Health"], size=rows, p=[0.3, 0.4, 0.3])
    employees = np.exp(rng.uniform(np.log(2), np.log(5000), size=rows)).round()
    visits = rng.poisson(2, size=rows).astype(float)
    noise = rng.normal(size=rows)
    logit = -1.0 + 2.0 * (industry == "Software") + 0.8 * (visits - 2) - 2.0 * (employees < 10)
    label = (rng.uniform(size=rows) < 1 / (1 + np.exp(-logit))).astype(int)
    return Table(
        {
            "industry": [str(v) for v in industry],
            "employees": [float(v) for v in employees],
            "visits": [float(v) for v in visits],
            "noise": [float(v) for v in noise],
        },
        {"industry": "category", "employees": "number", "visits": "number", "noise": "number"},
        [int(v) for v in label],
    )


def _factor(explanation: Explanation, column: str) -> float:
    return next((f.contribution for f in explanation.factors if f.feature == column), 0.0)


def test_boosted_factors_point_the_way_the_data_was_planted(planted: Table) -> None:
    trained = train(planted, algorithm="boosted", seed=1, by_time=False)
    assert trained.baseline["industry"] == "Retail" and trained.baseline["employees"] > 10
    strong = Table(
        {"industry": ["Software"], "employees": [400.0], "visits": [4.0], "noise": [0.0]},
        planted.kinds,
        [0],
    )
    weak = Table(
        {"industry": ["Retail"], "employees": [4.0], "visits": [2.0], "noise": [0.0]},
        planted.kinds,
        [0],
    )
    up = trained.explain(strong, 0)
    assert up.method == "replacement" and math.isnan(up.logit)
    assert _factor(up, "industry") > 0.05 and _factor(up, "visits") > 0.05
    assert {f.feature for f in up.factors[:2]} == {"industry", "visits"}
    assert abs(_factor(up, "noise")) < min(_factor(up, "industry"), _factor(up, "visits"))
    down = trained.explain(weak, 0)
    assert _factor(down, "employees") < -0.05
    assert down.factors[0].feature == "employees"
    # The factor is the probability minus the probability with the column at its baseline.
    again = Table({**weak.columns, "employees": [trained.baseline["employees"]]}, weak.kinds, [0])
    without = float(trained.probabilities(again)[0])
    assert _factor(down, "employees") == pytest.approx(down.probability - without)
    words = explanation_in_words(up, COLUMNS)
    assert words.startswith("More likely to convert mainly because: ")
    assert "industry is Software (+)" in words and "visits is 4 (+)" in words
    assert "employees is 4 (-)" in explanation_in_words(down, COLUMNS)


def test_a_sentence_names_the_main_factors_each_way() -> None:
    explanation = Explanation(
        0.0,
        math.nan,
        0.4,
        [
            Factor("industry", math.nan, 0.2, "Software"),
            Factor("employees", math.nan, -0.1, "5"),
            Factor("visits", math.nan, 0.05, "3"),
            Factor("country", math.nan, -0.01, "(missing)"),
        ],
        method="replacement",
    )
    assert explanation_in_words(explanation, COLUMNS) == (
        "More likely to convert mainly because: industry is Software (+), visits is 3 (+); "
        "less because: employees is 5 (-), country unknown (-)."
    )
    only_down = Explanation(0.0, math.nan, 0.1, [Factor("employees", math.nan, -0.1, "5")])
    assert explanation_in_words(only_down, COLUMNS) == (
        "Less likely to convert because: employees is 5 (-)."
    )
    assert factor_words(Factor("industry_Software", 1.0, 0.3), ["industry"]) == (
        "industry is Software"
    )


def test_a_boosted_model_stored_without_baselines_asks_to_be_trained_again(
    planted: Table,
) -> None:
    trained = train(planted.rows(range(400)), algorithm="boosted", seed=1, by_time=False)
    trained.baseline = {}  # as pickled before baselines were kept
    with pytest.raises(LearningError, match="train it again"):
        trained.explain(planted, 0)
