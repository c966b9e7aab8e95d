"""The public endpoints over HTTP: /t.js, /t/collect, /f/{form_key}, the email links."""

from __future__ import annotations

import re
import time
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from itsdangerous import URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core.settings import Settings
from huddle.tracking import service
from huddle.tracking.models import Form, Site
from huddle.tracking.service.tokens import CLICK_SALT
from tests.contacts.factories import make_contact
from tests.tracking.factories import FIELDS, ORIGIN, THANKS, make_form, make_site

VISITOR = "a1b2c3d4e5f6a7b8c9d0e1f2"
EVIL = "https://evil.example"


def _views(db: Session) -> list[Touch]:
    return list(db.scalars(select(Touch).where(Touch.visitor_id == VISITOR).order_by(Touch.id)))


def _collect(
    client: TestClient,
    site: Site,
    *,
    origin: str | None = ORIGIN,
    content_type: str = "text/plain",
    **extra: Any,
) -> Any:
    body = {
        "k": site.site_key,
        "v": VISITOR,
        "e": [{"id": "pv1", "u": f"{ORIGIN}/pricing?utm_source=ads", "t": "Pricing", "r": ""}],
        **extra,
    }
    headers = {"Content-Type": content_type} | ({"Origin": origin} if origin else {})
    return client.post("/t/collect", content=orjson.dumps(body), headers=headers)


def test_the_snippet_is_served_as_a_small_script(anon_client: TestClient) -> None:
    response = anon_client.get("/t.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert len(response.content) < 8000
    assert "eval(" not in response.text and "/t/collect" in response.text


def test_a_page_view_from_an_allowed_origin_is_stored(anon_client: TestClient, db: Session) -> None:
    site = make_site(db)
    db.commit()
    response = _collect(anon_client, site)
    assert response.status_code == 204, response.text
    assert response.headers["access-control-allow-origin"] == ORIGIN
    [view] = _views(db)
    assert view.type == "page_view"
    assert view.properties["utm_source"] == "ads" and view.properties["title"] == "Pricing"
    # The same page view again (a retried beacon) is not stored twice.
    assert _collect(anon_client, site).status_code == 204
    assert len(_views(db)) == 1


def test_cors_is_refused_for_an_unlisted_origin(anon_client: TestClient, db: Session) -> None:
    site = make_site(db)
    db.commit()
    for origin in (EVIL, None, ORIGIN + ".evil.example", "null"):
        response = _collect(anon_client, site, origin=origin)
        assert response.status_code == 403, origin
        assert "access-control-allow-origin" not in response.headers
    preflight = anon_client.options(
        "/t/collect", headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 403
    assert "access-control-allow-origin" not in preflight.headers
    assert _views(db) == []
    allowed = anon_client.options(
        "/t/collect", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == ORIGIN


def test_bad_page_views_are_refused_precisely(anon_client: TestClient, db: Session) -> None:
    site = make_site(db)
    db.commit()
    assert _collect(anon_client, site, k="site_unknown").status_code == 404
    assert _collect(anon_client, site, v="short").status_code == 400
    assert (
        _collect(anon_client, site, e=[{"id": "x", "u": "javascript:alert(1)"}]).status_code == 400
    )
    assert (
        anon_client.post("/t/collect", content=b"{", headers={"Origin": ORIGIN}).status_code == 400
    )
    assert anon_client.get("/t/collect").status_code == 405
    assert _views(db) == []


def test_an_identity_token_from_an_email_click_stitches_the_visitor(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    site = make_site(db)
    contact = make_contact(db)
    db.commit()
    token = service.identity_token(settings.secret_key, contact.id)
    assert _collect(anon_client, site, i=token).status_code == 204
    [view] = _views(db)
    assert view.contact_id == contact.id


def test_a_configuration_change_applies_to_page_views_at_once(
    client: TestClient, db: Session
) -> None:
    site = make_site(db)
    db.commit()
    assert _collect(client, site).status_code == 204
    changed = client.patch(f"/api/v1/tracking/sites/{site.id}", json={"allowed_origins": []})
    assert changed.status_code == 200
    assert _collect(client, site).status_code == 403


# --- forms -----------------------------------------------------------------------------------


def _post_form(client: TestClient, form: Form, values: dict[str, Any], **headers: str) -> Any:
    data = {"_hd_ts": str(int((time.time() - 30) * 1000)), **values}
    return client.post(
        f"/f/{form.form_key}",
        data=data,
        headers={"Origin": ORIGIN, **headers},
        follow_redirects=False,
    )


def test_a_form_post_redirects_only_to_the_allowlisted_thank_you_url(
    anon_client: TestClient, db: Session
) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    attempts = [
        {"redirect": EVIL},
        {"next": EVIL, "thank_you_url": EVIL},
        {"_hd_redirect": "//evil.example"},
        {"return_to": "/\\evil.example"},
    ]
    for n, attempt in enumerate(attempts):
        response = _post_form(anon_client, form, {"email": f"p{n}@acme-rockets.example", **attempt})
        assert response.status_code == 303, response.text
        assert response.headers["location"] == THANKS
    as_json = anon_client.post(
        f"/f/{form.form_key}",
        json={"email": "j@acme-rockets.example", "_hd_ts": 1000, "redirect": EVIL},
        headers={"Origin": ORIGIN},
    )
    assert as_json.status_code == 200
    assert as_json.json()["redirect"] == THANKS
    assert db.scalar(select(Contact).where(Contact.email == "j@acme-rockets.example"))
    assert as_json.headers["access-control-allow-origin"] == ORIGIN


def test_a_form_post_from_an_unlisted_origin_is_refused(
    anon_client: TestClient, db: Session
) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    response = _post_form(anon_client, form, {"email": "x@acme-rockets.example"}, Origin=EVIL)
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
    preflight = anon_client.options(f"/f/{form.form_key}", headers={"Origin": EVIL})
    assert preflight.status_code == 403
    assert db.scalar(select(Contact).where(Contact.email == "x@acme-rockets.example")) is None


def test_the_honeypot_thanks_a_bot_and_stores_nothing(anon_client: TestClient, db: Session) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    response = _post_form(
        anon_client, form, {"email": "bot@spam.example", form.honeypot_field: "buy now"}
    )
    assert response.status_code == 303 and response.headers["location"] == THANKS
    assert db.scalar(select(Contact).where(Contact.email == "bot@spam.example")) is None


def test_form_posts_are_rate_limited_per_address(anon_client: TestClient, db: Session) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    statuses = [
        _post_form(anon_client, form, {"email": f"r{n}@acme-rockets.example"}).status_code
        for n in range(12)
    ]
    assert statuses == [303] * 10 + [429] * 2
    stored = db.scalars(select(Contact.email).where(Contact.email.like("r%@acme-rockets.example")))
    assert len(stored.all()) == 10


def test_the_hosted_form_page_shows_errors_next_to_the_field(
    anon_client: TestClient, db: Session
) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    page = anon_client.get(f"/f/{form.form_key}")
    assert page.status_code == 200
    assert 'name="email"' in page.text and 'name="_hd_ts"' in page.text
    assert form.consent_text is not None and form.consent_text in page.text
    response = _post_form(anon_client, form, {"email": "nope", "first_name": "<b>Wile</b>"})
    assert response.status_code == 422
    assert "is not an email address" in response.text
    assert "&lt;b&gt;Wile&lt;/b&gt;" in response.text


# --- email -----------------------------------------------------------------------------------


def test_email_links_accept_only_signed_tokens(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    contact = make_contact(db)
    db.commit()
    link = "https://docs.example.org/guide"
    token = service.click_token(settings.secret_key, contact.id, "launch", link)
    response = anon_client.get(f"/e/c/{token}", follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == link
    pixel = anon_client.get(
        f"/e/o/{service.open_token(settings.secret_key, contact.id, 'launch')}.gif"
    )
    assert pixel.status_code == 200 and pixel.headers["content-type"] == "image/gif"

    payload, signature = token.rsplit(".", 1)
    tampered = [
        f"{payload}.{signature[::-1]}",
        service.click_token("not-our-secret", contact.id, "launch", EVIL),
        token + "x",
        "garbage",
    ]
    for bad in tampered:
        refused = anon_client.get(f"/e/c/{bad}", params={"url": EVIL}, follow_redirects=False)
        assert refused.status_code == 404, bad
        assert "location" not in refused.headers
    assert anon_client.get("/e/o/forged.gif").status_code == 404
    touches = db.scalars(select(Touch.type).where(Touch.contact_id == contact.id)).all()
    assert sorted(touches) == ["email_clicked", "email_opened"]


# --- the security review's findings ------------------------------------------------------------


def test_a_form_post_with_someone_elses_email_takes_nothing_over(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    """A stranger's browser posts the hosted form with a known contact's email: the
    contact keeps its name, gains only what it lacked, and gets the submission but not the
    stranger's browsing, before or after, until that browser proves who it is."""
    site = make_site(db)
    form = make_form(db, site, fields=[*FIELDS, {"name": "phone", "label": "Phone"}])
    victim = make_contact(db, email="wile@acme-rockets.example", first_name="Wile", phone=None)
    db.commit()
    assert _collect(anon_client, site).status_code == 204  # browsing before the form
    values = {
        "email": "wile@acme-rockets.example",
        "first_name": "Mallory",
        "phone": "+1 555 0100",
        "_hd_vid": VISITOR,
    }
    assert _post_form(anon_client, form, values).status_code == 303
    later = {"id": "pv2", "u": f"{ORIGIN}/careers", "t": "Careers", "r": ""}
    assert _collect(anon_client, site, e=[later]).status_code == 204  # and after it

    db.refresh(victim)
    assert victim.first_name == "Wile"
    assert victim.phone == "+1 555 0100"  # an empty field may be filled
    [submission] = db.scalars(select(Touch).where(Touch.contact_id == victim.id)).all()
    assert submission.type == "form_submitted"
    assert submission.properties["first_name"] == "Mallory"
    assert submission.properties["identity"] == "unverified"
    assert submission.properties["not_applied"] == ["first_name"]
    assert [view.contact_id for view in _views(db) if view.type == "page_view"] == [None, None]

    # The same browser arriving from a signed email link is the contact: history joins.
    proof = {"id": "pv3", "u": f"{ORIGIN}/", "t": "Home", "r": ""}
    token = service.identity_token(settings.secret_key, victim.id)
    assert _collect(anon_client, site, e=[proof], i=token).status_code == 204
    assert {view.contact_id for view in _views(db)} == {victim.id}


def test_a_link_from_a_huddle_email_lets_the_person_update_their_own_details(
    anon_client: TestClient, db: Session, settings: Settings
) -> None:
    """The email's click link to a hosted form carries a signed identity, which the form
    page posts back: the same post that a stranger could not make changes the contact."""
    form = make_form(db, make_site(db))
    contact = make_contact(db, email="wile@acme-rockets.example", first_name="Wile")
    db.commit()
    hosted = f"{settings.public_url}/f/{form.form_key}"
    token = service.click_token(settings.secret_key, contact.id, "launch", hosted)
    clicked = anon_client.get(f"/e/c/{token}", follow_redirects=False)
    assert clicked.status_code == 302
    landing = clicked.headers["location"]
    assert landing.startswith(f"{hosted}?hd_id=")
    page = anon_client.get(landing.removeprefix(settings.public_url)).text
    identity = re.search(r'name="_hd_id" value="([^"]+)"', page)
    assert identity is not None

    values = {"email": contact.email, "first_name": "Wiley"}
    assert _post_form(anon_client, form, {**values, "_hd_id": "forged"}).status_code == 303
    db.refresh(contact)
    assert contact.first_name == "Wile"
    assert _post_form(anon_client, form, {**values, "_hd_id": identity[1]}).status_code == 303
    db.refresh(contact)
    assert contact.first_name == "Wiley"


UNSAFE_TARGETS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/phish",
    "/relative/path",
    "relative",
    "ftp://files.example/x",
    "https:evil.example",
    "https://user:pass@evil.example/",
    " https://evil.example/",
    "https://evil.example\\@good.example/",
]


@pytest.mark.parametrize("target", UNSAFE_TARGETS)
def test_a_signed_click_link_redirects_only_to_a_web_address(
    anon_client: TestClient, db: Session, settings: Settings, target: str
) -> None:
    """A token signed with the installation's key (by an older version, or by mistake)
    whose target is not an absolute http(s) URL is refused, not followed."""
    contact = make_contact(db)
    db.commit()
    payload = {"c": contact.id, "m": "launch", "u": target}
    token = URLSafeSerializer(settings.secret_key, salt=CLICK_SALT).dumps(payload)
    response = anon_client.get(f"/e/c/{token}", follow_redirects=False)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert db.scalars(select(Touch).where(Touch.contact_id == contact.id)).all() == []


def test_json_sent_as_plain_text_to_the_events_api_is_refused(
    client: TestClient, db: Session
) -> None:
    make_contact(db, email="wile@acme-rockets.example")
    db.commit()
    event = {
        "type": "webinar_attended",
        "idempotency_key": "plain-1",
        "email": "wile@acme-rockets.example",
    }
    body = orjson.dumps({"events": [event]})
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "text/json"):
        response = client.post(
            "/api/v1/events", content=body, headers={"Content-Type": content_type}
        )
        assert response.status_code == 415, (content_type, response.text)
        assert response.json()["code"] == "unsupported_media_type"
    assert db.scalars(select(Touch).where(Touch.type == "webinar_attended")).all() == []
    accepted = client.post(
        "/api/v1/events",
        content=body,
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert accepted.status_code == 200 and accepted.json()["stored"] == 1


def test_every_json_api_refuses_another_content_type(client: TestClient, db: Session) -> None:
    body = orjson.dumps({"email": "plain@acme-rockets.example"})
    for method, path in (
        ("POST", "/api/v1/contacts"),
        ("PATCH", "/api/v1/tracking/sites/1"),
        ("POST", "/api/v1/tracking/event-types"),
    ):
        response = client.request(
            method, path, content=body, headers={"Content-Type": "text/plain"}
        )
        assert response.status_code == 415, (method, path, response.text)
    assert db.scalar(select(Contact).where(Contact.email == "plain@acme-rockets.example")) is None
    # A POST without a body needs no content type.
    assert client.post("/api/v1/accounts/999999/enrich").status_code == 404


def test_page_views_sent_by_sendbeacon_as_plain_text_are_taken(
    anon_client: TestClient, db: Session
) -> None:
    site = make_site(db)
    db.commit()
    for content_type in ("text/plain;charset=UTF-8", "application/json"):
        assert _collect(anon_client, site, content_type=content_type).status_code == 204
    response = _collect(anon_client, site, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_a_malformed_form_post_is_a_400_but_the_honeypot_still_thanks(
    anon_client: TestClient, db: Session
) -> None:
    form = make_form(db, make_site(db))
    db.commit()
    url = f"/f/{form.form_key}"
    json_headers = {"Origin": ORIGIN, "Content-Type": "application/json"}
    for body, where in (
        (b"{not json", ["body"]),
        (b"[1, 2]", ["body"]),
        (orjson.dumps({"email": {"$ne": ""}, "_hd_ts": 1000}), ["body", "email"]),
    ):
        response = anon_client.post(url, content=body, headers=json_headers)
        assert response.status_code == 400, body
        assert response.json()["detail"][0]["loc"] == where
    unsupported = anon_client.post(
        url, content=b"email=a@b.example", headers={"Origin": ORIGIN, "Content-Type": "text/plain"}
    )
    assert unsupported.status_code == 415
    spam = orjson.dumps({"email": {"$ne": ""}, form.honeypot_field: "buy", "_hd_ts": 1000})
    thanked = anon_client.post(url, content=spam, headers=json_headers)
    assert thanked.status_code == 200 and thanked.json()["ok"] is True
    assert db.scalars(select(Contact)).all() == []


def test_a_page_view_is_stored_with_its_control_characters_cleaned_away(
    anon_client: TestClient, db: Session
) -> None:
    """A visited page's title is what the page says (not typed into Huddle): recorded on
    one line without control characters, never refused or lost."""
    site = make_site(db)
    db.commit()
    view = {"id": "pv1", "u": f"{ORIGIN}/pricing\x00", "t": "Pri\x00cing\n| Acme", "r": ""}
    response = anon_client.post(
        "/t/collect",
        content=orjson.dumps({"k": site.site_key, "v": VISITOR, "e": [view]}),
        headers={"Content-Type": "text/plain", "Origin": ORIGIN},
    )
    assert response.status_code == 204, response.text
    [stored] = _views(db)
    assert stored.properties["title"] == "Pricing | Acme"
    assert stored.properties["url"] == f"{ORIGIN}/pricing"
