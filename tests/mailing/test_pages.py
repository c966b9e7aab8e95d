"""The Email pages and API: a template written in the form (refused with the reason when
unsafe), its live preview in a sandboxed iframe, a test send to the person, the send log
and the suppression list; and the JSON API for the same."""

from __future__ import annotations

import html as html_lib

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.mailing.models import EmailSend, EmailSuppression, EmailTemplate
from tests.conftest import csrf_of, make_user, sign_in
from tests.contacts.factories import make_contact
from tests.mailing.conftest import Inbox, deliver_queued
from tests.mailing.factories import make_template

FORM = {
    "name": "Nurture one",
    "subject": "Hi {{ contact.first_name | default('there') }}",
    "html_body": "<p>Hello {{ contact.first_name | default('there') }}</p>",
    "text_body": "",
}


def _post(client: TestClient, url: str, data: dict[str, str]) -> object:
    return client.post(url, data={**data, "csrf_token": csrf_of(client)}, follow_redirects=False)


def test_a_template_is_written_previewed_and_saved_in_the_pages(
    db: Session, client: TestClient
) -> None:
    contact = make_contact(db, first_name="<b>Ada</b>")
    db.commit()
    assert client.get("/email").status_code == 200
    assert client.get("/email/templates/new").status_code == 200

    preview = client.post("/email/preview", data={**FORM, "contact_id": str(contact.id)})
    assert preview.status_code == 200
    assert 'sandbox=""' in preview.text
    # The HTML is in the srcdoc attribute, escaped (the contact's own markup twice over).
    assert 'srcdoc="&lt;p&gt;Hello &amp;lt;b&amp;gt;Ada' in preview.text
    assert "Hi &lt;b&gt;Ada&lt;/b&gt;" in preview.text

    saved = _post(client, "/email/templates", FORM)
    assert saved.status_code == 303  # type: ignore[attr-defined]
    template = db.scalar(select(EmailTemplate).where(EmailTemplate.name == "Nurture one"))
    assert template is not None
    assert saved.headers["location"] == f"/email/templates/{template.id}"  # type: ignore[attr-defined]
    page = client.get(f"/email/templates/{template.id}")
    assert page.status_code == 200 and "Nurture one" in page.text


def test_an_unsafe_template_is_refused_in_the_form_with_the_reason(
    db: Session, client: TestClient
) -> None:
    refused = _post(client, "/email/templates", {**FORM, "html_body": "{{ ''.__class__ }}"})
    preview = client.post("/email/preview", data={**FORM, "subject": "{{ cycler.__init__ }}"})

    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert "__class__" in html_lib.unescape(refused.text)  # type: ignore[attr-defined]
    assert db.scalar(select(EmailTemplate)) is None
    assert preview.status_code == 422 and "__init__" in html_lib.unescape(preview.text)


def test_a_test_send_goes_to_the_person_testing_without_tracking(
    db: Session, client: TestClient, admin: object, smtp: Inbox
) -> None:
    template = make_template(db)
    contact = make_contact(db, first_name="Ada")
    db.commit()

    sent = _post(client, f"/email/templates/{template.id}/test", {"contact_id": str(contact.id)})
    assert sent.status_code == 303  # type: ignore[attr-defined]
    deliver_queued(db)

    [(_, [to], raw)] = smtp.messages
    assert to == admin.email  # type: ignore[attr-defined]
    assert b"Subject: [Test] Welcome, Ada" in raw
    assert b"/e/c/" not in raw and b"/e/o/" not in raw
    assert contact.email is not None and contact.email.encode() not in raw.split(b"\r\n\r\n")[0]


def test_the_send_log_and_suppression_list_pages(db: Session, client: TestClient) -> None:
    make_contact(db)
    db.add(EmailSend(idempotency_key="k", status="skipped", reason="unsubscribed"))
    db.commit()

    log = client.get("/email/sends?status=skipped")
    assert log.status_code == 200 and "unsubscribed" in log.text
    added = _post(
        client,
        "/email/suppressions",
        {"email": "Gone@Example.org", "reason": "bounce", "detail": ""},
    )
    assert added.status_code == 303  # type: ignore[attr-defined]
    row = db.scalar(select(EmailSuppression))
    assert row is not None and (row.email, row.reason) == ("gone@example.org", "bounce")
    assert "gone@example.org" in client.get("/email/suppressions").text
    bad = _post(client, "/email/suppressions", {"email": "not an address", "reason": "manual"})
    assert bad.status_code == 422  # type: ignore[attr-defined]
    removed = _post(client, f"/email/suppressions/{row.id}/delete", {})
    assert removed.status_code == 303  # type: ignore[attr-defined]
    assert db.scalar(select(EmailSuppression)) is None


def test_the_pages_are_for_those_who_manage_email(db: Session, anon_client: TestClient) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    db.commit()
    sign_in(anon_client, rep)

    assert anon_client.get("/email").status_code == 403
    assert 'href="/email"' not in anon_client.get("/").text


def test_the_api_creates_sends_once_per_key_and_takes_bounce_events(
    db: Session, client: TestClient, smtp: Inbox
) -> None:
    contact = make_contact(db)
    db.commit()
    created = client.post("/api/v1/mailing/templates", json={**FORM, "text_body": None})
    assert created.status_code == 201, created.text
    template_id = created.json()["id"]
    refused = client.post(
        "/api/v1/mailing/templates",
        json={**FORM, "name": "Evil", "html_body": "{{ lipsum.__globals__ }}"},
    )
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "html_body"]

    body = {"template_id": template_id, "contact_id": contact.id, "idempotency_key": "wf-1"}
    first = client.post("/api/v1/mailing/sends", json=body)
    again = client.post("/api/v1/mailing/sends", json=body)
    assert first.status_code == again.status_code == 202
    assert first.json()["status"] == "queued" and again.json()["repeated"] is True
    deliver_queued(db)
    assert len(smtp.messages) == 1
    [logged] = client.get("/api/v1/mailing/sends").json()
    assert logged["status"] == "sent" and logged["idempotency_key"] == "wf-1"

    events = client.post(
        "/api/v1/mailing/events",
        json={"events": [{"type": "complaint", "email": contact.email}]},
    )
    assert events.json() == {"suppressed": 1, "already_suppressed": 0}
    later = client.post("/api/v1/mailing/sends", json={**body, "idempotency_key": "wf-2"})
    assert later.json()["status"] == "skipped"
    assert later.json()["reason"] == "suppressed (complaint)"
    suppressions = client.get("/api/v1/mailing/suppressions").json()
    assert [s["reason"] for s in suppressions] == ["complaint"]
