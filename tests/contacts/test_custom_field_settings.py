"""Settings > Custom fields through HTTP, as a marketing-ops person uses it: add fields with
forms (a choice field with its options), rename one, add a choice, archive and restore;
mistakes are said next to the form and change nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service
from tests.conftest import make_user, sign_in
from tests.web.forms import submitted

PAGE = "/settings/fields"


def test_add_edit_archive_and_restore_a_field(client: TestClient, db: Session) -> None:
    empty = client.get(PAGE)
    assert empty.status_code == 200 and "No contact fields yet" in empty.text
    assert 'href="/settings/fields"' in empty.text  # in the navigation

    submitted(
        client,
        PAGE,
        {
            "entity": "contact",
            "label": "Plan tier",
            "key": "plan_tier",
            "field_type": "choice",
            "choices": "Free\nPro, Enterprise",
        },
    )
    submitted(
        client,
        PAGE,
        {"entity": "account", "label": "Seats", "key": "seats", "field_type": "number"},
    )
    fields = service.list_custom_fields(db)
    assert [(f.entity, f.key, f.field_type, f.choices) for f in fields] == [
        ("account", "seats", "number", []),
        ("contact", "plan_tier", "choice", ["Free", "Pro", "Enterprise"]),
    ]
    tier = next(f for f in fields if f.key == "plan_tier")
    listed = client.get(PAGE).text
    assert "contact.custom.plan_tier" in listed and "Free, Pro, Enterprise" in listed

    submitted(
        client, f"{PAGE}/{tier.id}", {"label": "Tier", "choices": "Free\nPro\nEnterprise\nTeam"}
    )
    db.refresh(tier)
    assert (tier.label, tier.choices) == ("Tier", ["Free", "Pro", "Enterprise", "Team"])

    seats = next(f for f in fields if f.key == "seats")
    submitted(client, f"{PAGE}/{seats.id}", {"label": "Licensed seats"})  # no choices to send
    db.refresh(seats)
    assert seats.label == "Licensed seats"

    submitted(client, f"{PAGE}/{tier.id}/archive", {})
    db.refresh(tier)
    assert tier.archived
    page = client.get(PAGE).text
    assert "Archived" in page and "Restore" in page
    # An archived field is no longer offered in the contact list's filter.
    assert "contact.custom.plan_tier" not in client.get("/contacts").text
    submitted(client, f"{PAGE}/{tier.id}/restore", {})
    db.refresh(tier)
    assert not tier.archived
    api = client.get(f"/api/v1/custom-fields/{tier.id}").json()
    assert (api["label"], api["archived"]) == ("Tier", False)


def test_mistakes_are_said_on_the_page_and_change_nothing(client: TestClient, db: Session) -> None:
    bad_key = client.post(
        PAGE, data={"entity": "contact", "label": "X", "key": "Not OK", "field_type": "text"}
    )
    assert bad_key.status_code == 422
    assert "key" in bad_key.text.lower() and 'value="Not OK"' in bad_key.text
    no_choices = client.post(
        PAGE, data={"entity": "contact", "label": "Tier", "key": "tier", "field_type": "choice"}
    )
    assert no_choices.status_code == 422 and "at least one choice" in no_choices.text
    assert service.list_custom_fields(db) == []

    submitted(
        client,
        PAGE,
        {
            "entity": "contact",
            "label": "Tier",
            "key": "tier",
            "field_type": "choice",
            "choices": "A\nB",
        },
    )
    twice = client.post(
        PAGE, data={"entity": "contact", "label": "Again", "key": "tier", "field_type": "text"}
    )
    assert twice.status_code == 409 and "already exists" in twice.text
    [tier] = service.list_custom_fields(db)
    removed = client.post(f"{PAGE}/{tier.id}", data={"label": "Tier", "choices": "A"})
    assert removed.status_code == 422 and "keep B" in removed.text
    db.refresh(tier)
    assert tier.choices == ["A", "B"]


def test_only_who_configures_fields_sees_the_page(anon_client: TestClient, db: Session) -> None:
    rep = make_user(db, role="sales_rep")
    db.commit()
    sign_in(anon_client, rep)
    assert anon_client.get(PAGE).status_code == 403
    refused = anon_client.post(
        PAGE, data={"entity": "contact", "label": "X", "key": "x", "field_type": "text"}
    )
    assert refused.status_code == 403
    assert service.list_custom_fields(db) == []
