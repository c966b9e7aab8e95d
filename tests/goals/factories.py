"""Seeded histories for the goals tests, counted by hand in the tests that use them (days in
New York, the company calendar's zone; ``journey`` writes moves at noon UTC unless a full
time is given)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.goals import service
from huddle.goals.models import Goal
from huddle.goals.schemas import GoalWrite
from tests.analytics.factories import at, company_zone, journey
from tests.lifecycle.factories import make_opportunity

ZONE = "America/New_York"
# "Today" in the stories: 10 March 2024, mid-morning in New York.
TODAY = datetime.fromisoformat("2024-03-10T10:00:00-04:00")


@contextmanager
def today_is(moment: datetime = TODAY) -> Iterator[clock.FrozenClock]:
    frozen = clock.FrozenClock(moment)
    previous = clock.use_clock(frozen)
    try:
        yield frozen
    finally:
        clock.use_clock(previous)


def mql(session: Session, when: str, **fields: Any) -> None:
    """A contact that became a lead the day before ``when``'s day and an MQL at ``when``."""
    lead_day = f"{when[:8]}01" if len(when) == 10 else when
    journey(session, ("lead", lead_day), ("mql", when), **fields)


def seed_mqls(session: Session) -> None:
    """MQLs by month in New York: March 2023: 5; December 2023: 3; January 2024: 4;
    February 2024: 6 (the last at 22:30 on 29 Feb in New York, 1 March in UTC); March 2024
    through the 10th: 2 (the 2nd and the 9th). Four of January's are in EMEA."""
    company_zone(session, ZONE)
    for day in ("2023-03-03", "2023-03-08", "2023-03-15", "2023-03-20", "2023-03-28"):
        mql(session, day)
    for day in ("2023-12-04", "2023-12-12", "2023-12-20"):
        mql(session, day)
    for day in ("2024-01-08", "2024-01-09", "2024-01-16", "2024-01-23"):
        mql(session, day, country="DE")
    for day in ("2024-02-05", "2024-02-06", "2024-02-12", "2024-02-19", "2024-02-26"):
        mql(session, day)
    mql(session, "2024-03-01T03:30:00+00:00")  # 29 Feb, 22:30 in New York
    for day in ("2024-03-02", "2024-03-09"):
        mql(session, day)


def seed_funnel_history(session: Session, *, zone: bool = True) -> list[int]:
    """Ten contacts entering in January to March 2024 (New York), and two deals won:

    =====  ======  ======  ======  ======  ======  ========
    who    lead    mql     sal     sql     opp.    customer
    =====  ======  ======  ======  ======  ======  ========
    c1     2 Jan   4 Jan   5 Jan   10 Jan  20 Jan  9 Feb
    c2     3 Jan   5 Jan   7 Jan   13 Jan  25 Jan  20 Feb
    c3     5 Jan   9 Jan   10 Jan  15 Jan  30 Jan
    c4     1 Feb   3 Feb   5 Feb   12 Feb
    c5     2 Feb   5 Feb   6 Feb
    c6     3 Feb   6 Feb   8 Feb
    c7     10 Feb  12 Feb
    c8     1 Mar   4 Mar
    c9     2 Mar
    c10    3 Mar
    =====  ======  ======  ======  ======  ======  ========

    Reached: 10 leads, 8 MQLs, 6 SALs, 4 SQLs, 3 opportunities, 2 customers. Days apart:
    lead→MQL 2,2,4,2,3,3,2,3 (median 2.5); MQL→SAL 1,2,1,2,1,2 (1.5); SAL→SQL 5,6,5,7 (5.5);
    SQL→opportunity 10,12,15 (12); opportunity→customer 20,26 (23). Deals won: 5,000 on
    9 Feb and 7,000 on 20 Feb (average 6,000). Returns the contacts' and the deals' ids
    (contacts first); ``zone``: set the company zone to New York.
    """
    if zone:
        company_zone(session, ZONE)
    stages = ("lead", "mql", "sal", "sql", "opportunity", "customer")
    rows = [
        ("01-02", "01-04", "01-05", "01-10", "01-20", "02-09"),
        ("01-03", "01-05", "01-07", "01-13", "01-25", "02-20"),
        ("01-05", "01-09", "01-10", "01-15", "01-30"),
        ("02-01", "02-03", "02-05", "02-12"),
        ("02-02", "02-05", "02-06"),
        ("02-03", "02-06", "02-08"),
        ("02-10", "02-12"),
        ("03-01", "03-04"),
        ("03-02",),
        ("03-03",),
    ]
    made = [
        journey(session, *[(s, f"2024-{d}") for s, d in zip(stages, days, strict=False)]).id
        for days in rows
    ]
    for amount, day in ((5000.0, "2024-02-09"), (7000.0, "2024-02-20")):
        made.append(make_opportunity(session, amount=amount, status="won", closed_at=at(day)).id)
    return made


def make_goal(session: Session, **fields: Any) -> Goal:
    values: dict[str, Any] = {
        "name": "March MQLs",
        "metric": "mqls",
        "target": 10,
        "starts_on": date(2024, 3, 1),
        "ends_on": date(2024, 3, 31),
        "owner_teams": ["marketing"],
    }
    values.update(fields)
    return service.create_goal(session, GoalWrite.model_validate(values), actor=SYSTEM)
