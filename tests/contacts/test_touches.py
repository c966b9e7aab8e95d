"""Touches: stored exactly once, and the contact's first and last touch kept right."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.events import TouchRecorded
from huddle.contacts.models import Touch
from huddle.contacts.schemas import TouchCreate
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import ResourceNotFound, ValidationFailed
from tests.contacts.factories import make_account, make_contact
from tests.contacts.recording import recorded_events


def _touches(db: Session, **where: object) -> int:
    query = select(func.count()).select_from(Touch).filter_by(**where)
    return db.scalar(query) or 0


def test_a_repeated_idempotency_key_returns_the_stored_touch_unchanged(
    db: Session, admin: User
) -> None:
    contact = make_contact(db)
    data = TouchCreate(
        contact_id=contact.id,
        type="form_submit",
        properties={"form": "demo"},
        idempotency_key="delivery-42",
    )
    sender = Actor.user(admin.id, role="admin")
    first = service.record_touch(db, data, actor=sender)
    with recorded_events() as events:
        again, created = service.store_touch(db, data, actor=sender)
    assert not created and again.id == first.id
    assert _touches(db, idempotency_key="delivery-42") == 1
    assert events == []


def test_a_key_replayed_with_another_payload_conflicts_and_another_senders_is_its_own(
    db: Session, admin: User
) -> None:
    contact = make_contact(db)
    data = TouchCreate(
        contact_id=contact.id,
        type="form_submit",
        properties={"form": "demo"},
        idempotency_key="delivery-42",
    )
    sender = Actor.user(admin.id, role="admin")
    first = service.record_touch(db, data, actor=sender)
    changed = data.model_copy(update={"properties": {"form": "changed"}})
    with pytest.raises(service.IdempotencyConflict) as raised:
        service.store_touch(db, changed, actor=sender)
    assert raised.value.stored_fingerprint == first.idempotency_fingerprint
    assert raised.value.fingerprint != raised.value.stored_fingerprint
    # The same key through another token of the same person, or from Huddle itself.
    by_token = Actor.user(admin.id, role="admin", token_id=7)
    for other in (by_token, Actor.system()):
        touch, created = service.store_touch(db, changed, actor=other)
        assert created and touch.properties == {"form": "changed"}
    assert _touches(db, idempotency_key="delivery-42") == 3


def test_touches_without_a_key_are_each_stored(db: Session) -> None:
    contact = make_contact(db)
    data = TouchCreate(contact_id=contact.id, type="page_view")
    service.record_touch(db, data, actor=Actor.system())
    service.record_touch(db, data, actor=Actor.system())
    assert _touches(db, contact_id=contact.id) == 2


def test_a_touch_takes_the_contacts_account_and_the_actor(db: Session, admin: User) -> None:
    account = make_account(db)
    contact = make_contact(db, account=account)
    with recorded_events() as events:
        touch = service.record_touch(
            db,
            TouchCreate(contact_id=contact.id, type="call_logged"),
            actor=Actor.user(admin.id, role="admin"),
        )
    assert (touch.account_id, touch.actor_type, touch.actor_user_id) == (
        account.id,
        "user",
        admin.id,
    )
    assert events == [
        TouchRecorded(
            touch_id=touch.id,
            contact_id=contact.id,
            type="call_logged",
            occurred_at=touch.occurred_at,
        )
    ]


def test_an_anonymous_visitors_touch_needs_no_contact(db: Session) -> None:
    touch = service.record_touch(
        db, TouchCreate(visitor_id="v-123", type="page_view"), actor=Actor.system()
    )
    assert (touch.contact_id, touch.visitor_id) == (None, "v-123")


def test_unknown_contact_or_campaign_is_refused_and_nothing_stored(db: Session) -> None:
    with pytest.raises(ResourceNotFound):
        service.record_touch(db, TouchCreate(contact_id=999999, type="x"), actor=Actor.system())
    contact = make_contact(db)
    with pytest.raises(ValidationFailed):
        service.record_touch(
            db,
            TouchCreate(contact_id=contact.id, type="x", campaign_id=999999),
            actor=Actor.system(),
        )
    assert _touches(db, contact_id=contact.id) == 0


def test_first_touch_is_the_earliest_and_last_touch_the_latest(
    db: Session, frozen_clock: FrozenClock
) -> None:
    contact = make_contact(db)
    edited_at = contact.updated_at
    now = frozen_clock.now()
    frozen_clock.advance(timedelta(minutes=1))

    def touch(hours: int, source: str, **properties: str) -> None:
        service.record_touch(
            db,
            TouchCreate(
                contact_id=contact.id,
                type="page_view",
                occurred_at=now + timedelta(hours=hours),
                properties={"utm_source": source, **properties},
            ),
            actor=Actor.system(),
        )

    touch(0, "linkedin", utm_medium="social", url="https://huddle.example/pricing")
    assert (contact.first_touch_source, contact.last_touch_source) == ("linkedin", "linkedin")
    assert contact.first_touch_landing_page == "https://huddle.example/pricing"
    touch(-5, "google", utm_medium="cpc", utm_campaign="brand", referrer="https://google.com")
    touch(3, "newsletter", landing_page="/webinar", url="/ignored")
    touch(1, "in-between")
    db.expire_all()  # read what the database has, not what the session remembers
    assert (contact.first_touch_source, contact.first_touch_medium) == ("google", "cpc")
    assert contact.first_touch_campaign == "brand"
    assert contact.first_touch_referrer == "https://google.com"
    assert contact.first_touch_at == now - timedelta(hours=5)
    assert (contact.last_touch_source, contact.last_touch_medium) == ("newsletter", None)
    assert contact.last_touch_landing_page == "/webinar"
    assert contact.last_touch_at == now + timedelta(hours=3)
    # A touch is activity, not an edit: "updated since" lists do not fill up with visits.
    assert contact.updated_at == edited_at


def test_long_touch_properties_are_cut_to_fit_the_contact(db: Session) -> None:
    contact = make_contact(db)
    service.record_touch(
        db,
        TouchCreate(contact_id=contact.id, type="page_view", properties={"utm_source": "s" * 500}),
        actor=Actor.system(),
    )
    db.expire_all()
    assert contact.first_touch_source == "s" * 200
