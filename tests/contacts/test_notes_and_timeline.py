"""Notes with @mentions, the timeline of a contact or an account, and saved views."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.schemas import ContactCreate, ContactFilters, ContactSort, SavedViewCreate
from huddle.core.actor import SYSTEM, Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import NotPermitted, ResourceNotFound, ValidationFailed
from huddle.lifecycle import service as lifecycle_service
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact, make_touch


def test_mentions_by_handle_or_email_resolve_to_users(db: Session, admin: User) -> None:
    jane = make_user(db, name="Jane Doe", email="jane@huddle.example")
    sam = make_user(db, name="Sam Rivera", email="sam@huddle.example")
    contact = make_contact(db)
    note = service.add_note(
        db,
        contact_id=contact.id,
        body="@jane.doe and @SAM@huddle.example, see bob@acme.com. Ask @nobody.here or @jane.doe.",
        actor=Actor.user(admin.id, role="admin"),
    )
    assert note.mentioned_user_ids == [jane.id, sam.id]
    assert "@nobody.here" in note.body
    assert note.author_id == admin.id


def test_a_name_two_users_share_mentions_nobody(db: Session, admin: User) -> None:
    make_user(db, name="Alex Kim")
    make_user(db, name="Alex Kim")
    account = make_account(db)
    note = service.add_note(
        db,
        account_id=account.id,
        body="@alex.kim please call",
        actor=Actor.user(admin.id, role="admin"),
    )
    assert note.mentioned_user_ids == []


def test_a_note_needs_one_existing_subject_and_a_body(db: Session) -> None:
    contact = make_contact(db)
    account = make_account(db)
    with pytest.raises(ValidationFailed):
        service.add_note(
            db, contact_id=contact.id, account_id=account.id, body="x", actor=Actor.system()
        )
    with pytest.raises(ValidationFailed):
        service.add_note(db, contact_id=contact.id, body="   ", actor=Actor.system())
    with pytest.raises(ResourceNotFound):
        service.add_note(db, contact_id=999999, body="x", actor=Actor.system())
    with pytest.raises(ResourceNotFound):
        lifecycle_service.add_deal_note(db, 999999, body="x", actor=Actor.system())


def test_timeline_is_newest_first_with_every_kind_and_pages_by_cursor(
    db: Session, admin: User, frozen_clock: FrozenClock
) -> None:
    actor = Actor.user(admin.id, role="admin")
    contact, _ = service.upsert_contact(db, ContactCreate(email="t@acme.com"), actor=actor)
    start = frozen_clock.now()
    for hours in (1, 2, 2, 3):  # two touches at the same moment
        make_touch(db, contact=contact, occurred_at=start + timedelta(hours=hours))
    frozen_clock.advance(timedelta(hours=2))
    service.add_note(db, contact_id=contact.id, body="Spoke to them", actor=actor)
    frozen_clock.advance(timedelta(hours=3))
    lifecycle_service.transition_stage(db, contact.id, "mql", actor=actor)
    frozen_clock.advance(timedelta(hours=1))
    dupe = make_contact(db)
    service.merge_contacts(db, contact.id, dupe.id, actor=actor)

    full = lifecycle_service.timeline(db, actor=SYSTEM, contact_id=contact.id, limit=100)
    keys = [(item.at, item.kind, item.id) for item in full]
    assert keys == sorted(keys, reverse=True)
    assert [item.kind for item in full][:3] == ["merge", "stage_change", "touch"]
    assert {item.kind for item in full} == {"merge", "stage_change", "touch", "note"}
    assert len(full) == 4 + 1 + 2 + 1  # touches, note, stage changes (created + mql), merge
    stage = next(item for item in full if item.kind == "stage_change")
    assert stage.data["to_stage"] == "mql" and stage.title == "Lead → MQL"

    paged = []
    before = None
    while True:
        page = lifecycle_service.timeline(
            db, actor=SYSTEM, contact_id=contact.id, before=before, limit=3
        )
        paged += page
        if len(page) < 3:
            break
        before = page[-1].cursor
    assert [(i.kind, i.id) for i in paged] == [(i.kind, i.id) for i in full]


def test_account_timeline_includes_its_peoples_stage_changes_and_notes(
    db: Session, admin: User
) -> None:
    actor = Actor.user(admin.id, role="admin")
    contact, _ = service.upsert_contact(db, ContactCreate(email="p@umbrella.com"), actor=actor)
    assert contact.account_id is not None
    service.add_note(db, contact_id=contact.id, body="Met at the fair", actor=actor)
    make_touch(db, contact=contact)
    kinds = {
        item.kind
        for item in lifecycle_service.timeline(db, actor=SYSTEM, account_id=contact.account_id)
    }
    assert kinds == {"stage_change", "note", "touch"}


def test_timeline_of_an_unknown_subject_or_a_bad_cursor_is_refused(db: Session) -> None:
    with pytest.raises(ResourceNotFound):
        lifecycle_service.timeline(db, actor=SYSTEM, contact_id=999999)
    contact = make_contact(db)
    with pytest.raises(ValidationFailed):
        lifecycle_service.timeline(db, actor=SYSTEM, contact_id=contact.id, before="garbage")
    with pytest.raises(ValidationFailed):
        lifecycle_service.timeline(db, actor=SYSTEM)


def test_saved_views_are_private_unless_shared_and_only_the_owner_deletes(db: Session) -> None:
    ann = make_user(db, name="Ann")
    ben = make_user(db, name="Ben")
    private = service.save_view(
        db,
        SavedViewCreate(name="My MQLs", filters=ContactFilters(stage=["mql"], owner_id=ann.id)),
        actor=Actor.user(ann.id),
    )
    shared = service.save_view(
        db,
        SavedViewCreate(name="Targets", shared=True, sort=ContactSort.SCORE_DESC),
        actor=Actor.user(ann.id),
    )
    assert [v.id for v in service.list_views(db, user_id=ann.id)] == [private.id, shared.id]
    assert [v.id for v in service.list_views(db, user_id=ben.id)] == [shared.id]
    with pytest.raises(ResourceNotFound):
        service.get_view(db, private.id, user_id=ben.id)
    with pytest.raises(NotPermitted):
        service.delete_view(db, shared.id, actor=Actor.user(ben.id))
    service.delete_view(db, shared.id, actor=Actor.user(ann.id))
    assert [v.id for v in service.list_views(db, user_id=ben.id)] == []
