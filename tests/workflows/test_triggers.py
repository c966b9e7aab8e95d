"""What enrols a contact: each trigger's event, and the re-enrolment policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TouchCreate
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.events import publish
from huddle.lifecycle import service as lifecycle
from huddle.routing.events import HandoffDecided, LeadRecycled
from huddle.scoring.events import ScoresUpdated
from huddle.workflows import service
from huddle.workflows.models import Enrolment, Workflow
from tests.contacts.factories import make_contact, make_custom_field
from tests.workflows.factories import make_list, make_workflow

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen(frozen_clock: clock.FrozenClock) -> clock.FrozenClock:
    return frozen_clock


def _workflow(db: Session, trigger: dict[str, object], **fields: object) -> Workflow:
    crm = make_list(db)
    return make_workflow(
        db, [{"id": "a", "kind": "add_to_list", "list_id": crm.id}], trigger=trigger, **fields
    )


def _enrolled(db: Session, workflow: Workflow) -> list[int]:
    return list(
        db.scalars(
            select(Enrolment.contact_id)
            .where(Enrolment.workflow_id == workflow.id)
            .order_by(Enrolment.id)
        )
    )


def test_a_touch_of_the_type_with_matching_properties_enrols(db: Session) -> None:
    workflow = _workflow(
        db,
        {
            "type": "touch",
            "touch_type": "form_submitted",
            "properties": [{"name": "form", "op": "eq", "value": "Demo"}],
        },
    )
    demo, newsletter, browsing = make_contact(db), make_contact(db), make_contact(db)
    for contact, touch_type, form in (
        (demo, "form_submitted", "demo"),
        (newsletter, "form_submitted", "newsletter"),
        (browsing, "page_view", "demo"),
    ):
        contacts.record_touch(
            db,
            TouchCreate(type=touch_type, contact_id=contact.id, properties={"form": form}),
            actor=SYSTEM,
        )
    assert _enrolled(db, workflow) == [demo.id]


def test_a_stage_entered_enrols_through_lifecycles_own_move(db: Session) -> None:
    workflow = _workflow(db, {"type": "stage_entered", "stage": "mql"})
    contact = make_contact(db)
    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
    assert _enrolled(db, workflow) == [contact.id]


def test_a_score_at_the_threshold_enrols(db: Session) -> None:
    workflow = _workflow(db, {"type": "score_reached", "threshold": 50})
    high, low = make_contact(db, score=50), make_contact(db, score=49)
    publish(db, ScoresUpdated(contact_ids=(high.id, low.id), qualified=(), at=NOW))
    assert _enrolled(db, workflow) == [high.id]


def test_a_lead_rejected_or_recycled_by_sales_enrols(db: Session) -> None:
    rejected = _workflow(db, {"type": "lead_rejected"})
    recycled = _workflow(db, {"type": "lead_recycled"})
    sent_back, accepted, stalled = make_contact(db), make_contact(db), make_contact(db)
    for contact, ok in ((sent_back, False), (accepted, True)):
        publish(
            db,
            HandoffDecided(
                handoff_id=1,
                contact_id=contact.id,
                owner_id=1,
                accepted=ok,
                reason=None,
                at=NOW,
                actor=SYSTEM,
            ),
        )
    publish(
        db,
        LeadRecycled(
            handoff_id=None, contact_id=stalled.id, reason="stalled", at=NOW, actor=SYSTEM
        ),
    )
    assert _enrolled(db, rejected) == [sent_back.id]
    assert _enrolled(db, recycled) == [stalled.id]


def test_joining_a_list_enrols_and_a_workflow_step_can_be_what_joins(db: Session) -> None:
    vip = make_list(db)
    joined = _workflow(db, {"type": "list_joined", "list_id": vip.id})
    adder = make_workflow(db, [{"id": "a", "kind": "add_to_list", "list_id": vip.id}])
    by_hand, by_step = make_contact(db), make_contact(db)
    service.add_to_list_by_hand(db, vip.id, by_hand.id, actor=SYSTEM)
    service.enrol(db, adder, by_step.id, reason="test")
    service.run_due(db)
    assert _enrolled(db, joined) == [by_hand.id, by_step.id]


def test_a_date_field_due_in_n_days_enrols_in_the_daily_pass(db: Session) -> None:
    make_custom_field(db, key="renewal", label="Renewal", field_type="date")
    workflow = _workflow(db, {"type": "date_field", "field_key": "renewal", "days_before": 60})
    due = make_contact(db, custom={"renewal": (NOW.date() + timedelta(days=60)).isoformat()})
    make_contact(db, custom={"renewal": (NOW.date() + timedelta(days=61)).isoformat()})
    assert service.date_fields_due(db) == 1
    assert _enrolled(db, workflow) == [due.id]


def test_a_draft_enrols_nobody(db: Session) -> None:
    workflow = _workflow(db, {"type": "stage_entered", "stage": "mql"}, active=False)
    lifecycle.transition_stage(db, make_contact(db).id, "mql", actor=SYSTEM)
    assert _enrolled(db, workflow) == []


def test_enrolled_once_unless_again_after_n_days(db: Session, frozen: clock.FrozenClock) -> None:
    once = _workflow(db, {"type": "manual"})
    again = _workflow(db, {"type": "manual"}, reenrol_after_days=30)
    contact = make_contact(db)
    for workflow in (once, again):
        assert service.enrol(db, workflow, contact.id, reason="t") is not None
        # On its way: not enrolled a second time, whatever the policy.
        assert service.enrol(db, workflow, contact.id, reason="t") is None
    service.run_due(db)

    frozen.advance(timedelta(days=29))
    assert service.enrol(db, again, contact.id, reason="t") is None
    frozen.advance(timedelta(days=1))
    assert service.enrol(db, again, contact.id, reason="t") is not None
    assert service.enrol(db, once, contact.id, reason="t") is None
