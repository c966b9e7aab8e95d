"""The ownership rule, finding by finding: a sales rep changes only their own records or
unassigned ones, gives records to nobody but themself, and every change of a record
(its owner, consent, notes, logged calls, merges, deals) follows the rule the same way.

The permission matrix (test_permission_matrix.py) checks every route; these say, one rule
each, what a rep sees when they try.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.auth.service import actor_for
from huddle.contacts import service as contacts
from huddle.contacts.models import ConsentChange, Note, Touch
from huddle.contacts.schemas import AccountCreate, AccountUpdate, ContactCreate, ContactUpdate
from huddle.core.actor import Actor
from huddle.core.errors import NotPermitted, ResourceNotFound
from huddle.core.permissions import PERMISSIONS, Action
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import OpportunityCreate, OpportunityUpdate
from huddle.routing import service as routing
from huddle.routing.models import Handoff
from huddle.routing.schemas import ActivityWrite
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity


@pytest.fixture
def rep(db: Session) -> User:
    return make_user(db, name="Rita Rep", role="sales_rep", team="sales")


@pytest.fixture
def colleague(db: Session) -> User:
    return make_user(db, name="Carl Colleague", role="sales_rep", team="sales")


@pytest.fixture
def rep_browser(app, db: Session, rep: User) -> TestClient:  # type: ignore[no-untyped-def]
    db.commit()
    return sign_in(TestClient(app, base_url="http://testserver"), rep)


# --- the two findings of the security review -------------------------------------------------


def test_a_rep_cannot_take_another_reps_account(
    rep_browser: TestClient, db: Session, rep: User, colleague: User
) -> None:
    account = make_account(db, owner_id=colleague.id)
    db.commit()

    refused = rep_browser.patch(f"/api/v1/accounts/{account.id}", json={"owner_id": rep.id})

    assert refused.status_code == 403
    db.refresh(account)
    assert account.owner_id == colleague.id


def test_a_rep_cannot_change_consent_on_another_reps_contact(
    rep_browser: TestClient, db: Session, colleague: User
) -> None:
    contact = make_contact(db, owner_id=colleague.id)
    db.commit()

    refused = rep_browser.post(
        f"/api/v1/contacts/{contact.id}/consent",
        json={"field": "do_not_email", "value": True, "source": "told me on the phone"},
    )

    assert refused.status_code == 403
    db.refresh(contact)
    assert contact.do_not_email is False
    assert (
        db.scalars(select(ConsentChange).where(ConsentChange.contact_id == contact.id)).all() == []
    )


# --- accounts --------------------------------------------------------------------------------


def test_a_rep_changes_only_their_own_or_unassigned_accounts(
    db: Session, rep: User, colleague: User
) -> None:
    actor = actor_for(rep)
    mine, pool = make_account(db, owner_id=rep.id), make_account(db)
    theirs = make_account(db, owner_id=colleague.id)
    contacts.update_account(db, mine.id, AccountUpdate(industry="Retail"), actor=actor)
    contacts.update_account(db, pool.id, AccountUpdate(owner_id=rep.id), actor=actor)
    assert pool.owner_id == rep.id

    for change in (
        lambda: contacts.update_account(
            db, theirs.id, AccountUpdate(industry="Retail"), actor=actor
        ),
        lambda: contacts.enrich(db, theirs.id, actor=actor),
        # The same domain through "create" updates the existing account: theirs still.
        lambda: contacts.upsert_account(
            db,
            AccountCreate(name=theirs.name, domain=theirs.domain, industry="Retail"),
            actor=actor,
        ),
    ):
        with pytest.raises(NotPermitted):
            change()
    assert (theirs.industry, theirs.owner_id) == (None, colleague.id)


# --- giving records away ---------------------------------------------------------------------


def test_a_rep_gives_records_to_nobody_but_themself(
    db: Session, rep: User, colleague: User
) -> None:
    actor = actor_for(rep)
    contact, account, deal = (
        make_contact(db, owner_id=rep.id),
        make_account(db),
        make_opportunity(db),
    )
    for give in (
        lambda: contacts.update_contact(
            db, contact.id, ContactUpdate(owner_id=colleague.id), actor=actor
        ),
        lambda: contacts.update_account(
            db, account.id, AccountUpdate(owner_id=colleague.id), actor=actor
        ),
        lambda: lifecycle.update_opportunity(
            db, deal.id, OpportunityUpdate(owner_id=colleague.id), actor=actor
        ),
        lambda: contacts.upsert_contact(
            db, ContactCreate(email="new.person@example.org", owner_id=colleague.id), actor=actor
        ),
        lambda: contacts.upsert_account(
            db, AccountCreate(name="Initech", owner_id=colleague.id), actor=actor
        ),
    ):
        with pytest.raises(NotPermitted):
            give()
    assert (contact.owner_id, account.owner_id, deal.owner_id) == (rep.id, None, None)
    # Releasing their own record to the pool, and claiming it back, stay theirs to do.
    contacts.update_contact(db, contact.id, ContactUpdate(owner_id=None), actor=actor)
    contacts.update_contact(db, contact.id, ContactUpdate(owner_id=rep.id), actor=actor)
    # A manager reassigns between reps.
    manager = actor_for(make_user(db, role="sales_manager", team="sales"))
    contacts.update_contact(db, contact.id, ContactUpdate(owner_id=colleague.id), actor=manager)
    assert contact.owner_id == colleague.id


# --- notes and logged activity ---------------------------------------------------------------


def test_a_rep_notes_only_their_own_or_unassigned_records(
    db: Session, rep: User, colleague: User
) -> None:
    actor = actor_for(rep)
    mine = make_contact(db, owner_id=rep.id)
    contacts.add_note(db, contact_id=mine.id, body="Called back", actor=actor)
    contacts.add_note(db, account_id=make_account(db).id, body="Met", actor=actor)
    subjects = {
        "contact_id": make_contact(db, owner_id=colleague.id).id,
        "account_id": make_account(db, owner_id=colleague.id).id,
    }
    for field, subject_id in subjects.items():
        with pytest.raises(NotPermitted):
            contacts.add_note(db, body="Mine now", actor=actor, **{field: subject_id})
    theirs = make_opportunity(db, owner_id=colleague.id)
    with pytest.raises(NotPermitted):
        lifecycle.add_deal_note(db, theirs.id, body="Mine now", actor=actor)
    assert db.scalars(select(Note).where(Note.author_id == rep.id)).all().__len__() == 2


def test_a_rep_logs_calls_only_on_their_own_or_unassigned_contacts(
    db: Session, rep: User, colleague: User
) -> None:
    actor = actor_for(rep)
    pool, theirs = make_contact(db), make_contact(db, owner_id=colleague.id)
    routing.log_activity(db, pool.id, ActivityWrite(kind="call"), actor=actor)

    # A call logged on a colleague's lead would stop their SLA clock for them.
    with pytest.raises(NotPermitted):
        routing.log_activity(db, theirs.id, ActivityWrite(kind="call"), actor=actor)
    assert db.scalars(select(Touch).where(Touch.contact_id == theirs.id)).all() == []


# --- deals -----------------------------------------------------------------------------------


def test_only_admins_and_sales_managers_delete_deals_even_their_own(db: Session, rep: User) -> None:
    deal = make_opportunity(db, owner_id=rep.id)
    for role in ("sales_rep", "customer_success"):
        owner = make_user(db, role=role, team="sales")
        deal.owner_id = owner.id
        with pytest.raises(NotPermitted):
            lifecycle.delete_opportunity(db, deal.id, actor=actor_for(owner))
    manager = actor_for(make_user(db, role="sales_manager", team="sales"))
    lifecycle.delete_opportunity(db, deal.id, actor=manager)
    with pytest.raises(ResourceNotFound):
        lifecycle.get_opportunity(db, deal.id)


def test_a_reps_new_deal_is_theirs_or_unassigned(db: Session, rep: User, colleague: User) -> None:
    account = make_account(db)
    data = {"name": "Expansion", "account_id": account.id, "amount": Decimal(1000)}
    with pytest.raises(NotPermitted):
        lifecycle.create_opportunity(
            db, OpportunityCreate(**data, owner_id=colleague.id), actor=actor_for(rep)
        )
    made = lifecycle.create_opportunity(
        db, OpportunityCreate(**data, owner_id=rep.id), actor=actor_for(rep)
    )
    assert made.owner_id == rep.id


# --- the rule follows the table, not role names ----------------------------------------------


def test_merging_follows_the_ownership_rule_for_roles_that_may_merge(
    db: Session, rep: User, colleague: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reps do not merge today; were the table to let them, they would merge only records
    that are theirs or unassigned, like every other change."""
    monkeypatch.setitem(PERMISSIONS, "sales_rep", PERMISSIONS["sales_rep"] | {Action.CONTACT_MERGE})
    actor = actor_for(rep)
    theirs = make_contact(db, owner_id=colleague.id)
    with pytest.raises(NotPermitted):
        contacts.merge_contacts(db, make_contact(db).id, theirs.id, actor=actor)
    with pytest.raises(NotPermitted):
        contacts.merge_accounts(
            db, make_account(db, owner_id=colleague.id).id, make_account(db).id, actor=actor
        )
    survivor = contacts.merge_contacts(
        db, make_contact(db, owner_id=rep.id).id, make_contact(db).id, actor=actor
    )
    assert survivor.owner_id == rep.id


def test_consent_changed_in_a_contact_update_needs_consent_edit(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Consent has a permission of its own; a contact update carrying it asks for it too."""
    monkeypatch.setitem(PERMISSIONS, "marketing", PERMISSIONS["marketing"] - {Action.CONSENT_EDIT})
    actor = actor_for(make_user(db, role="marketing", team="marketing"))
    contact = make_contact(db)
    contacts.update_contact(db, contact.id, ContactUpdate(job_title="CMO"), actor=actor)
    with pytest.raises(NotPermitted):
        contacts.update_contact(db, contact.id, ContactUpdate(do_not_email=True), actor=actor)
    assert contact.do_not_email is False


def test_who_decides_on_a_hand_off_comes_from_the_table(
    db: Session, colleague: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deciding on a lead is lead.reject, owned: a role the table gives it and does not
    limit to its own book decides on anyone's hand-off, as managers do."""
    monkeypatch.setitem(
        PERMISSIONS, "customer_success", PERMISSIONS["customer_success"] | {Action.LEAD_REJECT}
    )
    success = actor_for(make_user(db, role="customer_success", team="customer_success"))
    handoff = _handoff(db, colleague.id)
    routing.accept_handoff(db, handoff.id, actor=success)
    assert handoff.status == "accepted"


def test_a_rep_accepts_a_queued_lead_still_owned_by_a_former_owner(
    db: Session, rep: User, colleague: User
) -> None:
    """A lead re-routed to a team queue keeps its former owner until someone accepts it;
    the rep who accepts it from the queue gets it (routing's decision, not a take-over)."""
    handoff = _handoff(db, None, contact_owner=colleague.id)

    routing.accept_handoff(db, handoff.id, actor=actor_for(rep))

    assert handoff.owner_id == rep.id
    assert contacts.get_contact(db, handoff.contact_id).owner_id == rep.id
    assert contacts.get_contact(db, handoff.contact_id).lifecycle_stage == "sal"


def _handoff(db: Session, owner_id: int | None, *, contact_owner: int | None = None) -> Handoff:
    contact = make_contact(
        db, owner_id=contact_owner if contact_owner is not None else owner_id, lifecycle_stage="mql"
    )
    handoff = Handoff(
        contact_id=contact.id,
        owner_id=owner_id,
        team="sales",
        rule="test",
        reason="test hand-off",
        candidates=[],
        packet={},
        status="open",
    )
    db.add(handoff)
    db.flush()
    return handoff


def test_actors_for_huddle_itself_are_not_limited(db: Session, colleague: User) -> None:
    contact = make_contact(db, owner_id=colleague.id)
    contacts.set_consent(
        db,
        contact.id,
        field="do_not_call",
        value=True,
        source="import",
        actor=Actor.system("import"),
    )
    assert contact.do_not_call is True
