from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact


def test_the_audit_page_lists_changes_with_filters(client: TestClient, db: Session) -> None:
    contact = make_contact(db, lifecycle_stage="mql")
    db.commit()
    client.post(f"/api/v1/contacts/{contact.id}/stage", json={"to_stage": "sal"})

    page = client.get("/settings/audit")
    assert page.status_code == 200
    assert "Contact stage changed" in page.text
    assert f'href="/contacts/{contact.id}"' in page.text
    assert 'href="/settings/audit"' in page.text  # the nav item

    filtered = client.get("/settings/audit", params={"action": "contact.merged"})
    assert "No entries match these filters" in filtered.text
    partial = client.get(
        "/settings/audit", params={"subject_type": "contact"}, headers={"HX-Request": "true"}
    )
    assert partial.text.lstrip().startswith('<div id="results">')


def test_a_bad_date_is_named_and_nothing_is_listed(client: TestClient) -> None:
    response = client.get("/settings/audit", params={"since": "03/02/2026"})
    assert response.status_code == 422
    assert "a date like" in response.text


def test_people_without_the_permission_neither_see_nor_open_it(
    anon_client: TestClient, db: Session
) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    sign_in(anon_client, rep)
    assert 'href="/settings/audit"' not in anon_client.get("/").text
    assert anon_client.get("/settings/audit").status_code == 403


def test_the_trail_names_people_and_records_not_numbers(client: TestClient, db: Session) -> None:
    rep = make_user(db, name="Sam Sales", role="sales_rep", team="sales")
    lead = make_contact(db, first_name="Lisa", last_name="Simpson", lifecycle_stage="mql")
    db.commit()
    client.patch(f"/api/v1/contacts/{lead.id}", json={"owner_id": rep.id})

    html = client.get("/settings/audit").text
    row = html[html.index('title="contact.owner_changed"') :]
    row = row[: row.index("</tr>")]
    assert f'<a href="/contacts/{lead.id}">Lisa Simpson</a>' in row
    assert "Sam Sales" in row
    assert f"user #{rep.id}" not in row and f"#{lead.id}" not in row
    assert ">Contact owner changed</td>" in row
