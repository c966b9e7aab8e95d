"""Breaches and escalations are in the audit trail, on the lead, by the SLA's clocks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.core import clock
from huddle.sla import service
from tests.contacts.factories import make_contact
from tests.scoring.factories import touch
from tests.sla.factories import activate, hand_off
from tests.sla.test_clocks import berlin, rep


def sla_entries(db: Session, contact_id: int) -> list[AuditEntry]:
    return list(
        db.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.action.in_(("sla.breached", "sla.escalated")),
                AuditEntry.subject_type == "contact",
                AuditEntry.subject_id == str(contact_id),
            )
            .order_by(AuditEntry.id)
        )
    )


def test_a_breach_and_its_escalation_are_audited_on_the_lead(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 4}])
    owner, contact = rep(db), make_contact(db)
    frozen_clock.set(berlin(2026, 11, 24, 10, 0))
    hand_off(db, contact.id, owner.id)

    frozen_clock.set(berlin(2026, 11, 24, 13, 0, 30))
    service.run_due(db)  # a warning only: not audited
    assert sla_entries(db, contact.id) == []

    frozen_clock.set(berlin(2026, 11, 24, 14, 0, 40))
    service.run_due(db)
    breach, escalation = sla_entries(db, contact.id)
    assert (breach.action, escalation.action) == ("sla.breached", "sla.escalated")
    assert all(
        (e.actor_kind, e.actor_label, e.actor_user_id, e.at)
        == ("rule", "SLA clocks", None, clock.now())
        for e in (breach, escalation)
    )
    assert breach.summary == (
        f"SLA term first_touch breached on lead #{contact.id} (user #{owner.id}), "
        "due 2026-11-24 13:00 UTC"
    )
    assert breach.changes["owner_id"] == owner.id and "actor" not in breach.changes
    assert escalation.summary.endswith(f"escalated to user #{owner.manager_id}")

    # Met late, and another pass: the breach is not audited twice.
    touch(db, contact, "call_logged", at=clock.now())
    service.run_due(db)
    assert len(sla_entries(db, contact.id)) == 2
