"""Velocity counted by hand on the seeded histories: medians, 80th percentiles and means
between stages, the distribution, and where contacts leave or stall."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from huddle.analytics import service
from huddle.analytics.rules import quantile, quantile_positions
from huddle.analytics.schemas import VelocityPair, VelocityRead
from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import Actor
from tests.analytics.factories import company_zone, seed_story

DAY = 86400
YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def pairs(report: VelocityRead) -> dict[str, VelocityPair]:
    return {f"{p.from_stage}>{p.to_stage}": p for p in report.pairs}


def figures(p: VelocityPair) -> tuple[int, float | None, float | None, float | None]:
    return p.count, p.median_seconds, p.p80_seconds, p.mean_seconds


def test_time_between_stages_counts_contacts_that_entered_both(
    db: Session, actor: Actor, frozen_clock: clock.FrozenClock
) -> None:
    company_zone(db, "America/New_York")
    seed_story(db)
    shown = pairs(service.velocity(db, actor, start=YEAR_2024[0], end=YEAR_2024[1]))
    # A 5 days, C 1 day, D 1 day (B skipped MQL: not measured).
    assert figures(shown["lead>mql"]) == (3, 1 * DAY, 3.4 * DAY, round(7 / 3 * DAY, 1))
    # A 2 days, C 56 days (first MQL 9 Jan to SAL 5 Mar, leap year), D 1 day.
    assert figures(shown["mql>sal"]) == (3, 2 * DAY, 34.4 * DAY, round(59 / 3 * DAY, 1))
    assert figures(shown["sal>sql"]) == (2, 4.5 * DAY, 6.6 * DAY, 4.5 * DAY)
    assert figures(shown["sql>opportunity"]) == (1, 12 * DAY, 12 * DAY, 12 * DAY)
    assert figures(shown["opportunity>customer"]) == (1, 14 * DAY, 14 * DAY, 14 * DAY)
    # A 41 days; D (lost, then won) 58 days.
    assert figures(shown["lead>customer"]) == (2, 49.5 * DAY, 54.6 * DAY, 49.5 * DAY)
    # Only A has a first touch.
    assert figures(shown["first_touch>customer"]) == (1, 45 * DAY, 45 * DAY, 45 * DAY)
    # The distribution: < 1 d, 1-3 d, 3-7 d, 7-14 d, 14-30 d, 30-60 d, 60-90 d, ≥ 90 d.
    assert shown["mql>sal"].distribution == [0, 2, 0, 0, 0, 1, 0, 0]
    assert shown["lead>customer"].distribution == [0, 0, 0, 0, 0, 2, 0, 0]


def test_arrivals_outside_the_range_are_not_measured(
    db: Session, actor: Actor, frozen_clock: clock.FrozenClock
) -> None:
    seed_story(db)
    shown = pairs(service.velocity(db, actor, start=date(2024, 3, 1), end=date(2024, 3, 31)))
    assert figures(shown["mql>sal"]) == (1, 56 * DAY, 56 * DAY, 56 * DAY)
    assert figures(shown["lead>mql"]) == (0, None, None, None)
    assert shown["lead>mql"].distribution == [0] * 8


def test_where_contacts_leave_and_stall(
    db: Session, actor: Actor, frozen_clock: clock.FrozenClock
) -> None:
    seed_story(db)
    report = service.velocity(db, actor, start=YEAR_2024[0], end=YEAR_2024[1])
    rows = {r.stage: r for r in report.exits}
    assert (rows["mql"].recycled, rows["mql"].lost) == (1, 0)  # C
    assert (rows["sql"].lost, rows["sql"].recycled) == (1, 0)  # D, later won
    assert sum(r.lost + r.recycled + r.disqualified for r in report.exits) == 2
    # Now (end of 2024 for this range): F, E, C and B sit where they stopped, for months.
    assert {s: (r.in_stage, r.stalled) for s, r in rows.items() if r.in_stage} == {
        "subscriber": (1, 1),
        "lead": (1, 1),
        "sal": (1, 1),
        "sql": (1, 1),
    }


def test_quantiles_interpolate_like_percentile_cont() -> None:
    assert quantile([], 0.5) is None
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert quantile([10.0, 20.0, 30.0, 40.0, 50.0], 0.8) == pytest.approx(42.0)


@pytest.mark.parametrize("n", range(1, 40))
def test_the_database_and_python_pick_the_same_quantile_positions(n: int) -> None:
    # The lower position by integer arithmetic, the upper one at most one further: the
    # database's two values from the lower position (repository.span_figures) hold both.
    for q, low_high in (
        (0.5, ((n - 1) // 2, n // 2)),
        (0.8, (((n - 1) * 4) // 5, ((n - 1) * 4 + 4) // 5)),
    ):
        assert quantile_positions(n, q)[:2] == low_high
