"""The funnel counted by hand on seeded histories (tests/analytics/factories.seed_story):
stage skipping, re-entry, recycled leads, lost then won, zero denominators and months read
in the workspace's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from huddle.analytics import service
from huddle.analytics.rules import DateRange
from huddle.analytics.schemas import FunnelRead, FunnelRow, FunnelView
from huddle.auth.models import User
from huddle.core.actor import Actor
from huddle.core.errors import ValidationFailed
from huddle.scoring.models import ContactGrade, GradingProfile
from tests.analytics.factories import at, company_zone, journey, seed_story
from tests.lifecycle.factories import make_opportunity

Q1 = (date(2024, 1, 1), date(2024, 3, 31))


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def counts(row: FunnelRow) -> list[int]:
    return [s.count for s in row.steps]


def by_cohort(report: FunnelRead) -> dict[str | None, list[int]]:
    return {r.cohort: counts(r) for r in report.rows}


def test_cohorts_count_each_contact_once_in_the_month_it_entered(db: Session, actor: Actor) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    report = service.funnel(db, actor, view=FunnelView.COHORT, start=Q1[0], end=Q1[1])
    assert report.time_zone == "America/New_York"
    #                 sub lead mql sal sql opp cust
    assert by_cohort(report) == {
        # A, B, C, F. B skipped MQL and SAL: it passed them. C's SAL came in March, after
        # being recycled: it counts in its first cohort. F never became a lead.
        "2024-01": [4, 3, 3, 3, 2, 1, 1],
        # D was lost, then won: a customer (and an opportunity, passed on the way). E entered
        # on 29 February in New York (1 March in UTC).
        "2024-02": [2, 2, 1, 1, 1, 1, 1],
    }
    assert counts(report.total) == [6, 5, 4, 4, 3, 2, 2]
    january = report.rows[0]
    assert [s.conversion_percent for s in january.steps] == [
        None,
        75.0,
        100.0,
        100.0,
        66.7,
        50.0,
        100.0,
    ]
    assert (january.mql_to_sal_percent, january.sql_to_customer_percent) == (100.0, 50.0)
    assert january.lead_to_customer_percent == 33.3


def test_without_a_company_calendar_months_are_utc(db: Session, actor: Actor) -> None:
    seed_story(db)
    report = service.funnel(db, actor, view=FunnelView.COHORT, start=Q1[0], end=Q1[1])
    assert report.time_zone == "UTC"
    cohorts = by_cohort(report)
    assert cohorts["2024-02"] == [1, 1, 1, 1, 1, 1, 1]
    assert cohorts["2024-03"] == [1, 1, 0, 0, 0, 0, 0]
    # A zero denominator has no conversion (not 0%): March has no MQL, so no SAL rate.
    march = next(r for r in report.rows if r.cohort == "2024-03")
    assert [s.conversion_percent for s in march.steps][2:4] == [0.0, None]
    assert march.mql_to_sal_percent is None


def test_the_period_view_counts_the_first_time_each_stage_was_reached(
    db: Session, actor: Actor
) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    february = service.funnel(
        db, actor, view=FunnelView.PERIOD, start=date(2024, 2, 1), end=date(2024, 2, 29)
    )
    # D and E entered; D reached SQL; A became an opportunity and a customer.
    assert counts(february.total) == [2, 2, 1, 1, 1, 1, 1]
    march = service.funnel(
        db, actor, view=FunnelView.PERIOD, start=date(2024, 3, 1), end=date(2024, 3, 31)
    )
    # C's second MQL (2 March) is a re-entry, not a new MQL; its first SAL is.
    assert counts(march.total) == [0, 0, 0, 1, 0, 0, 0]
    assert march.total.steps[3].conversion_percent is None


def test_a_breakdown_splits_the_same_counts(db: Session, actor: Actor) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    report = service.funnel(
        db,
        actor,
        view=FunnelView.PERIOD,
        start=date(2024, 1, 1),
        end=date(2024, 1, 31),
        by="source",
    )
    assert {r.group_label: counts(r) for r in report.rows} == {
        "google": [2, 2, 2, 2, 2, 0, 0],
        "linkedin": [1, 1, 1, 0, 0, 0, 0],
        "(none)": [1, 0, 0, 0, 0, 0, 0],
    }
    assert counts(report.total) == [4, 3, 3, 2, 2, 0, 0]


def test_custom_fields_and_owners_break_it_down(db: Session, actor: Actor, admin: User) -> None:
    journey(db, ("lead", "2024-05-02"), custom={"industry": "retail"}, owner_id=admin.id)
    journey(db, ("lead", "2024-05-03"), ("mql", "2024-05-04"), custom={"industry": "retail"})
    journey(db, ("lead", "2024-05-03"), custom={"industry": "banking"})
    may = (date(2024, 5, 1), date(2024, 5, 31))
    by_industry = service.funnel(
        db, actor, view=FunnelView.COHORT, start=may[0], end=may[1], by="custom.industry"
    )
    assert {(r.cohort, r.group): counts(r)[1:3] for r in by_industry.rows} == {
        ("2024-05", "retail"): [2, 1],
        ("2024-05", "banking"): [1, 0],
    }
    by_owner = service.funnel(
        db, actor, view=FunnelView.PERIOD, start=may[0], end=may[1], by="owner"
    )
    assert {r.group_label: counts(r)[1] for r in by_owner.rows} == {admin.name: 1, "(none)": 2}


def test_bad_input_is_refused_naming_the_field(db: Session, actor: Actor) -> None:
    with pytest.raises(ValidationFailed) as refused:
        service.funnel(db, actor, view=FunnelView.PERIOD, start=Q1[1], end=Q1[0])
    assert refused.value.errors[0].field == "end"
    with pytest.raises(ValidationFailed) as refused:
        service.funnel(db, actor, view=FunnelView.PERIOD, start=Q1[0], end=Q1[1], by="email; --")
    assert refused.value.errors[0].field == "by"


def test_an_empty_range_has_no_rates(db: Session, actor: Actor) -> None:
    report = service.funnel(db, actor, view=FunnelView.PERIOD, start=Q1[0], end=Q1[1])
    assert counts(report.total) == [0] * 7 and report.rows == []
    assert report.total.mql_to_sal_percent is None
    assert all(s.conversion_percent is None for s in report.total.steps)


def test_kpis_pin_the_ratios_and_the_deals(db: Session, actor: Actor) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    make_opportunity(
        db, status="won", pipeline_stage="closed_won", amount=5000, closed_at=at("2024-02-15")
    )
    make_opportunity(
        db, status="lost", pipeline_stage="closed_lost", amount=3000, closed_at=at("2024-02-20")
    )
    make_opportunity(
        db, status="won", pipeline_stage="closed_won", amount=9000, closed_at=at("2023-12-31")
    )
    make_opportunity(db, pipeline_stage="proposal", amount=1000)
    make_opportunity(db, pipeline_stage="negotiation", amount=2000)
    kpis = service.kpis(db, actor, start=Q1[0], end=Q1[1])
    assert (kpis.mql_to_sal_percent, kpis.sql_to_customer_percent) == (100.0, 66.7)
    assert kpis.lead_to_customer_percent == 40.0
    assert (kpis.deals_won, kpis.deals_lost, kpis.deal_win_rate_percent) == (1, 1, 50.0)
    assert kpis.won_amount == 5000
    pipeline = kpis.open_pipeline
    assert (pipeline.count, pipeline.amount, pipeline.weighted_amount) == (2, 3000, 2000)


def test_months_start_at_local_midnight_across_daylight_saving() -> None:
    span = DateRange(date(2024, 10, 15), date(2024, 11, 2), "America/New_York")
    assert span.months() == [date(2024, 10, 1), date(2024, 11, 1)]
    assert span.month_bounds() == [
        datetime(2024, 10, 1, 4, tzinfo=UTC),  # EDT, UTC-4
        datetime(2024, 11, 1, 4, tzinfo=UTC),
        datetime(2024, 12, 1, 5, tzinfo=UTC),  # EST, UTC-5
    ]
    assert (span.start_at, span.end_at) == (
        datetime(2024, 10, 15, 4, tzinfo=UTC),
        datetime(2024, 11, 3, 4, tzinfo=UTC),
    )


def test_grade_and_persona_break_it_down(db: Session, actor: Actor) -> None:
    persona = GradingProfile(kind="persona", name="Data lead", criteria=[])
    db.add(persona)
    db.flush()
    graded = journey(db, ("lead", "2024-05-02"), ("mql", "2024-05-09"))
    journey(db, ("lead", "2024-05-03"))
    db.add(
        ContactGrade(
            contact_id=graded.id,
            grade="A",
            fit=90,
            icp_match=1,
            persona_id=persona.id,
            persona_match=1,
        )
    )
    db.flush()
    may: dict[str, Any] = {
        "view": FunnelView.PERIOD,
        "start": date(2024, 5, 1),
        "end": date(2024, 5, 31),
    }
    by_grade = service.funnel(db, actor, **may, by="grade")
    assert {r.group_label: counts(r)[1:3] for r in by_grade.rows} == {"A": [1, 1], "(none)": [1, 0]}
    by_persona = service.funnel(db, actor, **may, by="persona")
    assert {r.group_label: counts(r)[1:3] for r in by_persona.rows} == {
        "Data lead": [1, 1],
        "(none)": [1, 0],
    }
