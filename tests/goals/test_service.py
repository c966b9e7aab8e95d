"""Goals' progress, pacing, suggestions and plans on seeded histories counted by hand (see
``factories``): month boundaries in New York, zero denominators, segments."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from huddle.analytics import service as analytics
from huddle.analytics.schemas import FunnelView
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.goals import service
from huddle.goals.schemas import PlanRequest
from huddle.sla import service as sla_service
from tests.goals.factories import make_goal, seed_funnel_history, seed_mqls, today_is

GERMANY = {"field": "contact.country", "op": "eq", "value": "DE"}
MQL_TERM = {"key": "mql_volume", "kind": "mql_volume", "count": 10, "period": "month"}


def test_progress_counts_the_days_so_far_and_projects_linearly(db: Session) -> None:
    seed_mqls(db)
    goal = make_goal(db, target=10)
    with today_is():
        progress = service.progress(db, goal, actor=SYSTEM)
    # 2 and 9 March; the MQL of 22:30 on 29 February in New York is February's.
    assert progress.value == 2
    assert (progress.elapsed_days, progress.total_days) == (10, 31)
    assert progress.projected == 6.2  # 2 x 31 / 10
    assert progress.percent_of_target == 20.0
    assert progress.status == "behind"  # 6.2 < 90% of 10
    assert progress.through == date(2024, 3, 10) and not progress.finished
    assert [(p.day.day, p.value) for p in progress.series] == [
        (2, 1),
        (3, 1),
        (4, 1),
        (5, 1),
        (7, 1),
        (8, 1),
        (9, 2),
        (10, 2),
    ]


@pytest.mark.parametrize(
    ("target", "status"), [(6, "on_track"), (6.2, "on_track"), (6.8, "at_risk"), (7, "behind")]
)
def test_the_status_is_the_projection_against_the_target(
    db: Session, target: float, status: str
) -> None:
    seed_mqls(db)
    goal = make_goal(db, target=target)
    with today_is():
        assert service.progress(db, goal, actor=SYSTEM, series=False).status == status


def test_a_month_boundary_is_the_workspace_zones(db: Session) -> None:
    seed_mqls(db)
    february = make_goal(db, starts_on=date(2024, 2, 1), ends_on=date(2024, 2, 29), target=6)
    with today_is():
        progress = service.progress(db, february, actor=SYSTEM, series=False)
    assert progress.value == 6 and progress.finished
    assert progress.projected == 6 and progress.status == "on_track"


def test_a_goal_not_started_and_a_ratio_without_denominator(db: Session) -> None:
    seed_mqls(db)
    april = make_goal(db, starts_on=date(2024, 4, 1), ends_on=date(2024, 4, 30))
    rate = make_goal(db, metric="win_rate", target=30)
    with today_is():
        later = service.progress(db, april, actor=SYSTEM)
        no_deals = service.progress(db, rate, actor=SYSTEM)
    assert later.status == "not_started" and later.value is None and later.series == []
    # No deal closed in March: no win rate (not 0%).
    assert no_deals.value is None and no_deals.status == "no_data"


def test_a_segment_narrows_the_funnel(db: Session) -> None:
    seed_mqls(db)
    germany = GERMANY
    january = make_goal(db, starts_on=date(2024, 1, 1), ends_on=date(2024, 1, 31), segment=germany)
    december = make_goal(
        db, starts_on=date(2023, 12, 1), ends_on=date(2023, 12, 31), segment=germany
    )
    with today_is():
        assert service.progress(db, january, actor=SYSTEM, series=False).value == 4
        assert service.progress(db, december, actor=SYSTEM, series=False).value == 0


def test_goals_are_checked(db: Session) -> None:
    with pytest.raises(ValidationFailed) as percent:
        make_goal(db, metric="win_rate", target=120)
    assert [e.field for e in percent.value.errors] == ["target"]
    with pytest.raises(ValidationFailed) as deals:
        make_goal(db, metric="revenue", segment=GERMANY)
    assert [e.field for e in deals.value.errors] == ["segment"]
    with pytest.raises(ValidationFailed) as unknown:
        make_goal(db, segment={"field": "contact.shoe_size", "op": "eq", "value": "9"})
    assert unknown.value.errors[0].field == "segment.field"


def test_only_managers_set_goals(db: Session) -> None:
    seed_mqls(db)
    goal = make_goal(db)
    rep = Actor.user(1, role="sales_rep")
    with pytest.raises(NotPermitted):
        service.delete_goal(db, goal.id, actor=rep)
    with today_is():
        assert service.get_goal(db, goal.id, actor=rep).progress.value == 2
    service.delete_goal(db, goal.id, actor=Actor.user(1, role="sales_manager"))


def test_a_suggestion_from_the_trend_and_last_year(db: Session) -> None:
    seed_mqls(db)
    with today_is():
        s = service.suggest(
            db, SYSTEM, metric_key="mqls", starts_on=date(2024, 3, 1), ends_on=date(2024, 3, 31)
        )
    assert [(p.starts_on, p.ends_on, p.value) for p in s.trailing] == [
        (date(2023, 12, 1), date(2023, 12, 31), 3),
        (date(2024, 1, 1), date(2024, 1, 31), 4),
        (date(2024, 2, 1), date(2024, 2, 29), 6),
    ]
    # The line through 3, 4, 6 at x = 4: mean 13/3 plus the slope (3/2) times 2 = 22/3.
    assert s.trend == 7
    assert (s.last_year.starts_on, s.last_year.value) == (date(2023, 3, 1), 5)
    # Comfortable: the lower (5); stretch: 22/3 plus 10% = 8.07 -> 8; middle 6.53 -> 7.
    assert (s.comfortable, s.suggested, s.stretch) == (5, 7, 8)
    assert len(s.reasoning) == 4 and "least squares" in s.reasoning[1]


def test_a_suggestion_without_history(db: Session) -> None:
    with today_is():
        s = service.suggest(
            db,
            SYSTEM,
            metric_key="win_rate",
            starts_on=date(2024, 3, 1),
            ends_on=date(2024, 3, 31),
        )
    assert s.trend is None and s.last_year.value is None
    assert (s.comfortable, s.suggested, s.stretch) == (None, None, None)


def _plan(**fields: object) -> PlanRequest:
    values: dict[str, object] = {
        "target_metric": "revenue",
        "target": 30000,
        "starts_on": "2024-04-01",
        "ends_on": "2024-04-30",
        "history_months": 3,
    }
    return PlanRequest.model_validate(values | fields)


def test_a_plan_works_back_through_the_funnel(db: Session) -> None:
    seed_funnel_history(db)
    with today_is():
        plan = service.plan(db, SYSTEM, _plan())
    assert (plan.history_start, plan.history_end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert plan.average_deal == 6000 and plan.customers_needed == 5
    # 5 customers; opp. ceil(5 x 3/2) = 8; SQL ceil(8 x 4/3) = 11; SAL ceil(11 x 6/4) = 17;
    # MQL ceil(17 x 8/6) = 23; lead ceil(23 x 10/8) = 29.
    assert [(s.stage, s.needed) for s in plan.stages] == [
        ("lead", 29),
        ("mql", 23),
        ("sal", 17),
        ("sql", 11),
        ("opportunity", 8),
        ("customer", 5),
    ]
    # Back from 30 April by the median days rounded up: 23, 12, 6 (5.5), 2 (1.5), 3 (2.5).
    assert [s.by for s in plan.stages] == [
        date(2024, 3, 15),
        date(2024, 3, 18),
        date(2024, 3, 20),
        date(2024, 3, 26),
        date(2024, 4, 7),
        date(2024, 4, 30),
    ]
    assert [s.median_days_to_next for s in plan.stages] == [2.5, 1.5, 5.5, 12, 23, None]
    assert [s.conversion_percent for s in plan.stages] == [80.0, 75.0, 66.7, 75.0, 66.7, None]
    assert plan.mqls_needed == 23 and plan.complete


def test_a_new_customer_target_needs_no_deal_size(db: Session) -> None:
    seed_funnel_history(db)
    with today_is():
        plan = service.plan(db, SYSTEM, _plan(target_metric="new_customers", target=2))
    assert [s.needed for s in plan.stages] == [10, 8, 6, 4, 3, 2]


def test_zero_denominators_stop_the_plan_and_say_why(db: Session) -> None:
    with today_is():
        empty = service.plan(db, SYSTEM, _plan())
    assert empty.customers_needed is None and empty.average_deal is None
    assert all(s.needed is None for s in empty.stages) and not empty.complete
    assert "No deal was won" in empty.messages[0]
    # Nobody reached anything: the first rate worked back is unknown.
    with today_is():
        none_reached = service.plan(db, SYSTEM, _plan(target_metric="new_customers", target=1))
    assert [s.needed for s in none_reached.stages] == [None] * 5 + [1]
    assert none_reached.stages[4].problem is not None  # opportunity -> customer unknown


def test_a_stage_nobody_left_makes_the_target_unreachable(db: Session) -> None:
    seed_funnel_history(db)
    with today_is():
        plan = service.plan(
            db,
            SYSTEM,
            _plan(
                target_metric="new_customers",
                target=1,
                segment={"field": "contact.country", "op": "eq", "value": "FR"},
            ),
        )
    assert all(s.needed is None for s in plan.stages[:-1])
    assert plan.messages[0].startswith("Segment: contact.country = FR")


def test_the_plans_mqls_become_an_sla_draft(db: Session) -> None:
    seed_funnel_history(db)
    base = sla_service.create_draft(
        db,
        SYSTEM,
        title="Our SLA",
        body="Marketing and sales agree.",
        terms=[
            MQL_TERM,
            {"key": "first_touch", "kind": "first_touch", "hours": 4},
        ],
    )
    with today_is():
        made = service.draft_sla_term(db, SYSTEM, _plan())
    # 23 MQLs over 30 days, per month of 30.4375 days: ceil(23.34) = 24.
    assert (made.mql_volume, made.period) == (24, "month")
    draft = sla_service.get_version(db, made.version_id)
    assert draft.status == "draft" and draft.number == base.number + 1
    assert draft.based_on_id == base.id and draft.title == "Our SLA"
    assert draft.terms[0] == MQL_TERM | {"count": 24}
    assert draft.terms[1] == base.terms[1]
    assert sla_service.active_version(db) is None


def test_an_incomplete_plan_drafts_nothing(db: Session) -> None:
    with today_is(), pytest.raises(ValidationFailed):
        service.draft_sla_term(db, SYSTEM, _plan())
    assert sla_service.list_versions(db) == []


def test_the_kpi_dashboard_and_its_goal(db: Session) -> None:
    seed_mqls(db)
    make_goal(db, starts_on=date(2024, 2, 1), ends_on=date(2024, 2, 29), target=6)
    with today_is():
        report = service.kpi_dashboard(db, SYSTEM, start=date(2024, 1, 1), end=date(2024, 2, 29))
    mqls = next(c for c in report.cards if c.metric == "mqls")
    assert (report.previous_start, report.previous_end) == (date(2023, 11, 1), date(2023, 12, 31))
    assert (mqls.value, mqls.previous) == (10, 3)
    assert mqls.change_percent == 233.3
    assert [(p.day, p.value) for p in mqls.trend] == [
        (date(2024, 1, 31), 4),
        (date(2024, 2, 29), 6),
    ]
    assert mqls.goal is not None and mqls.goal.target == 6 and mqls.goal_status == "on_track"
    # One set of numbers: the acceptance is analytics' cohort funnel's (no SAL yet: 0%).
    with today_is():
        cohort = analytics.funnel(
            db, SYSTEM, view=FunnelView.COHORT, start=date(2024, 1, 1), end=date(2024, 2, 29)
        )
    acceptance = next(c for c in report.cards if c.metric == "acceptance_rate")
    assert acceptance.value == cohort.total.mql_to_sal_percent == 0.0
    win_rate = next(c for c in report.cards if c.metric == "win_rate")
    assert win_rate.value is None and win_rate.change_percent is None and win_rate.goal is None


def test_a_trend_read_in_one_pass_equals_the_period_funnel(db: Session) -> None:
    seed_mqls(db)
    spans = [
        (date(2023, 12, 1), date(2023, 12, 31)),
        (date(2024, 2, 1), date(2024, 2, 29)),
        (date(2024, 3, 1), date(2024, 3, 10)),
    ]
    for segment in (None, GERMANY):
        with today_is():
            together = analytics.reached_in(db, SYSTEM, spans, segment=segment)
            one_by_one = [
                {
                    s.stage: s.count
                    for s in analytics.funnel(
                        db, SYSTEM, view=FunnelView.PERIOD, start=a, end=b, segment=segment
                    ).total.steps
                }
                for a, b in spans
            ]
        assert together == one_by_one
    assert [t["mql"] for t in together] == [0, 0, 0]  # Germany: January only


def test_deals_read_in_one_pass_equal_the_kpis(db: Session) -> None:
    seed_funnel_history(db)
    spans = [
        (date(2024, 2, 1), date(2024, 2, 9)),
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 4, 30)),
    ]
    with today_is():
        together = analytics.closed_in(db, SYSTEM, spans)
        one_by_one = [analytics.kpis(db, SYSTEM, start=a, end=b) for a, b in spans]
    assert [(c.won, c.won_amount, c.lost, c.win_rate_percent) for c in together] == [
        (k.deals_won, k.won_amount, k.deals_lost, k.deal_win_rate_percent) for k in one_by_one
    ]
    assert [(c.won, c.won_amount) for c in together] == [(1, 5000), (2, 12000), (0, 0)]
