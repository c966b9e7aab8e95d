"""Clocks per term kind: start, pause, stop, breach; the worker's pass with a frozen clock;
escalation; the version active at a clock's start decides its terms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.contacts.service import TouchRow
from huddle.core import clock, events
from huddle.core.actor import SYSTEM
from huddle.core.jobs import Job, ensure_periodic, handler_for
from huddle.lifecycle import service as lifecycle
from huddle.sla import service
from huddle.sla.events import SlaBreached, SlaEscalated, SlaWarning
from huddle.sla.models import SlaClock, SlaClockEvent
from huddle.sla.tasks import TICK_JOB
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import touch
from tests.sla.factories import activate, decide, hand_off, recycle

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS_9_18 = {d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}


@pytest.fixture
def published(db: Session) -> Iterator[list[Any]]:
    """Every SLA warning, breach and escalation the test's session published (not those of
    a browser test's server, whose worker runs in this process too)."""
    seen: list[Any] = []

    def keep(session: Session, event: Any) -> None:
        if session is db:
            seen.append(event)

    kinds = (SlaWarning, SlaBreached, SlaEscalated)
    for kind in kinds:
        events.subscribe(kind)(keep)
    yield seen
    for kind in kinds:
        events.unsubscribe(kind, keep)


def rep(db: Session, **overrides: Any) -> User:
    manager = make_user(db, name="Max Manager", role="sales_manager", team="sales")
    user = make_user(db, name="Rita Rep", role="sales_rep", team="sales")
    user.manager_id = manager.id
    user.working_hours = WEEKDAYS_9_18
    user.time_zone = "Europe/Berlin"
    for key, value in overrides.items():
        setattr(user, key, value)
    db.flush()
    return user


def clocks_of(db: Session, contact: Contact) -> dict[str, SlaClock]:
    rows = db.scalars(
        select(SlaClock).where(SlaClock.contact_id == contact.id).order_by(SlaClock.id)
    )
    return {c.term_key: c for c in rows}


def log_of(db: Session, c: SlaClock) -> list[str]:
    return list(
        db.scalars(
            select(SlaClockEvent.kind)
            .where(SlaClockEvent.clock_id == c.id)
            .order_by(SlaClockEvent.id)
        )
    )


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)  # type: ignore[misc]


def test_first_touch_friday_evening_is_due_monday_and_met_by_a_call(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1}])
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 20, 17, 55))
    hand_off(db, contact.id, owner.id)
    c = clocks_of(db, contact)["first_touch"]
    assert c.state == "running"
    assert c.due_at == berlin(2026, 11, 23, 9, 55)
    assert c.warn_at == berlin(2026, 11, 23, 9, 40)  # 75 % of the hour
    frozen_clock.set(berlin(2026, 11, 23, 9, 30))
    touch(db, contact, "call_logged", at=clock.now())
    assert (c.state, c.stopped_at) == ("met", berlin(2026, 11, 23, 9, 30))
    assert log_of(db, c) == ["started", "met"]
    assert c.elapsed_seconds == 35 * 60  # Friday 17:55-18:00, Monday 09:00-09:30


def test_a_batch_meets_a_clock_only_through_a_touch_of_a_type_it_waits_for(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1}])
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 23, 9, 0))
    hand_off(db, contact.id, owner.id)
    c = clocks_of(db, contact)["first_touch"]

    def batch(*types: str) -> None:
        rows = [TouchRow(type=t, occurred_at=clock.now(), contact_id=contact.id) for t in types]
        contacts_service.record_touches(db, rows, actor=SYSTEM)

    frozen_clock.set(berlin(2026, 11, 23, 9, 10))
    batch("page_view", "email_opened")
    assert c.state == "running"
    frozen_clock.set(berlin(2026, 11, 23, 9, 20))
    batch("page_view", "call_logged", "email_opened")
    assert (c.state, c.stopped_at) == ("met", berlin(2026, 11, 23, 9, 20))


def test_the_worker_warns_then_breaches_within_a_minute_and_escalates(
    db: Session, frozen_clock: clock.FrozenClock, published: list[Any]
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 4}])
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    handoff = hand_off(db, contact.id, owner.id)
    c = clocks_of(db, contact)["first_touch"]
    assert c.due_at == berlin(2026, 11, 24, 14, 0)

    frozen_clock.set(berlin(2026, 11, 24, 12, 59))
    assert service.run_due(db).as_dict() == dict.fromkeys(
        ("warned", "breached", "escalated", "paused", "resumed"), 0
    )
    frozen_clock.set(berlin(2026, 11, 24, 13, 0, 30))
    assert service.run_due(db).warned == 1
    db.refresh(c)
    assert c.warned_at == clock.now() and c.warn_at is None and c.state == "running"

    frozen_clock.set(berlin(2026, 11, 24, 14, 0, 40))
    result = service.run_due(db)
    assert (result.breached, result.escalated) == (1, 1)
    db.refresh(c)
    assert (c.state, c.breached_at) == ("breached", berlin(2026, 11, 24, 14, 0))
    assert service.run_due(db).breached == 0, "a breach is reported once"
    kinds = [type(e).__name__ for e in published]
    assert kinds == ["SlaWarning", "SlaBreached", "SlaEscalated"]
    breach, escalation = published[1], published[2]
    assert (breach.handoff_id, breach.reroute, breach.owner_id) == (handoff, False, owner.id)
    assert escalation.manager_id == owner.manager_id
    assert log_of(db, c) == ["started", "warned", "breached", "escalated"]

    # Met late: the breach stands, the log says when the lead was finally touched.
    frozen_clock.set(berlin(2026, 11, 24, 15, 0))
    touch(db, contact, "sales_email_sent", at=clock.now())
    assert (c.state, c.stopped_at) == ("breached", clock.now())
    assert log_of(db, c)[-1] == "met_late"


def test_reroute_terms_say_so_on_the_breach(
    db: Session, frozen_clock: clock.FrozenClock, published: list[Any]
) -> None:
    activate(
        db,
        [
            {
                "key": "first_touch",
                "kind": "first_touch",
                "hours": 1,
                "reroute": True,
                "escalate": False,
            }
        ],
    )
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    hand_off(db, contact.id, owner.id)
    frozen_clock.advance(timedelta(hours=1, seconds=5))
    assert service.run_due(db).escalated == 0
    (breach,) = [e for e in published if isinstance(e, SlaBreached)]
    assert breach.reroute is True
    assert log_of(db, clocks_of(db, contact)["first_touch"])[-1] == "reroute"


def test_decision_clock_stops_on_the_decision_and_rejection_ends_touch_clocks(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(
        db,
        [
            {"key": "decide", "kind": "decision", "hours": 8},
            {"key": "first_touch", "kind": "first_touch", "hours": 4},
        ],
    )
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    handoff = hand_off(db, contact.id, owner.id)
    frozen_clock.set(berlin(2026, 11, 25, 9, 30))  # 8.5 business hours later
    decide(db, handoff, contact.id, owner.id, accepted=False, at=clock.now())
    clocks = clocks_of(db, contact)
    assert clocks["decide"].state == "breached"  # decided, but late
    assert clocks["decide"].stopped_at == clock.now()
    assert clocks["first_touch"].state == "cancelled"


def test_touch_attempts_need_k_touches_within_d_business_days(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "attempts", "kind": "touch_attempts", "count": 3, "days": 2}])
    owner = rep(db)
    keen, slow = make_contact(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 23, 9, 0))
    hand_off(db, keen.id, owner.id)
    hand_off(db, slow.id, owner.id)
    c = clocks_of(db, keen)["attempts"]
    assert c.due_at == berlin(2026, 11, 24, 18, 0)  # two 9-hour days
    for hour in (10, 12, 15):
        touch(db, keen, "call_logged", at=berlin(2026, 11, 23, hour, 0))
        touch(db, slow, "call_logged", at=berlin(2026, 11, 23, hour, 0)) if hour < 15 else None
    assert (c.state, c.count) == ("met", 3)
    s = clocks_of(db, slow)["attempts"]
    assert (s.state, s.count) == ("running", 2)
    frozen_clock.set(berlin(2026, 11, 24, 18, 0, 30))
    service.run_due(db)
    db.refresh(s)
    assert s.state == "breached"


def test_follow_up_restarts_with_every_sales_touch(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(
        db,
        [
            {"key": "follow_up", "kind": "follow_up", "days": 1},
            {"key": "decide", "kind": "decision", "hours": 80},
        ],
    )
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 23, 9, 0))
    hand_off(db, contact.id, owner.id)
    touch(db, contact, "call_logged", at=berlin(2026, 11, 23, 10, 0))
    touch(db, contact, "sales_email_sent", at=berlin(2026, 11, 24, 9, 30))
    rows = list(
        db.scalars(
            select(SlaClock)
            .where(SlaClock.contact_id == contact.id, SlaClock.term_key == "follow_up")
            .order_by(SlaClock.id)
        )
    )
    assert [r.state for r in rows] == ["met", "running"]
    assert rows[1].due_at == berlin(2026, 11, 25, 9, 30)
    recycle(db, contact.id, at=berlin(2026, 11, 24, 12, 0))
    assert rows[1].state == "cancelled"


def test_customer_response_to_a_demo_request(db: Session, frozen_clock: clock.FrozenClock) -> None:
    activate(db, [{"key": "demo_reply", "kind": "customer_response", "hours": 2}])
    owner = rep(db)
    contact = make_contact(db, owner_id=owner.id)
    frozen_clock.set(berlin(2026, 11, 23, 17, 0))
    touch(db, contact, "page_view", at=clock.now())
    assert clocks_of(db, contact) == {}
    touch(db, contact, "demo_requested", at=clock.now())
    c = clocks_of(db, contact)["demo_reply"]
    assert c.due_at == berlin(2026, 11, 24, 10, 0)
    touch(db, contact, "meeting_booked", at=berlin(2026, 11, 24, 9, 0))
    assert c.state == "met"


def test_custom_duration_between_two_stages(db: Session, frozen_clock: clock.FrozenClock) -> None:
    activate(
        db,
        [
            {
                "key": "mql_to_sql",
                "kind": "custom",
                "measure": "duration",
                "start": {"stage": "mql"},
                "stop": {"stage": "sal"},
                "hours": 16,
            }
        ],
    )
    contact = make_contact(db)
    frozen_clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
    c = clocks_of(db, contact)["mql_to_sql"]
    assert c.due_at == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # company default 9-17 UTC
    frozen_clock.set(datetime(2026, 11, 24, 11, 0, tzinfo=UTC))
    lifecycle.transition_stage(db, contact.id, "sal", actor=SYSTEM)
    assert c.state == "met"


def test_a_custom_clock_started_on_qualifying_is_the_rep_s_it_is_handed_to(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    """Routing runs after the commit that made the lead an MQL: the clock its MQL move
    started, with nobody to own it yet, becomes the rep's and is due by their calendar."""
    activate(
        db,
        [
            {
                "key": "mql_to_sal",
                "kind": "custom",
                "measure": "duration",
                "start": {"stage": "mql"},
                "stop": {"stage": "sal"},
                "hours": 2,
            }
        ],
    )
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 23, 17, 0))  # a Monday, an hour before Rita's day ends
    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
    c = clocks_of(db, contact)["mql_to_sal"]
    assert c.owner_id is None
    hand_off(db, contact.id, owner.id, at=berlin(2026, 11, 23, 17, 0, 5))
    assert c.owner_id == owner.id
    assert c.due_at == berlin(2026, 11, 24, 10, 0)  # 17:00-18:00, then Tuesday 09:00-10:00
    assert log_of(db, c) == ["started", "assigned"]


def test_out_of_office_pauses_and_resumes_with_the_time_left(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(
        db,
        [
            {
                "key": "first_touch",
                "kind": "first_touch",
                "hours": 4,
                "pause_when_out_of_office": True,
            },
            {"key": "decide", "kind": "decision", "hours": 4},
        ],
    )
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    hand_off(db, contact.id, owner.id)
    frozen_clock.set(berlin(2026, 11, 24, 11, 0))
    owner.out_of_office = True
    db.flush()
    assert service.run_due(db).paused == 1  # only the term that says so
    c = clocks_of(db, contact)["first_touch"]
    db.refresh(c)
    assert (c.state, c.remaining_seconds, c.due_at) == ("paused", 3 * 3600, None)
    frozen_clock.set(berlin(2026, 11, 26, 16, 0))  # back on Thursday afternoon
    owner.out_of_office = False
    db.flush()
    assert service.run_due(db).resumed == 1
    db.refresh(c)
    assert c.state == "running"
    assert c.due_at == berlin(2026, 11, 27, 10, 0)  # 2 h on Thursday, 1 h on Friday
    assert log_of(db, c) == ["started", "paused", "resumed"]
    assert len(c.paused_intervals) == 1


def test_clocks_keep_the_terms_of_the_version_active_when_they_started(
    db: Session, frozen_clock: clock.FrozenClock, published: list[Any]
) -> None:
    v1 = activate(
        db, [{"key": "first_touch", "kind": "first_touch", "hours": 4, "escalate": False}]
    )
    owner = rep(db)
    early, late = make_contact(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 9, 0))
    hand_off(db, early.id, owner.id)
    v2 = activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 2}])
    hand_off(db, late.id, owner.id)
    first, second = clocks_of(db, early)["first_touch"], clocks_of(db, late)["first_touch"]
    assert (first.version_id, first.due_at) == (v1.id, berlin(2026, 11, 24, 13, 0))
    assert (second.version_id, second.due_at) == (v2.id, berlin(2026, 11, 24, 11, 0))
    frozen_clock.set(berlin(2026, 11, 24, 13, 0, 30))
    result = service.run_due(db)
    # Both breached; only v2 escalates (v1 said escalate: false).
    assert (result.breached, result.escalated) == (2, 1)
    (escalation,) = [e for e in published if isinstance(e, SlaEscalated)]
    assert escalation.clock_id == second.id


def test_scope_filters_which_leads_a_term_measures(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(
        db,
        [
            {
                "key": "emea_fast",
                "kind": "first_touch",
                "hours": 2,
                "scope": {"region": ["EMEA"], "segment": ["Enterprise"]},
            }
        ],
    )
    owner = rep(db)
    emea = make_contact(
        db, account=make_account(db, region="EMEA"), custom={"segment": "enterprise"}
    )
    us = make_contact(db, account=make_account(db, region="AMER"), custom={"segment": "enterprise"})
    hand_off(db, emea.id, owner.id)
    hand_off(db, us.id, owner.id)
    assert set(clocks_of(db, emea)) == {"emea_fast"}
    assert clocks_of(db, us) == {}


def test_a_second_hand_off_cancels_the_first_hand_off_s_clocks(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 4}])
    owner, other, contact = rep(db), rep(db), make_contact(db)
    hand_off(db, contact.id, owner.id)
    hand_off(db, contact.id, other.id)
    rows = list(
        db.scalars(select(SlaClock).where(SlaClock.contact_id == contact.id).order_by(SlaClock.id))
    )
    assert [(r.owner_id, r.state) for r in rows] == [(owner.id, "cancelled"), (other.id, "running")]


def test_no_active_version_starts_no_clocks(db: Session) -> None:
    contact = make_contact(db)
    if service.active_version(db) is None:
        hand_off(db, contact.id, None)
        assert clocks_of(db, contact) == {}


def test_the_tick_job_runs_the_pass_and_queues_itself_again(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1}])
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    hand_off(db, contact.id, owner.id)
    assert TICK_JOB in ensure_periodic(db)
    assert TICK_JOB not in ensure_periodic(db), "one tick is queued at a time"
    frozen_clock.set(berlin(2026, 11, 24, 11, 0, 20))
    handler_for(TICK_JOB)(db, {})
    assert clocks_of(db, contact)["first_touch"].state == "breached"
    queued = db.scalars(
        select(Job.run_after).where(Job.kind == TICK_JOB, Job.status == "queued").order_by(Job.id)
    )
    assert list(queued)[-1] == clock.now() + timedelta(seconds=30)


def test_a_merged_duplicates_clock_runs_on_for_the_survivor(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1}])
    owner, survivor, duplicate = rep(db), make_contact(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 23, 9, 0))
    hand_off(db, duplicate.id, owner.id)
    c = clocks_of(db, duplicate)["first_touch"]

    contacts_service.merge_contacts(db, survivor.id, duplicate.id, actor=SYSTEM)
    db.refresh(c)
    assert (c.contact_id, c.state) == (survivor.id, "running")
    frozen_clock.set(berlin(2026, 11, 23, 9, 20))
    touch(db, survivor, "call_logged", at=clock.now())
    assert c.state == "met" and log_of(db, c) == ["started", "met"]
