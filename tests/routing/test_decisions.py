"""Accept and reject with a reason, recycling (rejected and stalled), logged activity, and
who may decide: a rep cannot accept another rep's lead."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.models import Touch
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import Conflict, NotPermitted, ValidationFailed
from huddle.lifecycle import service as lifecycle
from huddle.routing import service
from huddle.routing.events import HandoffDecided, LeadRecycled
from huddle.routing.schemas import ActivityWrite
from tests.contacts.factories import make_contact
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule


def _as(user_id: int, role: str = "sales_rep") -> Actor:
    return Actor.user(user_id, role=role, team="sales")


@pytest.fixture
def two_reps(db: Session) -> tuple[int, int]:
    a, b = make_rep(db, "Ann"), make_rep(db, "Ben")
    pool = make_pool(db, "Inside sales", [(a, 1), (b, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    return a.id, b.id


def test_accept_makes_the_lead_sal_by_the_rep(
    db: Session, two_reps: tuple[int, int], published: list[object]
) -> None:
    ann, _ = two_reps
    contact = make_contact(db)
    handoff = make_mql(db, contact)

    service.accept_handoff(db, handoff.id, actor=_as(ann))

    assert handoff.status == "accepted" and handoff.decided_by_id == ann
    assert contacts_service.get_contact(db, contact.id).lifecycle_stage == "sal"
    last = lifecycle.stage_history(db, contact.id)[-1]
    assert (last.to_stage, last.by_user_id) == ("sal", ann)
    assert last.reason == "accepted the lead routed to them"  # words, no hand-off number
    [decided] = [e for e in published if isinstance(e, HandoffDecided)]
    assert (decided.accepted, decided.owner_id, decided.reason) == (True, ann, None)
    assert service.sales_queue(db, actor=_as(ann)) == []


def test_a_rep_cannot_accept_or_reject_another_reps_lead(
    db: Session, two_reps: tuple[int, int]
) -> None:
    ann, ben = two_reps
    handoff = make_mql(db, make_contact(db))
    assert handoff.owner_id == ann

    with pytest.raises(NotPermitted):
        service.accept_handoff(db, handoff.id, actor=_as(ben))
    with pytest.raises(NotPermitted):
        service.reject_handoff(db, handoff.id, reason_code="no_budget", note=None, actor=_as(ben))
    with pytest.raises(NotPermitted):
        service.get_handoff(db, handoff.id, actor=_as(ben))
    assert handoff.status == "open"
    assert service.sales_queue(db, actor=_as(ben)) == []


def test_marketing_cannot_decide(db: Session, two_reps: tuple[int, int]) -> None:
    handoff = make_mql(db, make_contact(db))
    marketer = Actor.user(two_reps[0], role="marketing", team="marketing")
    with pytest.raises(NotPermitted):
        service.accept_handoff(db, handoff.id, actor=marketer)


def test_reject_needs_a_reason_and_recycles_the_lead(
    db: Session, two_reps: tuple[int, int], published: list[object]
) -> None:
    ann, _ = two_reps
    contact = make_contact(db)
    handoff = make_mql(db, contact)

    with pytest.raises(ValidationFailed) as refused:
        service.reject_handoff(db, handoff.id, reason_code="", note=None, actor=_as(ann))
    assert [e.field for e in refused.value.errors] == ["reason_code"]
    assert handoff.status == "open"

    service.reject_handoff(
        db, handoff.id, reason_code="no_budget", note="next fiscal year", actor=_as(ann)
    )

    assert handoff.status == "rejected"
    assert handoff.decision_reason == "no_budget: next fiscal year"
    assert contacts_service.get_contact(db, contact.id).lifecycle_stage == "recycled"
    last = lifecycle.stage_history(db, contact.id)[-1]
    assert last.rejection_reason == "no_budget"
    decided = [e for e in published if isinstance(e, HandoffDecided)]
    recycled = [e for e in published if isinstance(e, LeadRecycled)]
    assert [(d.accepted, d.reason) for d in decided] == [(False, "no_budget: next fiscal year")]
    assert [(r.handoff_id, r.contact_id) for r in recycled] == [(handoff.id, contact.id)]
    with pytest.raises(Conflict):
        service.accept_handoff(db, handoff.id, actor=_as(ann))


def test_a_lead_in_the_team_queue_is_claimed_by_the_rep_who_accepts(db: Session) -> None:
    away = make_rep(db, "Al Away", out_of_office=True)
    pool = make_pool(db, "Inside sales", [(away, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    contact = make_contact(db)
    handoff = make_mql(db, contact)
    away.out_of_office = False

    assert [h.id for h in service.sales_queue(db, actor=_as(away.id))] == [handoff.id]
    service.accept_handoff(db, handoff.id, actor=_as(away.id))

    assert handoff.owner_id == away.id
    assert contacts_service.get_contact(db, contact.id).owner_id == away.id
    last = lifecycle.stage_history(db, contact.id)[-1]
    assert last.reason == "accepted the lead from the Inside sales queue"


def test_stalled_handoffs_are_recycled_unless_the_rep_worked_them(
    db: Session, two_reps: tuple[int, int], frozen_clock: clock.FrozenClock
) -> None:
    _, ben = two_reps
    ignored = make_contact(db)
    worked = make_contact(db)
    stalled = make_mql(db, ignored)
    busy = make_mql(db, worked)
    frozen_clock.advance(timedelta(days=1))
    service.log_activity(
        db, worked.id, ActivityWrite(kind="call", note="left a voicemail"), actor=_as(ben)
    )

    frozen_clock.advance(timedelta(days=4))
    assert service.recycle_stalled(db) == []  # 5 days not yet passed
    frozen_clock.advance(timedelta(days=1))
    assert service.recycle_stalled(db) == [stalled.id]

    assert stalled.status == "recycled" and busy.status == "open"
    assert contacts_service.get_contact(db, ignored.id).lifecycle_stage == "recycled"
    assert contacts_service.get_contact(db, worked.id).lifecycle_stage == "mql"


def test_logged_activity_is_a_touch_by_the_rep(db: Session, two_reps: tuple[int, int]) -> None:
    ann, _ = two_reps
    contact = make_contact(db)
    touch = service.log_activity(
        db, contact.id, ActivityWrite(kind="meeting", note="Discovery call"), actor=_as(ann)
    )
    stored = db.get(Touch, touch.id)
    assert stored is not None
    assert (stored.type, stored.actor_user_id, stored.actor_type) == ("meeting_held", ann, "user")
    assert stored.properties == {"note": "Discovery call"}


def test_a_lead_moved_on_outside_the_queue_closes_its_handoff(
    db: Session, two_reps: tuple[int, int], published: list[object]
) -> None:
    ann, _ = two_reps
    contact = make_contact(db)
    handoff = make_mql(db, contact)

    lifecycle.transition_stage(db, contact.id, "sql", actor=_as(ann), reason="qualified on call")

    assert handoff.status == "accepted"
    decided = [e for e in published if isinstance(e, HandoffDecided)]
    assert [(d.handoff_id, d.accepted, d.owner_id) for d in decided] == [(handoff.id, True, ann)]


def test_rejecting_publishes_one_decision_and_one_recycle(
    db: Session, two_reps: tuple[int, int], published: list[object]
) -> None:
    ann, _ = two_reps
    handoff = make_mql(db, make_contact(db))
    service.reject_handoff(db, handoff.id, reason_code="no_need", note=None, actor=_as(ann))
    assert len([e for e in published if isinstance(e, HandoffDecided)]) == 1
    assert len([e for e in published if isinstance(e, LeadRecycled)]) == 1


def test_a_lead_merged_into_another_record_stays_in_the_reps_queue(
    db: Session, two_reps: tuple[int, int]
) -> None:
    ann, _ = two_reps
    survivor, duplicate = make_contact(db), make_contact(db)
    handoff = make_mql(db, duplicate)
    assert handoff.owner_id == ann

    contacts_service.merge_contacts(db, survivor.id, duplicate.id, actor=SYSTEM)
    db.refresh(handoff)
    assert handoff.contact_id == survivor.id
    [waiting] = service.sales_queue(db, actor=_as(ann))
    assert waiting.id == handoff.id
    service.accept_handoff(db, handoff.id, actor=_as(ann))
    assert contacts_service.get_contact(db, survivor.id).lifecycle_stage == "sal"
