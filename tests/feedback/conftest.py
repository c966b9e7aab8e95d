"""The feedback tests' seeded window (counted by hand in the tests that read it)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.scoring.models import ScoreModel
from tests.analytics.factories import at
from tests.contacts.factories import make_contact, make_custom_field, make_touch
from tests.lifecycle.factories import make_transition
from tests.scoring.factories import make_model
from tests.sla.factories import actor_of


@pytest.fixture
def boss(admin: User) -> Actor:
    return actor_of(admin)


def _contact(db: Session, moves: list[tuple[str, str]], **fields: object) -> int:
    contact = make_contact(db, created_at=at("2026-01-02"), **fields)
    previous = None
    for stage, when in moves:
        make_transition(db, contact_id=contact.id, from_stage=previous, to_stage=stage, at=at(when))
        previous = stage
    return contact.id


@pytest.fixture
def window(db: Session, frozen_clock: clock.FrozenClock) -> dict[str, int]:
    """Now 2026-03-02; the last 3 months hold six contacts, one older contact does not.

    A  VP       score 90  plan pro, champion  webinar before converting  lead → mql → sal → sql
    (C is not a champion: its custom value is false)
    B  VP       score 80            webinar after converting    lead → customer (skips)
    C  VP       score 30            webinar                     lead
    D  Manager  score 70                                        lead → mql → sal
    E  Manager  score 20                                        lead
    F  (none)   score 10                                        lead
    """
    make_custom_field(db, key="plan", label="Plan", field_type="text")
    make_custom_field(db, key="champion", label="Champion", field_type="boolean")
    lead = [("lead", "2026-01-02")]
    ids = {
        "A": _contact(
            db,
            [*lead, ("mql", "2026-01-20"), ("sal", "2026-01-25"), ("sql", "2026-02-01")],
            seniority="VP",
            score=90,
            custom={"plan": "pro", "champion": True},
        ),
        "B": _contact(db, [*lead, ("customer", "2026-02-10")], seniority="VP", score=80),
        "C": _contact(db, lead, seniority="VP", score=30, custom={"champion": False}),
        "D": _contact(
            db,
            [*lead, ("mql", "2026-01-20"), ("sal", "2026-01-22")],
            seniority="Manager",
            score=70,
        ),
        "E": _contact(db, lead, seniority="Manager", score=20),
        "F": _contact(db, lead, score=10),
    }
    old = make_contact(db, created_at=at("2025-06-01"), seniority="VP", score=95)
    make_transition(db, contact_id=old.id, to_stage="sql", at=at("2025-07-01"))
    make_touch(db, contact_id=ids["A"], type="webinar_attended", occurred_at=at("2026-01-10"))
    make_touch(db, contact_id=ids["B"], type="webinar_attended", occurred_at=at("2026-02-20"))
    make_touch(db, contact_id=ids["C"], type="webinar_attended", occurred_at=at("2026-01-05"))
    return ids


@pytest.fixture
def primary(db: Session) -> ScoreModel:
    return make_model(db, [], name="Engagement", is_primary=True)
