"""The attribution report against the hand-counted March history (see conftest)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from huddle.attribution.rules import MODELS
from huddle.attribution.schemas import AttributionReport, CampaignCredit, ModelReport
from huddle.attribution.service import attribution_report
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from tests.attribution.conftest import March


def report(db: Session) -> AttributionReport:
    return attribution_report(db, start=date(2024, 3, 1), end=date(2024, 3, 31), actor=SYSTEM)


def by_name(shown: ModelReport) -> dict[str, CampaignCredit]:
    return {c.name: c for c in shown.campaigns}


def model(db: Session, name: str) -> dict[str, CampaignCredit]:
    return by_name(next(m for m in report(db).models if m.model == name))


def revenue(db: Session, name: str) -> dict[str, float]:
    return {k: round(c.revenue, 6) for k, c in model(db, name).items() if c.revenue}


def test_every_model_credits_exactly_the_deals_amounts(db: Session, march: March) -> None:
    shown = report(db)
    assert [m.model for m in shown.models] == list(MODELS)
    for m in shown.models:
        # Won: 10,000 + No campaign: 2,000; open pipeline: 5,000.
        assert m.revenue == pytest.approx(12_000)
        assert m.pipeline == pytest.approx(5000)
        assert sum(c.mqls for c in m.campaigns) == pytest.approx(1, abs=1e-3)
        assert sum(c.customers for c in m.campaigns) == pytest.approx(1, abs=1e-3)
        assert sum(c.revenue for c in m.campaigns) == pytest.approx(12_000, abs=0.05)


def test_a_deal_without_campaign_touches_goes_to_none(db: Session, march: March) -> None:
    for name in MODELS:
        none = model(db, name)["(none)"]
        assert none.campaign_id is None
        assert none.revenue == 2000
        assert none.roi is None


def test_single_touch_models(db: Session, march: March) -> None:
    # Won's path to its close: A 1st, B 5th, C 8th, B 10th (B on the 16th is after it).
    assert revenue(db, "first_touch") == {"A newsletter": 10_000, "(none)": 2000}
    assert revenue(db, "last_touch") == {"B search": 10_000, "(none)": 2000}
    assert revenue(db, "linear") == {
        "A newsletter": 2500,
        "B search": 5000,
        "C webinar": 2500,
        "(none)": 2000,
    }


def test_u_and_w_splits(db: Session, march: March) -> None:
    # U: A 40 %, B(5th) 10 %, C 10 %, B(10th) 40 %.
    assert revenue(db, "u_shaped") == {
        "A newsletter": 4000,
        "B search": 5000,
        "C webinar": 1000,
        "(none)": 2000,
    }
    # W: first A 30 %; MQL (6th) created by B on the 5th: 30 %; the deal (9th) by C on
    # the 8th: 30 %; B on the 10th the remaining 10 %.
    assert revenue(db, "w_shaped") == {
        "A newsletter": 3000,
        "B search": 4000,
        "C webinar": 3000,
        "(none)": 2000,
    }


def test_time_decay_halves_every_seven_days(db: Session, march: March) -> None:
    # Days before the close (15th 10:00): 14, 10, 7, 5.
    raw = {"A": 2 ** (-14 / 7), "B": 2 ** (-10 / 7) + 2 ** (-5 / 7), "C": 2 ** (-7 / 7)}
    total = sum(raw.values())
    shown = revenue(db, "time_decay")
    assert shown["A newsletter"] == pytest.approx(10_000 * raw["A"] / total, abs=0.005)
    assert shown["B search"] == pytest.approx(10_000 * raw["B"] / total, abs=0.005)
    assert shown["C webinar"] == pytest.approx(10_000 * raw["C"] / total, abs=0.005)


def test_pipeline_credits_contacts_in_a_role(db: Session, march: March) -> None:
    # Open's only contact is Yvonne, in a role; her one touch is C.
    for name in MODELS:
        assert model(db, name)["C webinar"].pipeline == 5000


def test_roi_and_cost_per_conversion(db: Session, march: March) -> None:
    first = model(db, "first_touch")
    a = first["A newsletter"]
    # Cost in March: 600 + 400 (April's entry is outside the period).
    assert a.cost == 1000
    assert a.roi == pytest.approx((10_000 - 1000) / 1000)
    # Xavier's MQL path (to the 6th): A, B → first touch: A; SQL and customer too.
    assert (a.mqls, a.sqls, a.customers) == (1, 1, 1)
    assert a.cost_per_mql == 1000
    assert a.cost_per_customer == 1000
    # B has no cost: no ROI, no cost per MQL.
    b = first["B search"]
    assert b.cost == 0
    assert b.roi is None
    assert b.cost_per_mql is None
    # C spent 500 and earned nothing under first touch: ROI -100 %; no MQL to divide by.
    c = first["C webinar"]
    assert c.roi == -1
    assert c.cost_per_mql is None


def test_linear_conversions_are_fractional(db: Session, march: March) -> None:
    linear = model(db, "linear")
    # MQL path: A, B (half each); SQL path to the 9th: A, B, C (a third each).
    assert linear["A newsletter"].mqls == pytest.approx(0.5)
    assert linear["C webinar"].sqls == pytest.approx(1 / 3, abs=1e-4)
    assert linear["A newsletter"].cost_per_sql == pytest.approx(3000)


def test_channels_sum_their_campaigns(db: Session, march: March) -> None:
    shown = next(m for m in report(db).models if m.model == "linear")
    channels = {c.channel: c for c in shown.channels}
    assert channels["paid_search"].revenue == 5000
    assert channels["email"].cost == 1000
    assert channels["(none)"].revenue == 2000


def test_a_period_ending_before_it_starts_is_refused(db: Session) -> None:
    with pytest.raises(ValidationFailed) as refused:
        attribution_report(db, start=date(2024, 3, 2), end=date(2024, 3, 1), actor=SYSTEM)
    assert refused.value.errors[0].field == "to"
