"""A funnel export from another system, imported the way a marketing-ops user would, and
counted by hand: conversion by origin and by month and MQL → Customer velocity must equal
the report's.

The files follow a public marketing funnel export's shape: one file of MQLs (an id, the
first-contact date, the landing page, the origin; no email, and "unknown" is an origin the
source writes on purpose) and one file of the deals won (the MQL's id and the won date).
Each file is imported as contacts keyed by the external id; the second file dates the
Customer stage of contacts the first one created.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.analytics import service
from huddle.analytics.schemas import FunnelRow, FunnelView
from huddle.auth.models import User
from huddle.core.actor import Actor
from huddle.lifecycle.models import StageTransition
from tests.contacts.factories import make_custom_field
from tests.contacts.fixtures.imports import counts, import_file

ORIGINS = ["organic_search", "paid_search", "social", "unknown", "email", ""]
FIRST_DAY = date(2023, 1, 1)
MQL_MAPPING = {
    "mql_id": "external_id",
    "first_contact_date": "stage_dates.mql",
    "origin": "custom.origin",
}
WON_MAPPING = {"mql_id": "external_id", "won_date": "stage_dates.customer"}


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _funnel_files(folder: Path) -> tuple[Path, Path, list[dict[str, str]], dict[str, str]]:
    pick = random.Random(7)
    mqls = [
        {
            "mql_id": f"{index:032x}",
            "first_contact_date": (FIRST_DAY + timedelta(days=pick.randint(0, 150))).isoformat(),
            "landing_page_id": f"{pick.randint(0, 20):032x}",
            "origin": pick.choice(ORIGINS),
        }
        for index in range(400)
    ]
    won = {}
    for mql in pick.sample(mqls, 60):
        entered = datetime.fromisoformat(mql["first_contact_date"])
        at = entered + timedelta(
            days=pick.choice([0, 2, 9, 30, 75]), seconds=pick.randint(0, 86399)
        )
        won[mql["mql_id"]] = at.strftime("%Y-%m-%d %H:%M:%S")
    mql_file = folder / "marketing_qualified_leads.csv"
    with mql_file.open("w", newline="") as handle:
        by_name = csv.DictWriter(handle, fieldnames=list(mqls[0]))
        by_name.writeheader()
        by_name.writerows(mqls)
    won_file = folder / "closed_deals.csv"
    with won_file.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["mql_id", "seller_id", "won_date", "business_segment"])
        writer.writerows(
            [key, f"s{n}", at, "home_decor"] for n, (key, at) in enumerate(won.items())
        )
    return mql_file, won_file, mqls, won


def test_an_mql_funnel_export_is_counted_as_by_hand(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    make_custom_field(db, key="origin", label="Origin", field_type="text")
    mql_file, won_file, mqls, won = _funnel_files(tmp_path)

    first = import_file(
        db, mql_file, actor=actor, errors_path=tmp_path / "e1.csv", mapping=MQL_MAPPING
    )
    second = import_file(
        db, won_file, actor=actor, errors_path=tmp_path / "e2.csv", mapping=WON_MAPPING
    )

    assert counts(first) == {
        "total": 400,
        "created": 400,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
    }
    # Dating a stage the contact had not recorded is an update, though no field changed.
    assert counts(second) == {"total": 60, "created": 0, "updated": 60, "unchanged": 0, "failed": 0}
    moves = db.execute(select(StageTransition.from_stage, StageTransition.to_stage)).all()
    assert Counter(moves) == {(None, "mql"): 400, ("mql", "customer"): 60}

    span = {"start": date(2023, 1, 1), "end": date(2023, 6, 30)}
    by_month = service.funnel(db, actor, view=FunnelView.COHORT, **span)
    shown_months = {row.cohort: _mql_and_customers(row) for row in by_month.rows}
    assert shown_months == _by_hand(mqls, won, lambda mql: mql["first_contact_date"][:7])

    by_origin = service.funnel(db, actor, view=FunnelView.COHORT, by="custom.origin", **span)
    shown_origins: Counter[tuple[str | None, str]] = Counter()
    for row in by_origin.rows:
        mql_count, customers = _mql_and_customers(row)
        shown_origins[(row.group, "mql")] += mql_count
        shown_origins[(row.group, "customer")] += customers
    hand = _by_hand(mqls, won, lambda mql: mql["origin"] or None)
    assert {origin for origin, _ in shown_origins} == set(hand)
    assert {o: (shown_origins[(o, "mql")], shown_origins[(o, "customer")]) for o in hand} == hand

    velocity = service.velocity(db, actor, start=date(2023, 1, 1), end=date(2023, 12, 31))
    mql_to_customer = next(
        p for p in velocity.pairs if (p.from_stage, p.to_stage) == ("mql", "customer")
    )
    durations = [
        (
            datetime.fromisoformat(won[m["mql_id"]])
            - datetime.fromisoformat(m["first_contact_date"])
        ).total_seconds()
        for m in mqls
        if m["mql_id"] in won
    ]
    assert (mql_to_customer.count, mql_to_customer.median_seconds) == (60, median(durations))
    assert mql_to_customer.mean_seconds == round(sum(durations) / len(durations), 1)


def _mql_and_customers(row: FunnelRow) -> tuple[int, int]:
    steps = {step.stage: step.count for step in row.steps}
    return steps["mql"], steps["customer"]


def _by_hand(
    mqls: list[dict[str, str]], won: dict[str, str], key: Callable[[dict[str, str]], str | None]
) -> dict[str | None, tuple[int, int]]:
    entered: Counter[str | None] = Counter()
    customers: Counter[str | None] = Counter()
    for mql in mqls:
        group = key(mql)
        entered[group] += 1
        customers[group] += mql["mql_id"] in won
    return {group: (entered[group], customers[group]) for group in entered}
