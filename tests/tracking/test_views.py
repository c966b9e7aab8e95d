"""The tracking settings page: sites with their snippet, forms, event types."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.tracking.models import EventType, Form, Site
from tests.conftest import csrf_of, make_user, sign_in
from tests.tracking.factories import ORIGIN, THANKS
from tests.web.forms import submitted

XSS = "<script>alert(1)</script>"


def test_empty_page_explains_what_to_do(client: TestClient) -> None:
    html = client.get("/settings/tracking").text
    assert "No websites tracked yet" in html
    assert "Add a website" in html
    assert "page_view" in html  # the seeded event types
    assert 'href="/settings/tracking"' in html  # in the nav


def test_add_a_site_see_its_snippet_and_add_a_form(client: TestClient, db: Session) -> None:
    submitted(
        client,
        "/settings/tracking/sites",
        {"name": XSS, "allowed_origins": ORIGIN, "allowed_redirects": THANKS},
    )
    site = db.scalars(select(Site)).one()
    html = client.get("/settings/tracking").text
    assert f'data-site="{site.site_key}"' in html.replace("&#34;", '"')
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    submitted(
        client,
        "/settings/tracking/forms",
        {
            "site_id": str(site.id),
            "name": "Pricing guide",
            "fields": "email, Work email, email, required\nconsent, News please, checkbox",
            "consent_field": "consent",
            "thank_you_url": THANKS,
        },
    )
    form = db.scalars(select(Form)).one()
    assert form.fields[0] == {
        "name": "email",
        "label": "Work email",
        "type": "email",
        "required": True,
    }
    assert f"/f/{form.form_key}" in client.get("/settings/tracking").text


def test_a_bad_form_is_answered_with_the_reason(client: TestClient, db: Session) -> None:
    submitted(client, "/settings/tracking/sites", {"name": "Main", "allowed_origins": ORIGIN})
    site = db.scalars(select(Site)).one()
    response = client.post(
        "/settings/tracking/forms",
        data={
            "site_id": str(site.id),
            "name": "Open redirect",
            "fields": "email, Email, email",
            "thank_you_url": "https://evil.example/",
        },
    )
    assert response.status_code == 422
    assert "allowed redirect" in response.text
    assert db.scalars(select(Form)).all() == []


def test_people_who_may_not_configure_tracking_see_it_read_only(
    anon_client: TestClient, db: Session
) -> None:
    rep = make_user(db, role="marketing", team="marketing")
    db.commit()
    sign_in(anon_client, rep)
    page = anon_client.get("/settings/tracking")
    assert page.status_code == 200
    assert "Only admins and marketing ops can change this." in page.text
    assert 'fieldset class="bare" disabled' in page.text
    added = anon_client.post(
        "/settings/tracking/sites",
        data={"name": "Shop", "allowed_origins": "https://shop.example"},
        headers={"X-CSRF-Token": csrf_of(anon_client)},
    )
    assert added.status_code == 403


def test_a_form_is_edited_in_place_and_keeps_its_url(client: TestClient, db: Session) -> None:
    submitted(
        client,
        "/settings/tracking/sites",
        {"name": "Main", "allowed_origins": ORIGIN, "allowed_redirects": f"{THANKS}\n{ORIGIN}/b"},
    )
    site = db.scalars(select(Site)).one()
    fields = "email, Work email, email, required\nconsent, News, checkbox"
    base = {"site_id": str(site.id), "name": "Guide", "fields": fields, "thank_you_url": THANKS}
    submitted(client, "/settings/tracking/forms", {**base, "consent_field": "consent"})
    form = db.scalars(select(Form)).one()
    key = form.form_key
    html = client.get("/settings/tracking").text
    assert f'action="/settings/tracking/forms/{form.id}"' in html
    assert "email, Work email, email, required" in html  # the fields as they were typed

    edited = "email, Email, email, required\nrole, Your role, text\nconsent, News, checkbox"
    changes = {"name": "Guide 2", "fields": edited, "thank_you_url": f"{ORIGIN}/b"}
    submitted(client, f"/settings/tracking/forms/{form.id}", {**changes, "consent_field": ""})
    db.expire_all()
    form = db.scalars(select(Form)).one()
    assert (form.name, form.form_key, form.thank_you_url) == ("Guide 2", key, f"{ORIGIN}/b")
    assert [f["name"] for f in form.fields] == ["email", "role", "consent"]
    assert form.consent_field is None  # cleared: no box records consent any more

    refused = client.post(
        f"/settings/tracking/forms/{form.id}",
        data={**changes, "thank_you_url": "https://evil.example/phish"},
    )
    assert refused.status_code == 422 and "thank" in refused.text.lower()
    db.expire_all()
    assert db.scalars(select(Form)).one().thank_you_url == f"{ORIGIN}/b"  # nothing changed


def test_a_label_with_a_comma_is_quoted_and_kept(client: TestClient, db: Session) -> None:
    submitted(
        client,
        "/settings/tracking/sites",
        {"name": "Main", "allowed_origins": ORIGIN, "allowed_redirects": THANKS},
    )
    site = db.scalars(select(Site)).one()
    fields = (
        'email, Work email, email, required\nconsent, "Yes, send me the ""Anvil"" news", checkbox'
    )
    base = {"site_id": str(site.id), "name": "Guide", "thank_you_url": THANKS}
    submitted(client, "/settings/tracking/forms", {**base, "fields": fields})
    form = db.scalars(select(Form)).one()
    assert form.fields[1] == {
        "name": "consent",
        "label": 'Yes, send me the "Anvil" news',
        "type": "checkbox",
        "required": False,
    }
    # The page gives the text back as typed, so saving it again changes nothing.
    html = client.get("/settings/tracking").text
    assert "consent, &#34;Yes, send me the &#34;&#34;Anvil&#34;&#34; news&#34;, checkbox" in html
    # The hosted form shows the label whole.
    assert "Yes, send me the &#34;Anvil&#34; news" in client.get(f"/f/{form.form_key}").text

    refused = client.post(
        f"/settings/tracking/forms/{form.id}",
        data={**base, "fields": 'email, Email, email\nconsent, "Yes, send me news, checkbox'},
    )
    assert refused.status_code == 422 and "line 2: quotes enclose a whole label" in refused.text
    db.expire_all()
    assert db.scalars(select(Form)).one().fields[1]["label"] == 'Yes, send me the "Anvil" news'


def test_an_event_type_is_edited_but_keeps_its_name(client: TestClient, db: Session) -> None:
    webinar = db.scalars(select(EventType).where(EventType.name == "webinar_attended")).one()
    assert (webinar.identifies, webinar.creates_contacts) == (True, True)
    html = client.get("/settings/tracking").text
    assert f'action="/settings/tracking/event-types/{webinar.id}"' in html

    # The boxes left unticked: it neither identifies nor creates contacts any more.
    submitted(
        client,
        f"/settings/tracking/event-types/{webinar.id}",
        {"label": "Webinar joined", "category": "sales"},
    )
    db.expire_all()
    webinar = db.get(EventType, webinar.id)
    assert webinar is not None
    assert (webinar.name, webinar.label, webinar.category) == (
        "webinar_attended",
        "Webinar joined",
        "sales",
    )
    assert (webinar.identifies, webinar.creates_contacts) == (False, False)

    refused = client.post(
        f"/settings/tracking/event-types/{webinar.id}",
        data={"label": "Webinar joined", "category": "gossip"},
    )
    assert refused.status_code == 422
    db.expire_all()
    assert db.get(EventType, webinar.id).category == "sales"  # type: ignore[union-attr]
