"""The models' splits on hand-made paths (no database)."""

from __future__ import annotations

import pytest

from huddle.attribution.rules import MODELS, PathTouch, weights
from huddle.attribution.schemas import AttributionModel


def path(*flags: tuple[bool, bool], ages: tuple[float, ...] | None = None) -> list[PathTouch]:
    ages = ages or tuple(float(10 - i) for i in range(len(flags)))
    return [
        PathTouch(i + 1, age, m, c) for i, ((m, c), age) in enumerate(zip(flags, ages, strict=True))
    ]


FIVE = path((True, True), (True, True), (True, True), (False, True), (False, False))


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_every_model_splits_the_whole_conversion(model: str, n: int) -> None:
    shares = weights(model, path(*[(i < 2, i < 4) for i in range(n)]))
    assert sum(shares) == pytest.approx(1.0)
    assert all(share >= 0 for share in shares)


def test_u_shaped_gives_40_to_each_end_and_20_to_the_middle() -> None:
    assert weights("u_shaped", FIVE) == pytest.approx([0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4])
    assert weights("u_shaped", FIVE[:2]) == pytest.approx([0.5, 0.5])
    assert weights("u_shaped", FIVE[:1]) == pytest.approx([1.0])


def test_w_shaped_gives_30_to_first_mql_and_opportunity_touches_and_10_to_the_rest() -> None:
    # MQL-creating: the last touch at or before the MQL (index 2); opportunity-creating:
    # the last at or before the deal's creation (index 3); index 1 and 4 share 10 %.
    assert weights("w_shaped", FIVE) == pytest.approx([0.3, 0.05, 0.3, 0.3, 0.05])


def test_w_shaped_roles_on_one_touch_add_up_and_missing_roles_scale_the_rest() -> None:
    # Never an MQL, no deal: only the first touch has a role (30 %), the other two 5 %
    # each; scaled to 100 %: 30/40, 5/40, 5/40.
    alone = path((False, False), (False, False), (False, False))
    assert weights("w_shaped", alone) == pytest.approx([0.75, 0.125, 0.125])
    # The first touch is also the MQL and the opportunity touch: 90 % of 100 % → 1.
    assert weights("w_shaped", path((True, True))) == pytest.approx([1.0])
    # Two touches, the second creates the MQL and the deal: 30 and 60 → 1/3, 2/3.
    assert weights("w_shaped", path((True, True), (True, True))) == pytest.approx([1 / 3, 2 / 3])


def test_time_decay_halves_a_touchs_weight_every_seven_days() -> None:
    shares = weights("time_decay", path((False, False), (False, False), ages=(7.0, 0.0)))
    assert shares == pytest.approx([1 / 3, 2 / 3])
    # 14 days: a quarter of the weight of a touch on the day.
    shares = weights("time_decay", path((False, False), (False, False), ages=(14.0, 0.0)))
    assert shares == pytest.approx([0.2, 0.8])


def test_first_last_and_linear() -> None:
    assert weights("first_touch", FIVE) == [1.0, 0, 0, 0, 0]
    assert weights("last_touch", FIVE) == [0, 0, 0, 0, 1.0]
    assert weights("linear", FIVE) == pytest.approx([0.2] * 5)
    assert weights("linear", []) == []


def test_the_apis_enum_names_every_model() -> None:
    assert [m.value for m in AttributionModel] == list(MODELS)
