"""The SLA pages over real HTTP: the dashboard, drafting and signing, the review, the
contact's SLA card."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from huddle.sla import service
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.sla.factories import activate, hand_off

TERMS = [{"key": "first_touch", "kind": "first_touch", "hours": 4}]


def test_dashboard_without_an_agreement_invites_a_draft(client: TestClient) -> None:
    page = client.get("/sla")
    assert page.status_code == 200
    assert "No SLA is in force" in page.text and 'href="/sla"' in page.text


def test_draft_and_sign_through_the_pages(anon_client: TestClient, db: Session) -> None:
    marketer = make_user(db, role="marketing_ops", team="marketing")
    manager = make_user(db, role="sales_manager", team="sales")
    sign_in(anon_client, marketer)
    bad = anon_client.post("/sla/versions", data={"title": "SLA", "body": "x", "terms": "[{oops"})
    assert bad.status_code == 422 and "not valid JSON at line 1" in bad.text
    done = anon_client.post(
        "/sla/versions",
        data={
            "title": "SLA 2027",
            "body": "# Hello <script>x</script>",
            "terms": json.dumps(TERMS),
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    (version,) = [v for v in service.list_versions(db) if v.title == "SLA 2027"]
    page = anon_client.get("/sla/versions")
    assert "<title>SLA versions · Huddle</title>" in page.text
    assert page.text.count('id="calendars"') == 1, "the calendars card appears once, in the page"
    assert "<h1>Hello &lt;script&gt;x&lt;/script&gt;</h1>" in page.text
    assert "Sign for marketing" in page.text and "Sign for sales" not in page.text
    anon_client.post(f"/sla/versions/{version.id}/sign", data={"side": "marketing"})
    assert version.status == "draft"
    refused = anon_client.post(f"/sla/versions/{version.id}/sign", data={"side": "sales"})
    assert refused.status_code == 403
    sign_in(anon_client, manager)
    anon_client.post(f"/sla/versions/{version.id}/sign", data={"side": "sales"})
    db.refresh(version)
    assert version.status == "active"
    dashboard = anon_client.get("/sla")
    assert "Version" in dashboard.text and "First sales touch" in dashboard.text


def test_dashboard_shows_compliance_and_at_risk_leads(
    client: TestClient, db: Session, admin: User
) -> None:
    activate(db, TERMS)
    contact = make_contact(db, first_name="Risky", last_name="Lead")
    hand_off(db, contact.id, admin.id, at=clock.now())
    page = client.get("/sla?period=week")
    assert page.status_code == 200
    assert "Risky Lead" in page.text and "data-due=" in page.text
    card = client.get(f"/contacts/{contact.id}/sla")
    assert "First sales touch" in card.text and "Started" in card.text
    review = client.get("/sla/review")
    assert review.status_code == 200 and "Quarterly review" in review.text


def test_calendars_are_saved_from_the_page_with_precise_errors(
    client: TestClient, db: Session
) -> None:
    wrong = client.post(
        "/sla/calendars",
        data={
            "scope": "team:sales",
            "time_zone": "Europe/Berlin",
            "hours": '{"mon": ["17:00", "09:00"]}',
            "holidays": "",
        },
    )
    assert wrong.status_code == 422 and "must end after it starts" in wrong.text
    saved = client.post(
        "/sla/calendars",
        data={
            "scope": "team:sales",
            "time_zone": "Europe/Berlin",
            "hours": '{"mon": ["09:00", "18:00"]}',
            "holidays": "2026-12-25, 2026-12-26",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = client.get("/sla/versions")
    assert "Europe/Berlin" in page.text and "Mon 09:00\u201318:00" in page.text
