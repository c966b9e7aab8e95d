"""Every audited change writes one entry, through the real services and their events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.audit import service as audit
from huddle.audit.models import AuditEntry
from huddle.audit.schemas import AuditEntryRead, AuditFilters
from huddle.auth.events import ApiTokenIssued, ApiTokenRevoked, UserAccessChanged
from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.schemas import AccountUpdate, ContactUpdate
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.core.events import publish
from huddle.core.origin import RequestOrigin, origin_scope
from huddle.lifecycle import service as lifecycle
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity


def _entries(session: Session, **filters: object) -> list[AuditEntry]:
    query = select(AuditEntry).filter_by(**filters).order_by(AuditEntry.id)
    return list(session.scalars(query))


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin", team="revops")


def test_a_stage_change_is_audited_with_who_and_from_where(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    contact = make_contact(db, lifecycle_stage="mql")

    with origin_scope(RequestOrigin(ip="203.0.113.9", user_agent="Firefox/140")):
        lifecycle.transition_stage(db, contact.id, "sal", actor=actor, reason="booked a call")

    [entry] = _entries(db, action="contact.stage_changed", subject_id=str(contact.id))
    assert entry.subject_type == "contact"
    assert (entry.actor_kind, entry.actor_user_id) == ("user", actor.user_id)
    assert entry.at == frozen_clock.now()
    assert entry.changes["from_stage"] == "mql" and entry.changes["to_stage"] == "sal"
    assert (entry.ip, entry.user_agent) == ("203.0.113.9", "Firefox/140")
    assert "mql" in entry.summary and "sal" in entry.summary


def test_a_change_outside_http_has_no_origin(db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="mql")

    lifecycle.transition_stage(db, contact.id, "sal", actor=Actor("rule", label="MQL rule v3"))

    [entry] = _entries(db, action="contact.stage_changed", subject_id=str(contact.id))
    assert (entry.ip, entry.user_agent) == (None, None)
    assert (entry.actor_kind, entry.actor_label) == ("rule", "MQL rule v3")


def test_owner_changes_of_contacts_and_accounts_are_audited(db: Session, actor: Actor) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    contact = make_contact(db)
    account = make_account(db)

    contacts.update_contact(db, contact.id, ContactUpdate(owner_id=rep.id), actor=actor)
    contacts.update_contact(db, contact.id, ContactUpdate(owner_id=rep.id), actor=actor)  # same
    contacts.update_contact(db, contact.id, ContactUpdate(job_title="CTO"), actor=actor)  # other
    contacts.update_account(db, account.id, AccountUpdate(owner_id=rep.id), actor=actor)

    [on_contact] = _entries(db, action="contact.owner_changed", subject_id=str(contact.id))
    assert on_contact.changes == {"owner_id": [None, rep.id]}
    [on_account] = _entries(db, action="account.owner_changed", subject_id=str(account.id))
    assert on_account.subject_type == "account"
    assert on_account.changes == {"owner_id": [None, rep.id]}


def test_consent_changes_are_audited_once_per_real_change(db: Session, actor: Actor) -> None:
    contact = make_contact(db)

    contacts.set_consent(
        db, contact.id, field="do_not_email", value=True, source="phone call", actor=actor
    )
    contacts.set_consent(
        db, contact.id, field="do_not_email", value=True, source="phone call", actor=actor
    )

    [entry] = _entries(db, action="contact.consent_changed", subject_id=str(contact.id))
    assert entry.changes["field"] == "do_not_email"
    assert entry.changes["new_value"] is True
    assert entry.changes["source"] == "phone call"


def test_merges_deletions_and_configuration_are_audited(db: Session, actor: Actor) -> None:
    survivor, merged = make_contact(db), make_contact(db)
    deal = make_opportunity(db)

    contacts.merge_contacts(db, survivor.id, merged.id, actor=actor)
    lifecycle.delete_opportunity(db, deal.id, actor=actor)
    current = [(t.from_stage, t.to_stage) for t in lifecycle.list_allowed_transitions(db)]
    lifecycle.set_allowed_transitions(db, [*current, ("customer", "lead")], actor=actor)

    [merge] = _entries(db, action="contact.merged", subject_id=str(survivor.id))
    assert merge.changes == {"survivor_id": survivor.id, "merged_id": merged.id}
    [deletion] = _entries(db, action="opportunity.deleted", subject_id=str(deal.id))
    assert deletion.subject_type == "opportunity"
    [config] = _entries(db, action="lifecycle.transitions_changed")
    assert config.changes["added"] == [["customer", "lead"]]
    assert "customer → lead" in config.summary


def test_access_and_token_events_are_audited(db: Session, actor: Actor) -> None:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    publish(
        db,
        UserAccessChanged(
            user_id=77, changes={"role": ["marketing", "admin"]}, at=now, actor=actor
        ),
    )
    publish(db, ApiTokenIssued(token_id=5, user_id=77, scopes=("read",), at=now, actor=actor))
    via_token = Actor.user(77, role="admin", token_id=5)
    publish(db, ApiTokenRevoked(token_id=5, user_id=77, at=now, actor=via_token))

    [access] = _entries(db, action="user.access_changed", subject_id="77")
    assert access.changes["changes"] == {"role": ["marketing", "admin"]}
    assert "role marketing → admin" in access.summary
    [issued] = _entries(db, action="token.issued", subject_id="5")
    assert issued.changes["scopes"] == ["read"]
    [revoked] = _entries(db, action="token.revoked", subject_id="5")
    assert (revoked.actor_user_id, revoked.actor_token_id) == (77, 5)


def test_reading_the_trail_needs_the_audit_permission(db: Session) -> None:
    for role, permitted in (("admin", True), ("compliance", True), ("sales_rep", False)):
        reader = Actor.user(1, role=role)
        if permitted:
            audit.list_entries(db, AuditFilters(), actor=reader)
        else:
            with pytest.raises(NotPermitted):
                audit.list_entries(db, AuditFilters(), actor=reader)


def test_pages_go_newest_first_by_keyset_and_filters_narrow(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    start = frozen_clock.now()
    contact = make_contact(db)
    for minute in range(5):
        frozen_clock.advance(timedelta(minutes=1))
        contacts.set_consent(
            db, contact.id, field="do_not_call", value=minute % 2 == 0, source="s", actor=actor
        )
    only_this = AuditFilters(subject_type="contact", subject_id=str(contact.id))

    first = audit.list_entries(db, only_this, actor=actor, limit=2)
    second = audit.list_entries(db, only_this, actor=actor, cursor=first.next_cursor, limit=2)
    third = audit.list_entries(db, only_this, actor=actor, cursor=second.next_cursor, limit=2)

    times = [e.at for e in first.items + second.items + third.items]
    assert times == sorted(times, reverse=True) and len(times) == 5
    assert third.next_cursor is None
    window = AuditFilters(
        subject_type="contact",
        subject_id=str(contact.id),
        since=start + timedelta(minutes=2),
        until=start + timedelta(minutes=4),
    )
    assert len(audit.list_entries(db, window, actor=actor).items) == 2
    assert audit.list_entries(db, AuditFilters(actor_user_id=999999), actor=actor).items == []


def test_bad_filters_and_cursors_are_422(db: Session, actor: Actor) -> None:
    with pytest.raises(ValidationFailed):
        audit.list_entries(db, AuditFilters(subject_id="3"), actor=actor)
    with pytest.raises(ValidationFailed):
        audit.list_entries(db, AuditFilters(), actor=actor, cursor="not-a-cursor")
    since = datetime(2026, 3, 2, tzinfo=UTC)
    with pytest.raises(ValidationFailed):
        audit.list_entries(
            db, AuditFilters(since=since, until=since - timedelta(days=1)), actor=actor
        )


def test_an_entry_holds_only_what_the_api_documents(db: Session, actor: Actor) -> None:
    """``changes`` are facts, lists of them (or of pairs), or field -> [before, after]: an
    entry shaped otherwise is refused when written, not when a client reads it."""
    fits = {"owner_id": [None, 3], "scopes": ["read"], "added": [["a", "b"]], "x": 1.5}
    entry = audit.record(
        db,
        action="x.y",
        subject_type="x",
        subject_id=1,
        summary="s",
        actor=actor,
        at=datetime(2026, 3, 1, tzinfo=UTC),
        changes={**fits, "changes": {"role": [None, "a"]}},
    )
    db.flush()
    assert AuditEntryRead.model_validate(entry).changes["changes"] == {"role": [None, "a"]}
    for deeper in ({"a": {"b": {"c": 1}}}, {"a": [[["deep"]]]}, {"a": ("tuple",)}):
        with pytest.raises(ValueError):
            audit.record(
                db,
                action="x.y",
                subject_type="x",
                subject_id=1,
                summary="s",
                actor=actor,
                at=datetime(2026, 3, 1, tzinfo=UTC),
                changes=deeper,
            )
