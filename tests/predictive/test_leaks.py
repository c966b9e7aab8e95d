"""The leak check finds the class of columns written after the outcome, not one example, and
tells a leak (excluded) from a strong honest predictor (suspicious, kept)."""

from __future__ import annotations

import random
from typing import Any

from huddle.predictive.leaks import Leak, find_leaks
from huddle.predictive.learning import Kind, Table


def _table(rows: int = 2000, seed: int = 3) -> Table:
    rng = random.Random(seed)
    columns: dict[str, list[Any]] = {
        "Channel": [],
        "Deal Stage": [],
        "Rep Rating": [],
        "Pages viewed": [],
        "Region": [],
    }
    label = []
    for _ in range(rows):
        channel = rng.choice(["Partner", "Web", "Web", "Event", "Ads"])
        pages = rng.randint(0, 30)
        chance = 0.97 if channel == "Partner" else 0.15 + pages / 100
        reached = rng.random() < chance
        label.append(int(reached))
        columns["Channel"].append(channel)
        columns["Pages viewed"].append(pages)
        columns["Region"].append(rng.choice(["North", "South", None]))
        # Written by sales once the deal is decided: statuses on both sides.
        if reached:
            stage = rng.choice(["Closed Won", "Closed Won", "Contract sent", None])
        else:
            stage = rng.choice(["Closed Lost", "No answer", "Nurture", None, None])
        columns["Deal Stage"].append(stage)
        # A rep's grade, given mostly to the leads worked to the end; no value is pure.
        filled = rng.random() < (0.85 if reached else 0.3)
        columns["Rep Rating"].append(rng.choice(["A", "B", "C"]) if filled else None)
    kinds: dict[str, Kind] = dict.fromkeys(columns, "category")
    kinds["Pages viewed"] = "number"
    return Table(columns, kinds, label)


def _by_column(leaks: list[Leak]) -> dict[str, Leak]:
    return {leak.column: leak for leak in leaks}


def test_a_status_column_with_outcome_values_on_both_sides_is_excluded() -> None:
    found = _by_column(find_leaks(_table()))
    stage = found["Deal Stage"]
    assert stage.excluded
    assert "values settle the outcome either way: 'Closed Won' (100%)" in stage.reason
    assert "'Closed Lost' (100%)" in stage.reason and "'No answer' (100%)" in stage.reason
    assert "its name speaks of stage" in stage.reason


def test_a_grade_filled_mostly_for_one_outcome_is_excluded_on_two_signals() -> None:
    rating = _by_column(find_leaks(_table()))["Rep Rating"]
    assert rating.excluded
    assert "filled for 85% of the rows that reached the outcome" in rating.reason
    assert "its name speaks of rating" in rating.reason


def test_an_honest_predictor_with_one_decisive_value_is_only_suspicious() -> None:
    found = _by_column(find_leaks(_table()))
    channel = found["Channel"]
    assert not channel.excluded
    assert channel.reason.startswith("values settle the outcome: 'Partner' (9")
    # Nothing speaks against the others.
    assert "Pages viewed" not in found and "Region" not in found


def test_outcome_words_in_the_values_alone_only_point_a_column_out() -> None:
    table = _table()
    rng = random.Random(5)
    words = ["Converted to Lead", "Email Opened", "Page Visited"]
    table.columns["Last Activity"] = [rng.choice(words) for _ in table.label]
    table.kinds["Last Activity"] = "category"
    activity = _by_column(find_leaks(table))["Last Activity"]
    assert not activity.excluded
    assert activity.reason == "values speak of an outcome ('Converted to Lead')"
