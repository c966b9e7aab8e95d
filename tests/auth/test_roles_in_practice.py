"""The rules a buyer checks first: product never sees contact details; sales reps work
their own or unassigned records; the CLI acts for the installation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.service import actor_for
from huddle.contacts import service
from huddle.contacts.schemas import ContactUpdate, TouchCreate
from huddle.core.errors import NotPermitted
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact

SECRET_EMAIL = "private.person@secret-co.example"
SECRET_PHONE = "+44 20 7946 0000"


@pytest.fixture
def product(app, db: Session) -> TestClient:  # type: ignore[no-untyped-def]
    user = make_user(db, role="product", team="product")
    db.commit()
    return sign_in(TestClient(app, base_url="http://testserver"), user)


def test_product_sees_no_email_or_phone_in_the_api(product: TestClient, db: Session) -> None:
    contact = make_contact(db, email=SECRET_EMAIL, phone=SECRET_PHONE, first_name="Pat")
    service.store_touch(
        db,
        TouchCreate(
            contact_id=contact.id,
            type="form_submit",
            properties={"email": SECRET_EMAIL, "phone_number": SECRET_PHONE, "utm_source": "ads"},
        ),
        actor=actor_for(make_user(db, role="marketing")),
    )
    db.commit()
    one = product.get(f"/api/v1/contacts/{contact.id}")
    assert one.status_code == 200
    assert (one.json()["email"], one.json()["phone"]) == (None, None)
    assert one.json()["first_name"] == "Pat"
    listing = product.get("/api/v1/contacts").text
    timeline = product.get(f"/api/v1/contacts/{contact.id}/timeline")
    assert timeline.json()["items"][0]["data"]["properties"] == {"utm_source": "ads"}
    for text in (one.text, listing, timeline.text):
        assert SECRET_EMAIL not in text and SECRET_PHONE not in text
    assert product.get("/api/v1/contacts/export.csv").status_code == 403


def test_product_sees_no_email_or_phone_in_the_ui(product: TestClient, db: Session) -> None:
    contact = make_contact(
        db, email=SECRET_EMAIL, phone=SECRET_PHONE, first_name=None, last_name=None
    )
    db.commit()
    for url in (f"/contacts/{contact.id}", "/contacts", "/contacts?q=secret-co"):
        page = product.get(url)
        assert page.status_code == 200, url
        assert SECRET_EMAIL not in page.text and SECRET_PHONE not in page.text, url
    assert f"Contact #{contact.id}" in product.get(f"/contacts/{contact.id}").text
    # Searching by email would confirm who is in the database: it finds nothing for them.
    assert product.get("/api/v1/contacts", params={"q": "private.person"}).json()["items"] == []
    assert (
        product.get("/contacts", params={"q": "private.person"}).text.count(
            f"/contacts/{contact.id}"
        )
        == 0
    )


def test_everyone_else_sees_them(client: TestClient, db: Session) -> None:
    contact = make_contact(db, email=SECRET_EMAIL, phone=SECRET_PHONE)
    db.commit()
    assert client.get(f"/api/v1/contacts/{contact.id}").json()["email"] == SECRET_EMAIL
    found = client.get("/api/v1/contacts", params={"q": "private.person"}).json()["items"]
    assert [c["id"] for c in found] == [contact.id]
    assert SECRET_PHONE in client.get(f"/contacts/{contact.id}").text


def test_a_sales_rep_edits_own_and_unassigned_contacts_only(db: Session) -> None:
    rep = actor_for(make_user(db, role="sales_rep", team="sales"))
    colleague = make_user(db, role="sales_rep", team="sales")
    mine = make_contact(db, owner_id=rep.user_id)
    pool = make_contact(db)
    theirs = make_contact(db, owner_id=colleague.id)
    service.update_contact(db, mine.id, ContactUpdate(job_title="CFO"), actor=rep)
    # Claiming an unassigned contact is allowed; afterwards it is theirs.
    service.update_contact(db, pool.id, ContactUpdate(owner_id=rep.user_id), actor=rep)
    assert pool.owner_id == rep.user_id
    with pytest.raises(NotPermitted):
        service.update_contact(db, theirs.id, ContactUpdate(job_title="CFO"), actor=rep)
    assert theirs.job_title is None
    # A manager is not limited to their own book.
    manager = actor_for(make_user(db, role="sales_manager", team="sales"))
    service.update_contact(db, theirs.id, ContactUpdate(job_title="CFO"), actor=manager)


def test_a_sales_rep_sees_no_stage_form_on_a_colleagues_contact(app, db: Session) -> None:  # type: ignore[no-untyped-def]
    rep = make_user(db, role="sales_rep", team="sales")
    colleague = make_user(db, role="sales_rep", team="sales")
    theirs = make_contact(db, owner_id=colleague.id)
    pool = make_contact(db)
    db.commit()
    browser = sign_in(TestClient(app, base_url="http://testserver"), rep)
    assert 'id="stage-form"' not in browser.get(f"/contacts/{theirs.id}").text
    assert 'id="stage-form"' in browser.get(f"/contacts/{pool.id}").text
    refused = browser.post(f"/contacts/{theirs.id}/stage", data={"to_stage": "mql"})
    assert refused.status_code == 403
