"""Contacts and accounts: dedupe on email, account matching, consent, custom fields."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service
from huddle.contacts.events import ContactsCreated
from huddle.contacts.models import Account, ConsentChange, Contact, EnrichmentCompany
from huddle.contacts.schemas import (
    AccountCreate,
    AccountUpdate,
    ContactCreate,
    ContactUpdate,
    CustomFieldDefinitionCreate,
    CustomFieldDefinitionUpdate,
)
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.errors import ResourceAlreadyExists, ResourceNotFound, ValidationFailed
from tests.contacts.factories import make_account, make_contact, make_custom_field
from tests.contacts.recording import recorded_events


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _count(db: Session, model: type, *where: object) -> int:
    return db.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def test_same_email_in_another_case_or_with_spaces_updates_instead_of_duplicating(
    db: Session, actor: Actor
) -> None:
    first, created = service.upsert_contact(
        db,
        ContactCreate(email="Jane.Doe@Acme.com", first_name="Jane", job_title="CTO"),
        actor=actor,
    )
    again, created_again = service.upsert_contact(
        db, ContactCreate(email="  JANE.DOE@acme.COM ", last_name="Doe"), actor=actor
    )
    assert created and not created_again
    assert again.id == first.id
    assert _count(db, Contact, Contact.email == "jane.doe@acme.com") == 1
    # Only the fields given change: the title and first name stay.
    assert (again.first_name, again.last_name, again.job_title) == ("Jane", "Doe", "CTO")


def test_upsert_of_an_existing_contact_never_moves_its_stage(db: Session, actor: Actor) -> None:
    contact, _ = service.upsert_contact(db, ContactCreate(email="s@acme.com"), actor=actor)
    service.upsert_contact(
        db, ContactCreate(email="s@acme.com", lifecycle_stage="mql"), actor=actor
    )
    assert contact.lifecycle_stage == "lead"


def test_a_new_contact_is_announced_with_its_initial_stage(
    db: Session, actor: Actor, frozen_clock: FrozenClock
) -> None:
    with recorded_events() as events:
        contact, _ = service.upsert_contact(
            db, ContactCreate(email="new@acme.com", lifecycle_stage="subscriber"), actor=actor
        )
        service.upsert_contact(db, ContactCreate(email="new@acme.com", city="Oslo"), actor=actor)
    created = [e for e in events if isinstance(e, ContactsCreated)]
    assert len(created) == 1
    (new,) = created[0].contacts
    assert (new.contact_id, new.lifecycle_stage, new.at) == (
        contact.id,
        "subscriber",
        frozen_clock.now(),
    )
    assert created[0].actor == actor
    assert contact.stage_entered_at == frozen_clock.now()


def test_free_mail_never_creates_or_matches_an_account(db: Session, actor: Actor) -> None:
    make_account(db, name="Gmail", domain="gmail.com")
    accounts_before = _count(db, Account)
    contact, _ = service.upsert_contact(db, ContactCreate(email="someone@gmail.com"), actor=actor)
    assert contact.account_id is None
    assert _count(db, Account) == accounts_before


def test_company_domain_of_the_email_matches_an_existing_account(db: Session, actor: Actor) -> None:
    acme = make_account(db, name="Acme Corporation", domain="acme.com")
    one, _ = service.upsert_contact(db, ContactCreate(email="one@acme.com"), actor=actor)
    two, _ = service.upsert_contact(db, ContactCreate(email="two@ACME.com"), actor=actor)
    assert one.account_id == two.account_id == acme.id


def test_a_new_company_domain_creates_one_enriched_account(db: Session, actor: Actor) -> None:
    db.add(EnrichmentCompany(domain="initech.com", name="Initech", industry="Software"))
    db.flush()
    one, _ = service.upsert_contact(db, ContactCreate(email="peter@initech.com"), actor=actor)
    two, _ = service.upsert_contact(db, ContactCreate(email="milton@initech.com"), actor=actor)
    account = service.get_account(db, one.account_id or 0)
    assert two.account_id == account.id
    assert (account.name, account.domain, account.industry) == (
        "Initech",
        "initech.com",
        "Software",
    )
    assert set(account.enriched_fields) == {"name", "industry"}


def test_an_unknown_company_domain_gets_a_name_from_the_domain(db: Session, actor: Actor) -> None:
    contact, _ = service.upsert_contact(db, ContactCreate(email="a@blue-sky.io"), actor=actor)
    account = service.get_account(db, contact.account_id or 0)
    assert (account.name, account.domain) == ("Blue Sky", "blue-sky.io")


def test_explicit_account_or_company_name_wins_over_the_email_domain(
    db: Session, actor: Actor
) -> None:
    by_domain = make_account(db, name="Acme", domain="acme.com")
    chosen = make_account(db, name="Acme Holdings", domain="acme-holdings.com")
    explicit, _ = service.upsert_contact(
        db, ContactCreate(email="x@acme.com", account_id=chosen.id), actor=actor
    )
    named, _ = service.upsert_contact(
        db, ContactCreate(email="y@acme.com", company="Acme Holdings"), actor=actor
    )
    assert explicit.account_id == named.account_id == chosen.id
    fresh, _ = service.upsert_contact(
        db, ContactCreate(email="z@gmail.com", company="Brand New Ltd"), actor=actor
    )
    account = service.get_account(db, fresh.account_id or 0)
    assert (account.name, account.domain) == ("Brand New Ltd", None)
    assert fresh.account_id != by_domain.id


def test_unknown_account_or_owner_is_a_validation_error_naming_the_field(
    db: Session, actor: Actor
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        service.upsert_contact(
            db, ContactCreate(email="q@acme.com", account_id=999999, owner_id=999999), actor=actor
        )
    assert {e.field for e in caught.value.errors} == {"account_id", "owner_id"}
    assert _count(db, Contact, Contact.email == "q@acme.com") == 0


def test_consent_changes_are_kept_with_source_and_text_shown(db: Session, actor: Actor) -> None:
    contact, _ = service.upsert_contact(
        db,
        ContactCreate(
            email="c@acme.com",
            email_opt_in="opted_in",
            consent_source="form: newsletter",
            consent_text_shown="Send me the newsletter",
        ),
        actor=actor,
    )
    service.update_contact(db, contact.id, ContactUpdate(city="Paris"), actor=actor)
    service.set_consent(
        db, contact.id, field="do_not_email", value=True, source="phone call", actor=actor
    )
    # Setting the same value again records nothing.
    service.set_consent(
        db, contact.id, field="do_not_email", value=True, source="phone call", actor=actor
    )
    history = service.consent_history(db, contact.id, actor=actor)
    assert [(h.field, h.old_value, h.new_value, h.source) for h in history] == [
        ("email_opt_in", None, "opted_in", "form: newsletter"),
        ("do_not_email", "false", "true", "phone call"),
    ]
    assert history[0].text_shown == "Send me the newsletter"
    assert history[0].by_user_id == actor.user_id
    assert contact.do_not_email is True


def test_a_consent_value_of_the_wrong_kind_is_refused(db: Session, actor: Actor) -> None:
    contact = make_contact(db)
    with pytest.raises(ValidationFailed):
        service.set_consent(
            db, contact.id, field="email_opt_in", value=True, source="x", actor=actor
        )
    with pytest.raises(ValidationFailed):
        service.set_consent(
            db, contact.id, field="do_not_call", value="yes", source="x", actor=actor
        )
    assert _count(db, ConsentChange, ConsentChange.contact_id == contact.id) == 0


def test_update_changes_only_given_fields_and_refuses_a_taken_email(
    db: Session, actor: Actor
) -> None:
    taken = make_contact(db, email="taken@acme.com")
    contact = make_contact(db, first_name="Ann", last_name="Lee", phone="1")
    service.update_contact(db, contact.id, ContactUpdate(phone=None, city="Rome"), actor=actor)
    assert (contact.first_name, contact.phone, contact.city) == ("Ann", None, "Rome")
    with pytest.raises(ResourceAlreadyExists):
        service.update_contact(db, contact.id, ContactUpdate(email=taken.email), actor=actor)
    with pytest.raises(ResourceNotFound):
        service.update_contact(db, 999999, ContactUpdate(city="x"), actor=actor)


def test_setting_account_to_null_takes_the_contact_out_of_its_account(
    db: Session, actor: Actor
) -> None:
    contact = make_contact(db, account=make_account(db))
    service.update_contact(db, contact.id, ContactUpdate(account_id=None), actor=actor)
    assert contact.account_id is None


def test_apply_stage_sets_stage_and_time(db: Session, frozen_clock: FrozenClock) -> None:
    contact = make_contact(db)
    service.apply_stage(db, contact.id, "mql", frozen_clock.now())
    assert (contact.lifecycle_stage, contact.stage_entered_at) == ("mql", frozen_clock.now())
    with pytest.raises(ValidationFailed):
        service.apply_stage(db, contact.id, "hot", frozen_clock.now())


def test_detail_loads_the_account(db: Session) -> None:
    account = make_account(db, name="Umbrella")
    contact = make_contact(db, account=account)
    db.expunge_all()
    assert service.get_contact_detail(db, contact.id).account.name == "Umbrella"  # type: ignore[union-attr]


# --- custom fields ---------------------------------------------------------------------------


def test_custom_values_are_checked_against_their_definitions(db: Session, actor: Actor) -> None:
    make_custom_field(db, key="employees_band", field_type="choice", choices=["1-10", "11-50"])
    make_custom_field(db, key="trial_ends", field_type="date")
    make_custom_field(db, key="seats", field_type="number")
    make_custom_field(db, key="partner", field_type="boolean")
    contact, _ = service.upsert_contact(
        db,
        ContactCreate(
            email="cf@acme.com",
            custom={
                "employees_band": "1-10",
                "trial_ends": "2026-04-01",
                "seats": "12",
                "partner": "yes",
            },
        ),
        actor=actor,
    )
    assert contact.custom == {
        "employees_band": "1-10",
        "trial_ends": "2026-04-01",
        "seats": 12,
        "partner": True,
    }
    with pytest.raises(ValidationFailed) as caught:
        service.update_contact(
            db,
            contact.id,
            ContactUpdate(
                custom={"industry_vertical": "x", "seats": "many", "employees_band": "500+"}
            ),
            actor=actor,
        )
    assert {e.field for e in caught.value.errors} == {
        "custom.industry_vertical",
        "custom.seats",
        "custom.employees_band",
    }
    service.update_contact(db, contact.id, ContactUpdate(custom={"seats": None}), actor=actor)
    assert "seats" not in contact.custom and contact.custom["partner"] is True


def test_custom_field_keys_are_unique_per_entity_and_choices_only_grow(
    db: Session, actor: Actor
) -> None:
    data = CustomFieldDefinitionCreate(
        entity="contact", key="tier", label="Tier", field_type="choice", choices=["a", "b"]
    )
    definition = service.define_custom_field(db, data, actor=actor)
    with pytest.raises(ResourceAlreadyExists):
        service.define_custom_field(db, data, actor=actor)
    service.define_custom_field(db, data.model_copy(update={"entity": "account"}), actor=actor)
    service.update_custom_field(
        db, definition.id, CustomFieldDefinitionUpdate(choices=["a", "b", "c"]), actor=actor
    )
    with pytest.raises(ValidationFailed):
        service.update_custom_field(
            db, definition.id, CustomFieldDefinitionUpdate(choices=["a"]), actor=actor
        )
    assert [d.key for d in service.list_custom_fields(db, "contact")] == ["tier"]


# --- accounts --------------------------------------------------------------------------------


def test_upsert_account_dedupes_on_the_normalised_domain(db: Session, actor: Actor) -> None:
    first, created = service.upsert_account(
        db, AccountCreate(name="Globex", domain="https://www.Globex.com/about"), actor=actor
    )
    again, created_again = service.upsert_account(
        db, AccountCreate(name="Globex Corp", domain="globex.com", industry="Energy"), actor=actor
    )
    assert created and not created_again and first.id == again.id
    assert (again.name, again.domain, again.industry) == ("Globex Corp", "globex.com", "Energy")


def test_an_account_domain_belongs_to_one_account(db: Session, actor: Actor) -> None:
    make_account(db, domain="hooli.com")
    other = make_account(db)
    with pytest.raises(ResourceAlreadyExists):
        service.update_account(db, other.id, AccountUpdate(domain="hooli.com"), actor=actor)
