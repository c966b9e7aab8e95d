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
from tests.sla.factories import activate, actor_of, hand_off

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
    assert "2026-12-25, 2026-12-26" in page.text, "the calendar's holidays are listed"
    assert 'href="/sla/versions?calendar=team%3Asales#calendars"' in page.text
    editing = client.get("/sla/versions", params={"calendar": "team:sales"})
    assert '<option value="team:sales" selected>' in editing.text
    assert 'value="2026-12-25, 2026-12-26"' in editing.text, "the form starts from it"


def test_the_terms_builder_check_says_what_is_wrong_or_what_each_term_promises(
    client: TestClient,
) -> None:
    said = client.post(
        "/sla/terms/check",
        data={
            "value": json.dumps([*TERMS, {"key": "demo", "kind": "customer_response", "hours": 2}])
        },
    )
    assert said.status_code == 200
    assert "First sales touch within 4 business hours of hand-off" in said.text
    assert "Reply to demo_requested / quote_requested within 2 business hours" in said.text
    wrong = client.post(
        "/sla/terms/check",
        data={"value": json.dumps([{"key": "x", "kind": "decision", "label": "Yes or no"}])},
    )
    assert "term 1 (Yes or no), hours:</span> is required" in wrong.text
    assert "builder-sentences" not in wrong.text
    empty = client.post("/sla/terms/check", data={"value": ""})
    assert "No measured terms" in empty.text
    broken = client.post("/sla/terms/check", data={"value": "[{"})
    assert "not valid JSON" in broken.text


def test_a_draft_is_edited_from_the_page_and_its_signatures_lapse(
    anon_client: TestClient, db: Session
) -> None:
    marketer = make_user(db, role="marketing_ops", team="marketing")
    sign_in(anon_client, marketer)
    version = service.create_draft(db, actor_of(marketer), title="SLA", body="text", terms=TERMS)
    service.sign(db, actor_of(marketer), version.id, "marketing")
    db.commit()
    page = anon_client.get("/sla/versions")
    assert f'action="/sla/versions/{version.id}/edit"' in page.text
    bad = anon_client.post(
        f"/sla/versions/{version.id}/edit",
        data={"title": "SLA", "body": "text", "terms": json.dumps([{"kind": "decision"}])},
    )
    assert bad.status_code == 422 and "Terms[0] key: must be lower-case" in bad.text
    assert "&#34;kind&#34;: &#34;decision&#34;" in bad.text, "the refused terms stay in the form"
    db.refresh(version)
    assert version.terms == TERMS, "a refused change changes nothing"
    changed = [{"key": "decision", "kind": "decision", "hours": 8}]
    done = anon_client.post(
        f"/sla/versions/{version.id}/edit",
        data={"title": "SLA 2", "body": "text", "terms": json.dumps(changed)},
        follow_redirects=False,
    )
    assert done.status_code == 303
    db.refresh(version)
    assert (version.title, version.terms) == ("SLA 2", changed)
    assert service.signatures(db, [version.id])[version.id] == []


def test_a_role_that_may_not_draft_sees_the_agreement_read_only(
    anon_client: TestClient, db: Session
) -> None:
    rep = make_user(db, role="sales_rep", team="sales")
    sign_in(anon_client, rep)
    page = anon_client.get("/sla/versions")
    assert page.status_code == 200
    assert 'id="read-only"' in page.text and "Only admins" in page.text
    assert page.text.count("disabled>") >= 2, "the draft and the calendar forms are disabled"
    refused = anon_client.post("/sla/versions", data={"title": "SLA", "terms": json.dumps(TERMS)})
    assert refused.status_code == 403
