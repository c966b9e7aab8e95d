"""The learning on a real table (online shoppers): reproducible with a seed, calibration
that improves the Brier score on held-out rows, linear explanations that add up."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

from huddle.predictive.leaks import find_leaks
from huddle.predictive.learning import Table, held_out_split, train
from huddle.predictive.service import Outcome, fit_and_measure
from huddle.predictive.tabular import load_table
from tests.predictive.test_csv import SHOPPERS, needs_data

pytestmark = needs_data


@pytest.fixture(scope="module")
def shoppers() -> Table:
    table = load_table(SHOPPERS, target="Revenue").table
    # Every third row: enough to learn, quick to fit twice.
    return table.rows(range(0, len(table), 3))


@pytest.fixture(scope="module")
def outcome(shoppers: Table) -> Outcome:
    return fit_and_measure(shoppers, by_time=False, seed=3)


def test_the_same_rows_and_seed_give_the_same_model(shoppers: Table, outcome: Outcome) -> None:
    again = fit_and_measure(shoppers, by_time=False, seed=3)
    _, held = held_out_split(shoppers, by_time=False, seed=3)
    rows = shoppers.rows(held)
    assert again.trained.params == outcome.trained.params
    assert np.array_equal(again.trained.probabilities(rows), outcome.trained.probabilities(rows))
    assert again.metrics == outcome.metrics
    # What is stored and loaded again predicts the same.
    restored = pickle.loads(pickle.dumps(outcome.trained))
    assert np.array_equal(restored.probabilities(rows), outcome.trained.probabilities(rows))


def test_calibration_improves_the_brier_score_on_held_out_rows(outcome: Outcome) -> None:
    assert outcome.metrics.brier < outcome.uncalibrated_brier
    # Calibrated, the mean prediction is close to the observed rate.
    predicted = sum(p * n for p, _, n in outcome.metrics.calibration) / outcome.metrics.rows
    observed = outcome.metrics.positives / outcome.metrics.rows
    assert predicted == pytest.approx(observed, abs=0.03)


def test_linear_explanations_sum_to_the_logit(shoppers: Table, outcome: Outcome) -> None:
    trained = outcome.trained
    for row in (0, 7, 42):
        explanation = trained.explain(shoppers, row)
        total = explanation.intercept + sum(f.contribution for f in explanation.factors)
        assert total == pytest.approx(explanation.logit, abs=1e-9)
        matrix = trained._aligned(shoppers.rows([row]))
        assert explanation.logit == pytest.approx(
            float(trained.pipeline.decision_function(matrix)[0]), abs=1e-9
        )
        assert 0 < explanation.probability < 1
        # The factors are ordered by how much they move the logit.
        sizes = [abs(f.contribution) for f in explanation.factors]
        assert sizes == sorted(sizes, reverse=True)
    # The calibration keeps the order: a higher logit is a higher probability.
    a, b = trained.explain(shoppers, 0), trained.explain(shoppers, 42)
    assert (a.logit < b.logit) == (a.probability < b.probability)


def test_the_time_aware_model_is_fitted_on_the_past_only(shoppers: Table) -> None:
    fitted, held = held_out_split(shoppers, by_time=True)
    assert max(fitted) < min(held)
    trained = train(shoppers.rows(fitted), by_time=True, seed=0)
    assert trained.rows == len(fitted) and not math.isnan(trained.cv_auc)


def test_a_column_filled_only_after_the_outcome_is_a_leak(shoppers: Table) -> None:
    reached = ["2024-05-01" if outcome else None for outcome in shoppers.label]
    leaky = Table(
        shoppers.columns | {"Closed on": reached},
        shoppers.kinds | {"Closed on": "category"},
        shoppers.label,
    )
    # Excluded: that one only (the shoppers' durations are at most suspicious).
    leaks = {leak.column: leak.reason for leak in find_leaks(leaky) if leak.excluded}
    assert list(leaks) == ["Closed on"]
    assert (
        "filled for 100% of the rows that reached the outcome and 0% of the others"
        in (leaks["Closed on"])
    )
