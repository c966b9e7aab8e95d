from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.events import AccountsMerged, ContactsCreated, ContactsMerged, NewContact
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.events import publish
from huddle.lifecycle import service
from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity, make_transition

IMPORT = Actor("import", label="import #12")


def test_a_new_contact_starts_its_history_in_its_first_stage(
    db: Session, frozen_clock: FrozenClock
) -> None:
    contact = make_contact(db, lifecycle_stage="subscriber")
    at = frozen_clock.now() - timedelta(minutes=5)

    publish(db, ContactsCreated(contacts=(NewContact(contact.id, "subscriber", at),), actor=IMPORT))

    [first] = service.stage_history(db, contact.id)
    assert (first.from_stage, first.to_stage, first.at) == (None, "subscriber", at)
    assert (first.by_rule, first.by_user_id) == ("import #12", None)


def test_a_chunk_of_an_import_is_written_in_one_statement(
    db: Session, frozen_clock: FrozenClock
) -> None:
    contacts = [make_contact(db) for _ in range(300)]
    at = frozen_clock.now()
    created = ContactsCreated(
        contacts=tuple(NewContact(c.id, "lead", at) for c in contacts), actor=IMPORT
    )
    inserts: list[str] = []

    def watch(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "stage_transitions" in statement:
            inserts.append(statement)

    event.listen(db.get_bind(), "before_cursor_execute", watch)
    try:
        publish(db, created)
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", watch)

    assert len(inserts) == 1
    ids = {c.id for c in contacts}
    rows = db.scalars(select(StageTransition).where(StageTransition.contact_id.in_(ids))).all()
    assert {r.contact_id for r in rows} == ids
    assert {(r.from_stage, r.to_stage) for r in rows} == {(None, "lead")}


def test_each_contact_of_a_chunk_starts_in_the_stage_it_was_announced_with(
    db: Session, frozen_clock: FrozenClock
) -> None:
    contacts = [make_contact(db) for _ in range(4)]
    assert [c.id for c in contacts] == list(range(contacts[0].id, contacts[0].id + 4))
    stages = ["subscriber", "mql", "lead", "customer"]
    at = frozen_clock.now() - timedelta(days=1)
    created = ContactsCreated(
        contacts=tuple(NewContact(c.id, s, at) for c, s in zip(contacts, stages, strict=True)),
        actor=IMPORT,
    )

    publish(db, created)

    for contact, stage in zip(contacts, stages, strict=True):
        [first] = service.stage_history(db, contact.id)
        assert (first.contact_id, first.from_stage, first.to_stage) == (contact.id, None, stage)
        assert (first.at, first.by_rule, first.by_user_id) == (at, "import #12", None)


def test_a_merge_moves_history_and_deals_to_the_survivor(
    db: Session, frozen_clock: FrozenClock
) -> None:
    survivor, merged = make_contact(db), make_contact(db)
    make_transition(db, contact_id=survivor.id, to_stage="lead")
    make_transition(db, contact_id=merged.id, to_stage="lead")
    make_transition(db, contact_id=merged.id, from_stage="lead", to_stage="mql")
    both = make_opportunity(db, contacts={survivor.id: "champion", merged.id: "influencer"})
    only_merged = make_opportunity(
        db, primary_contact_id=merged.id, contacts={merged.id: "economic_buyer"}
    )

    publish(db, ContactsMerged(survivor_id=survivor.id, merged_id=merged.id, actor=IMPORT))
    db.delete(db.get(Contact, merged.id))  # what the merge does right after the event
    db.flush()
    db.expire_all()

    assert [t.to_stage for t in service.stage_history(db, survivor.id)] == ["lead", "lead", "mql"]
    roles = db.execute(
        select(
            OpportunityContact.opportunity_id,
            OpportunityContact.contact_id,
            OpportunityContact.role,
        )
        .where(OpportunityContact.opportunity_id.in_([both.id, only_merged.id]))
        .order_by(OpportunityContact.opportunity_id)
    ).all()
    assert [tuple(r) for r in roles] == [
        (both.id, survivor.id, "champion"),
        (only_merged.id, survivor.id, "economic_buyer"),
    ]
    assert db.get(Opportunity, only_merged.id).primary_contact_id == survivor.id  # type: ignore[union-attr]


def test_an_account_merge_moves_its_deals(db: Session) -> None:
    survivor, merged = make_account(db), make_account(db)
    deal = make_opportunity(db, account=merged)

    publish(db, AccountsMerged(survivor_id=survivor.id, merged_id=merged.id, actor=IMPORT))

    db.refresh(deal)
    assert deal.account_id == survivor.id


def test_a_contact_created_through_the_service_has_its_first_row(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    contact, created = contacts_service.upsert_contact(
        db, ContactCreate(email="new.person@initech.example", lifecycle_stage="mql"), actor=actor
    )

    assert created
    [first] = service.stage_history(db, contact.id)
    assert (first.from_stage, first.to_stage, first.at) == (None, "mql", frozen_clock.now())
    assert (first.by_user_id, first.by_rule) == (actor.user_id, None)
