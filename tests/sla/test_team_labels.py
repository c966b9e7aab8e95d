"""Compliance by team reads routing's team names as they were written."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.sla.service import reports
from tests.contacts.factories import make_contact
from tests.sla.factories import activate, hand_off


def test_team_names_keep_their_case_and_the_territory_reads_as_such(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "decision", "kind": "decision", "hours": 8}])
    for team in ("territory:APAC to Aisha", "Inbound sales", "customer_success"):
        hand_off(db, make_contact(db).id, None, team=team)
    now = clock.now()
    rows = reports.compliance(
        db, start=now - timedelta(hours=1), end=now + timedelta(hours=1), by="team"
    )

    assert [r.label for r in rows] == [
        "Customer success",
        "Inbound sales",
        "Territory: APAC to Aisha",
    ]
