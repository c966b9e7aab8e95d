"""The story itself, before it touches a database: reproducible, in the past, in office hours."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from huddle.demo.plan import (
    AddNote,
    CloseOpportunity,
    CreateContact,
    OpenOpportunity,
    RecordTouch,
    RejectLead,
    TransitionStage,
)
from huddle.demo.story import build_plan
from huddle.demo.timeline import HISTORY_DAYS

ANCHOR = datetime(2026, 3, 2, tzinfo=UTC)


def test_the_same_seed_and_day_give_the_same_story_and_another_seed_another() -> None:
    first = build_plan(seed=7, contacts=300, anchor=ANCHOR)
    again = build_plan(seed=7, contacts=300, anchor=ANCHOR)
    other = build_plan(seed=8, contacts=300, anchor=ANCHOR)

    assert first.events == again.events
    assert first.events != other.events


def test_the_story_covers_eighteen_months_up_to_the_anchor_and_grows() -> None:
    plan = build_plan(seed=1, contacts=1000, anchor=ANCHOR)
    times = [event.at for event in plan.events]

    assert times == sorted(times)
    assert max(times) < ANCHOR
    assert min(times) >= ANCHOR - timedelta(days=HISTORY_DAYS + 7)
    created = [e.at for e in plan.events if isinstance(e, CreateContact)]
    first_half = sum(1 for at in created if at < ANCHOR - timedelta(days=HISTORY_DAYS / 2))
    assert first_half < len(created) - first_half, "a growing company: more contacts lately"


def test_sales_works_on_weekdays_and_everything_in_business_hours() -> None:
    plan = build_plan(seed=1, contacts=1000, anchor=ANCHOR)
    sales = [
        e
        for e in plan.events
        if isinstance(e, (RejectLead, OpenOpportunity, CloseOpportunity))
        or (isinstance(e, TransitionStage) and "@" in e.actor)
    ]
    assert sales
    assert all(e.at.weekday() < 5 for e in sales)
    hours = Counter(e.at.hour for e in plan.events if isinstance(e, RecordTouch))
    office = sum(count for hour, count in hours.items() if 8 <= hour < 18)
    assert office > 0.7 * sum(hours.values())


def test_contacts_come_from_many_channels_with_utm_values() -> None:
    plan = build_plan(seed=1, contacts=1000, anchor=ANCHOR)
    touches = [e for e in plan.events if isinstance(e, RecordTouch)]
    kinds = {t.type for t in touches}
    sources = {t.properties.get("utm_source") for t in touches} - {None}

    assert {
        "page_view",
        "form_submitted",
        "email_sent",
        "email_opened",
        "email_clicked",
        "asset_downloaded",
        "webinar_registered",
        "webinar_attended",
        "demo_requested",
        "call_logged",
        "meeting_held",
        "sales_email_sent",
    } <= kinds
    assert {"google", "linkedin", "newsletter", "b2b-media-network"} <= sources
    paths = {t.properties.get("path") for t in touches}
    assert "/pricing" in paths and any(str(p).startswith("/blog/") for p in paths)


def test_notes_mention_colleagues_and_deal_sizes_stay_in_range() -> None:
    plan = build_plan(seed=1, contacts=1000, anchor=ANCHOR)
    notes = [e for e in plan.events if isinstance(e, AddNote)]
    amounts = [e.amount for e in plan.events if isinstance(e, OpenOpportunity)]

    assert notes and all("@" in note.body for note in notes)
    assert amounts and all(8_000 <= amount <= 250_000 for amount in amounts)
    assert len(set(amounts)) > len(amounts) / 3, "amounts vary"


def test_every_demo_address_is_undeliverable() -> None:
    plan = build_plan(seed=1, contacts=500, anchor=ANCHOR)
    emails = [e.email for e in plan.events if isinstance(e, CreateContact)]

    assert len(emails) == len(set(emails)) == 500
    assert all(email.endswith(".example") for email in emails)
    assert all(user.email.endswith("@huddle.example") for user in plan.users)


@pytest.mark.parametrize("days_later", range(7))
def test_nothing_happens_to_a_contact_or_a_deal_before_it_exists(days_later: int) -> None:
    # Every day of the week: where weekends fall moves office-hours times around.
    plan = build_plan(seed=3, contacts=1000, anchor=ANCHOR + timedelta(days=days_later))
    contacts: set[int] = set()
    deals: set[int] = set()
    for event in plan.events:
        if isinstance(event, CreateContact):
            contacts.add(event.key)
        elif isinstance(event, OpenOpportunity):
            deals.add(event.key)
        contact_key = getattr(event, "contact_key", None)
        deal_key = getattr(event, "opportunity_key", None)
        assert contact_key is None or contact_key in contacts, event
        assert deal_key is None or deal_key in deals, event
