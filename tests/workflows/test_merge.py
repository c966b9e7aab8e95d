"""A merged duplicate's nurture goes on for the survivor: its enrolments (with the steps
they ran) and list memberships move over, except where the survivor already has its own
(one person goes through a workflow once, and is on a list once)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.workflows.models import ContactListMember, Enrolment
from tests.contacts.factories import make_contact
from tests.workflows.factories import enrol, make_list, make_workflow, outcomes, run

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _lists_of(db: Session, contact_id: int) -> set[int]:
    query = select(ContactListMember.list_id).where(ContactListMember.contact_id == contact_id)
    return set(db.scalars(query))


def test_a_duplicates_nurture_goes_on_for_the_survivor(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(START)
    crm, both, gone = make_list(db), make_list(db), make_list(db)
    nurture = make_workflow(
        db,
        [
            {"id": "add", "kind": "add_to_list", "list_id": gone.id, "next": "wait"},
            {"id": "wait", "kind": "wait", "minutes": 90, "next": "crm"},
            {"id": "crm", "kind": "add_to_list", "list_id": crm.id},
        ],
    )
    shared = make_workflow(db, [{"id": "w", "kind": "wait", "minutes": 600}])
    survivor, duplicate = make_contact(db), make_contact(db)
    moved = enrol(db, nurture, duplicate.id)
    enrol(db, shared, duplicate.id)
    own = enrol(db, shared, survivor.id)
    db.add(ContactListMember(list_id=both.id, contact_id=survivor.id))
    db.add(ContactListMember(list_id=both.id, contact_id=duplicate.id))
    run(db)  # the duplicate is on "gone" and waits in the nurture

    contacts.merge_contacts(db, survivor.id, duplicate.id, actor=SYSTEM)
    db.expire_all()
    enrolments = db.scalars(select(Enrolment).where(Enrolment.contact_id == survivor.id))
    assert sorted(e.id for e in enrolments) == sorted([moved.id, own.id])
    assert _lists_of(db, survivor.id) == {both.id, gone.id}

    frozen_clock.set(START + timedelta(minutes=90))
    run(db)
    assert outcomes(db, moved) == [("add", "done"), ("wait", "done"), ("crm", "done")]
    assert _lists_of(db, survivor.id) == {both.id, gone.id, crm.id}
