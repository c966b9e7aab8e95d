"""Seeded histories for the analytics tests, counted by hand in the tests that use them.

``journey`` writes a contact and its stage history directly (no rules run), so every date
is the one the test names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.sla.models import SlaCalendar
from tests.contacts.factories import make_contact
from tests.lifecycle.factories import make_transition


def at(text: str) -> datetime:
    """``2024-01-05`` (noon UTC) or a full ISO time with its offset."""
    if len(text) == 10:
        return datetime.fromisoformat(f"{text}T12:00:00+00:00")
    return datetime.fromisoformat(text).astimezone(UTC)


def journey(session: Session, *moves: tuple[str, str], **fields: Any) -> Contact:
    """A contact that made ``moves`` ((stage, when), in order), left in the last stage."""
    last_stage, last_at = moves[-1]
    contact = make_contact(
        session, lifecycle_stage=last_stage, stage_entered_at=at(last_at), **fields
    )
    previous: str | None = None
    for stage, when in moves:
        make_transition(
            session, contact_id=contact.id, from_stage=previous, to_stage=stage, at=at(when)
        )
        previous = stage
    return contact


def company_zone(session: Session, zone: str) -> None:
    session.add(SlaCalendar(scope="company", time_zone=zone, hours={}, holidays=[]))
    session.flush()


def seed_story(session: Session) -> dict[str, Contact]:
    """Six contacts whose funnel the tests count by hand:

    - A goes all the way, Lead 5 Jan 2024 → Customer 15 Feb (first touch 1 Jan);
    - B skips MQL and SAL: Lead 7 Jan → SQL 17 Jan;
    - C is recycled and qualifies again: Lead 8 Jan, MQL 9 Jan, Recycled 15 Jan, MQL 2 Mar,
      SAL 5 Mar;
    - D is lost, then won later: Lead 3 Feb … SQL 6 Feb, Lost 20 Feb, Customer 1 Apr;
    - E enters at 22:30 on 29 Feb in New York, which is 1 March in UTC;
    - F is only a subscriber (20 Jan).
    """
    return {
        "A": journey(
            session,
            ("lead", "2024-01-05"),
            ("mql", "2024-01-10"),
            ("sal", "2024-01-12"),
            ("sql", "2024-01-20"),
            ("opportunity", "2024-02-01"),
            ("customer", "2024-02-15"),
            first_touch_source="google",
            first_touch_at=at("2024-01-01"),
        ),
        "B": journey(
            session, ("lead", "2024-01-07"), ("sql", "2024-01-17"), first_touch_source="google"
        ),
        "C": journey(
            session,
            ("lead", "2024-01-08"),
            ("mql", "2024-01-09"),
            ("recycled", "2024-01-15"),
            ("mql", "2024-03-02"),
            ("sal", "2024-03-05"),
            first_touch_source="linkedin",
        ),
        "D": journey(
            session,
            ("lead", "2024-02-03"),
            ("mql", "2024-02-04"),
            ("sal", "2024-02-05"),
            ("sql", "2024-02-06"),
            ("lost", "2024-02-20"),
            ("customer", "2024-04-01"),
        ),
        "E": journey(session, ("lead", "2024-03-01T03:30:00+00:00")),
        "F": journey(session, ("subscriber", "2024-01-20")),
    }
