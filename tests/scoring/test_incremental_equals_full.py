"""Property: scores kept current touch batch by touch batch equal a full rescore, and both
equal an independent Python computation of the same rules, on any random history."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.service import TouchRow
from huddle.core.actor import SYSTEM
from huddle.core.clock import FrozenClock
from huddle.scoring import service
from huddle.scoring.models import ContactScore
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model

HALF_LIFE = 14
RULES: list[dict[str, Any]] = [
    {
        "name": "Pricing",
        "kind": "behaviour",
        "points": 5,
        "cap": 20,
        "event": {
            "types": ["page_view"],
            "where": {"field": "properties.url", "op": "matches", "value": "/pricing"},
        },
    },
    {
        "name": "Webinar",
        "kind": "behaviour",
        "points": 15,
        "event": {"types": ["webinar_attended"], "within_days": 30},
    },
    {
        "name": "Opened",
        "kind": "behaviour",
        "points": 1,
        "cap": 4,
        "event": {"types": ["email_opened"]},
    },
    {
        "name": "Bounced",
        "kind": "negative",
        "points": -10,
        "cap": 25,
        "event": {"types": ["email_bounced"]},
    },
]
TYPES = ["page_view", "webinar_attended", "email_opened", "email_bounced", "form_submitted"]
URLS = ["/pricing", "/blog", "/pricing/enterprise", "/docs"]

touches = st.lists(
    st.tuples(
        st.integers(0, 2),  # which contact
        st.sampled_from(TYPES),
        st.sampled_from(URLS),
        st.integers(0, 90 * 24),  # hours ago
    ),
    max_size=30,
)


def _expected(history: list[tuple[int, str, str, int]], who: int, now: datetime) -> float:
    """The rules above, by hand: per occurrence, filters, window, decay, then the cap."""
    total = 0.0
    for rule in RULES:
        event = rule["event"]
        values = []
        for contact, kind, url, hours in history:
            if contact != who or kind not in event["types"]:
                continue
            if "where" in event and "/pricing" not in url:
                continue
            if event.get("within_days") and hours > event["within_days"] * 24:
                continue
            age = hours / 24
            factor = math.exp(-math.log(2) / HALF_LIFE * age) if rule["kind"] == "behaviour" else 1
            values.append(rule["points"] * factor)
        subtotal = sum(values)
        if "cap" in rule:
            subtotal = (
                max(subtotal, -rule["cap"]) if rule["points"] < 0 else min(subtotal, rule["cap"])
            )
        total += subtotal
    return total


@pytest.mark.slow
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=touches, batch=st.integers(1, 7))
def test_incremental_updates_equal_a_full_rescore(
    db: Session, frozen_clock: FrozenClock, history: list[tuple[int, str, str, int]], batch: int
) -> None:
    savepoint = db.begin_nested()
    try:
        model = make_model(db, RULES, half_life_days=HALF_LIFE)
        contacts = [make_contact(db) for _ in range(3)]
        now = frozen_clock.now()
        rows = [
            TouchRow(
                type=kind,
                occurred_at=now - timedelta(hours=hours),
                contact_id=contacts[c].id,
                properties={"url": url},
            )
            for c, kind, url, hours in history
        ]
        for start in range(0, len(rows), batch):
            contacts_service.record_touches(db, rows[start : start + batch], actor=SYSTEM)
        incremental = _stored(db, model.id, [c.id for c in contacts])
        service.rescore_all(db, reason="property test", actor=SYSTEM)
        full = _stored(db, model.id, [c.id for c in contacts])
        for i, contact in enumerate(contacts):
            expected = _expected(history, i, now)
            assert full[contact.id] == pytest.approx(expected, abs=1e-6)
            assert incremental.get(contact.id, 0.0) == pytest.approx(full[contact.id], abs=1e-9)
    finally:
        savepoint.rollback()


def _stored(db: Session, model_id: int, ids: list[int]) -> dict[int, float]:
    return {
        row.contact_id: row.points
        for row in db.query(ContactScore).filter(
            ContactScore.model_id == model_id, ContactScore.contact_id.in_(ids)
        )
    }
