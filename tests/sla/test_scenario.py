"""A month of hand-offs and sales touches, and the compliance figures worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from huddle.sla import service
from huddle.sla.service import reports
from huddle.sla.terms import parse_terms
from tests.contacts.factories import make_contact
from tests.scoring.factories import touch
from tests.sla.factories import activate, hand_off
from tests.sla.test_clocks import rep

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


TERMS = [
    {"key": "first_touch", "kind": "first_touch", "hours": 4},
    {"key": "volume", "kind": "mql_volume", "count": 20, "period": "month"},
    {"key": "quality", "kind": "mql_acceptance", "percent": 50, "period": "month"},
]


def test_a_month_of_handoffs_gives_the_compliance_worked_out_by_hand(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(at(1, 9))
    activate(db, TERMS)
    anna, ben = rep(db, name="Anna"), rep(db, name="Ben")
    # (owner, handed off, first sales touch or None) with the rep's day 09:00-18:00 Berlin,
    # 4 business hours to touch:
    plan = [
        (anna, at(2, 10), at(2, 11)),  # 1 h: met
        (anna, at(3, 17), at(4, 10)),  # 1 h Tue + 1 h Wed: met
        (anna, at(6, 17, 30), at(9, 12)),  # 0.5 h Fri + 3 h Mon: met
        (anna, at(11, 9), at(11, 14)),  # 5 h: breached
        (anna, at(19, 15), None),  # never touched: breached by the worker (due Fri 10:00)
        (ben, at(9, 9), at(9, 12, 59)),  # 3 h 59: met
        (ben, at(10, 10), at(10, 15)),  # 5 h: breached
        (ben, at(13, 16), at(16, 10, 30)),  # 2 h Fri + 1.5 h Mon: met
        (ben, at(23, 9), at(23, 13)),  # exactly 4 h: met
        (ben, at(27, 17), at(30, 11)),  # 1 h Fri + 2 h Mon: met
    ]
    moments: list[tuple[datetime, int, str, object]] = []
    for i, (owner, handed, touched) in enumerate(plan):
        contact = make_contact(db)
        moments.append((handed, i, "handoff", (contact, owner)))
        if touched is not None:
            moments.append((touched, i, "touch", (contact, owner)))
    for when, _, what, (contact, owner) in sorted(moments, key=lambda m: (m[0], m[1])):  # type: ignore[misc]
        frozen_clock.set(when)
        if what == "handoff":
            hand_off(db, contact.id, owner.id)
        else:
            touch(db, contact, "call_logged", at=when)
        service.run_due(db)
    frozen_clock.set(at(1, 10, month=12))
    service.run_due(db)

    month = (at(1, 0), at(1, 0, month=12))
    by_term = {c.key: c for c in reports.compliance(db, start=month[0], end=month[1])}
    assert (by_term["first_touch"].met, by_term["first_touch"].breached) == (7, 3)
    assert by_term["first_touch"].percent == 70.0
    by_owner = {c.key: c for c in reports.compliance(db, start=month[0], end=month[1], by="owner")}
    assert (by_owner[anna.id].met, by_owner[anna.id].breached, by_owner[anna.id].percent) == (
        3,
        2,
        60.0,
    )
    assert (by_owner[ben.id].met, by_owner[ben.id].breached, by_owner[ben.id].percent) == (
        4,
        1,
        80.0,
    )
    (team,) = reports.compliance(db, start=month[0], end=month[1], by="team")
    assert (team.key, team.met, team.breached, team.open) == ("sales", 7, 3, 0)
    # The week of 9 November started four: Ben's 9th and 13th met, Ben's 10th and Anna's 11th
    # breached (Anna's of Friday 6th belongs to the week before, though met on the 9th).
    (week,) = reports.compliance(db, start=at(9, 0), end=at(16, 0), by="term")
    assert (week.met, week.breached, week.percent) == (2, 2, 50.0)


def test_mql_pacing_and_acceptance_worked_out_by_hand(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(at(1, 9))
    activate(db, TERMS)
    volume, quality = (t for t in parse_terms(TERMS) if t.kind != "first_touch")
    days = [2, 3, 4, 5, 6, 9, 17, 18, 19, 20, 23, 24]  # 12 MQLs in November
    for n, day in enumerate(days):
        contact = make_contact(db)
        frozen_clock.set(at(day, 10))
        lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
        if n % 2 == 0:  # every other one accepted by sales
            frozen_clock.set(at(day, 15))
            lifecycle.transition_stage(db, contact.id, "sal", actor=SYSTEM)
    october = make_contact(db)
    frozen_clock.set(at(30, 10, month=10))
    lifecycle.transition_stage(db, october.id, "mql", actor=SYSTEM)

    halfway = datetime(2026, 11, 16, tzinfo=UTC)  # 15 of 30 days gone
    pace = reports.pacing(db, volume, halfway)
    assert (pace.delivered, pace.target, pace.projected) == (6, 20, 12)
    assert pace.on_track is False
    month = (datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
    accepted = reports.acceptance(db, quality, *month)
    assert (accepted.mqls, accepted.accepted, accepted.percent, accepted.met) == (12, 6, 50.0, True)
