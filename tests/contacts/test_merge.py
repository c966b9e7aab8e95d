"""Merging duplicates: nothing is lost, conflicts resolve by rule or by choice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.events import AccountsMerged, ContactsMerged
from huddle.contacts.models import Account, ConsentChange, Contact, MergeRecord, Note, Touch
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import SYSTEM, Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import ResourceNotFound, ValidationFailed
from huddle.lifecycle import service as lifecycle_service
from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition
from huddle.lifecycle.schemas import OpportunityCreate
from tests.contacts.factories import make_account, make_contact, make_note, make_touch
from tests.contacts.recording import recorded_events


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _ids(db: Session, column: object, value: int) -> list[int]:
    model = column.class_  # type: ignore[attr-defined]
    return list(db.scalars(select(model.id).where(column == value).order_by(model.id)))


def test_merge_keeps_every_touch_note_and_consent_change(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    survivor, _ = service.upsert_contact(db, ContactCreate(email="pat@initech.com"), actor=actor)
    merged, _ = service.upsert_contact(
        db, ContactCreate(email="pat.smith@gmail.com", email_opt_in="opted_in"), actor=actor
    )
    touches = [make_touch(db, contact=c).id for c in (survivor, merged, merged)]
    notes = [make_note(db, contact_id=c.id).id for c in (survivor, merged)]
    consent = db.scalars(
        select(ConsentChange.id).where(ConsentChange.contact_id == merged.id)
    ).all()
    merged_id = merged.id

    with recorded_events() as events:
        service.merge_contacts(db, survivor.id, merged_id, actor=actor)

    assert _ids(db, Touch.contact_id, survivor.id) == sorted(touches)
    assert _ids(db, Note.contact_id, survivor.id) == sorted(notes)
    moved_consent = _ids(db, ConsentChange.contact_id, survivor.id)
    assert set(consent) <= set(moved_consent)
    assert db.get(Contact, merged_id) is None
    assert ContactsMerged(survivor_id=survivor.id, merged_id=merged_id, actor=actor) in events


def test_merge_keeps_the_stage_history_of_both(db: Session, actor: Actor) -> None:
    """Relies on the lifecycle domain's ContactsMerged subscriber (huddle.lifecycle.subscribers)."""
    survivor, _ = service.upsert_contact(db, ContactCreate(email="a@hooli.com"), actor=actor)
    merged, _ = service.upsert_contact(db, ContactCreate(email="b@hooli.com"), actor=actor)
    lifecycle_service.transition_stage(db, merged.id, "mql", actor=actor)
    history = _ids(db, StageTransition.contact_id, survivor.id) + _ids(
        db, StageTransition.contact_id, merged.id
    )
    assert len(history) == 3  # two creations and one move

    service.merge_contacts(db, survivor.id, merged.id, actor=actor)

    assert _ids(db, StageTransition.contact_id, survivor.id) == sorted(history)


def test_merge_moves_deal_links_to_the_survivor(db: Session, actor: Actor) -> None:
    """Relies on the lifecycle domain's ContactsMerged subscriber."""
    account = make_account(db)
    survivor = make_contact(db, account=account, lifecycle_stage="sql")
    merged = make_contact(db, account=account, lifecycle_stage="sql")
    deal = lifecycle_service.create_opportunity(
        db,
        OpportunityCreate(name="Deal", account_id=account.id, primary_contact_id=merged.id),
        actor=actor,
    )
    service.merge_contacts(db, survivor.id, merged.id, actor=actor)
    db.expire_all()
    assert db.get(Opportunity, deal.id).primary_contact_id == survivor.id  # type: ignore[union-attr]
    roles = db.scalars(
        select(OpportunityContact.contact_id).where(OpportunityContact.opportunity_id == deal.id)
    ).all()
    assert merged.id not in roles


def test_conflicts_take_the_newest_non_empty_value_unless_chosen(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    survivor = make_contact(
        db, first_name="Pat", job_title="Engineer", phone=None, city="Oslo", custom={"tier": "a"}
    )
    frozen_clock.advance(timedelta(minutes=5))
    merged = make_contact(
        db, first_name="Patricia", job_title="CTO", phone="555", city="Bergen", custom={"size": 5}
    )
    merged_id, merged_email = merged.id, merged.email

    service.merge_contacts(
        db, survivor.id, merged_id, choices={"city": "survivor", "email": "merged"}, actor=actor
    )

    # The merged contact was updated more recently: its values win where both have one.
    assert (survivor.first_name, survivor.job_title) == ("Patricia", "CTO")
    assert survivor.phone == "555"  # only the merged contact had one
    assert survivor.city == "Oslo"  # chosen
    assert survivor.email == merged_email  # chosen; otherwise the survivor keeps its own
    assert survivor.custom == {"tier": "a", "size": 5}
    record = db.scalars(select(MergeRecord).where(MergeRecord.merged_id == merged_id)).one()
    assert (record.entity, record.survivor_id, record.by_user_id) == (
        "contact",
        survivor.id,
        actor.user_id,
    )
    assert record.merged_snapshot["first_name"] == "Patricia"
    assert record.merged_snapshot["email"] == merged_email
    assert record.resolution["first_name"] == {"kept": "merged", "rule": "newest"}
    assert record.resolution["phone"] == {"kept": "merged", "rule": "only_value"}
    assert record.resolution["city"] == {"kept": "survivor", "rule": "choice"}
    assert record.resolution["email"] == {"kept": "merged", "rule": "choice"}


def test_the_most_restrictive_consent_wins_and_is_recorded(db: Session, actor: Actor) -> None:
    survivor = make_contact(db, email_opt_in="opted_in")
    merged = make_contact(db, email_opt_in="opted_out", do_not_call=True)
    service.merge_contacts(db, survivor.id, merged.id, choices={}, actor=actor)
    assert (survivor.email_opt_in, survivor.do_not_email, survivor.do_not_call) == (
        "opted_out",
        False,
        True,
    )
    changes = service.consent_history(db, survivor.id, actor=actor)
    assert {(c.field, c.old_value, c.new_value) for c in changes} == {
        ("email_opt_in", "opted_in", "opted_out"),
        ("do_not_call", "false", "true"),
    }


def test_merge_keeps_the_earliest_first_touch_and_latest_last_touch(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    now = frozen_clock.now()
    survivor = make_contact(
        db,
        first_touch_source="ads",
        first_touch_at=now,
        last_touch_source="ads",
        last_touch_at=now,
    )
    merged = make_contact(
        db,
        first_touch_source="seo",
        first_touch_at=now - timedelta(days=3),
        last_touch_source="old",
        last_touch_at=now - timedelta(days=1),
    )
    service.merge_contacts(db, survivor.id, merged.id, actor=actor)
    assert (survivor.first_touch_source, survivor.first_touch_at) == (
        "seo",
        now - timedelta(days=3),
    )
    assert (survivor.last_touch_source, survivor.last_touch_at) == ("ads", now)


def test_merging_into_itself_or_an_unknown_contact_is_refused(db: Session, actor: Actor) -> None:
    contact = make_contact(db)
    with pytest.raises(ValidationFailed):
        service.merge_contacts(db, contact.id, contact.id, actor=actor)
    with pytest.raises(ResourceNotFound):
        service.merge_contacts(db, contact.id, 999999, actor=actor)
    with pytest.raises(ResourceNotFound):
        service.merge_contacts(db, 999999, contact.id, actor=actor)
    other = make_contact(db)
    with pytest.raises(ValidationFailed) as caught:
        service.merge_contacts(db, contact.id, other.id, choices={"score": "merged"}, actor=actor)
    assert [e.field for e in caught.value.errors] == ["choices.score"]
    assert db.get(Contact, other.id) is not None


def test_merge_accounts_moves_people_touches_notes_and_deals(db: Session, actor: Actor) -> None:
    survivor = make_account(db, name="Acme", domain=None, is_target=False)
    merged = make_account(db, name="ACME Inc", domain="acme.com", industry="Tools", is_target=True)
    person = make_contact(db, account=merged)
    touch = make_touch(db, contact=person)
    note = make_note(db, account_id=merged.id)
    deal = lifecycle_service.create_opportunity(
        db, OpportunityCreate(name="Anvils", account_id=merged.id), actor=actor
    )
    merged_id = merged.id

    with recorded_events() as events:
        service.merge_accounts(db, survivor.id, merged_id, actor=actor)

    db.expire_all()
    assert db.get(Contact, person.id).account_id == survivor.id  # type: ignore[union-attr]
    assert db.get(Touch, touch.id).account_id == survivor.id  # type: ignore[union-attr]
    assert db.get(Note, note.id).account_id == survivor.id  # type: ignore[union-attr]
    # Deals move through the lifecycle domain's AccountsMerged subscriber.
    assert db.get(Opportunity, deal.id).account_id == survivor.id  # type: ignore[union-attr]
    assert db.get(Account, merged_id) is None
    account = db.get(Account, survivor.id)
    assert account is not None
    assert (account.domain, account.industry, account.is_target) == ("acme.com", "Tools", True)
    assert AccountsMerged(survivor_id=survivor.id, merged_id=merged_id, actor=actor) in events
    assert lifecycle_service.timeline(db, account_id=survivor.id, actor=SYSTEM)[0].kind == "merge"
