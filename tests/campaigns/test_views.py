"""The campaigns pages: forms, not JSON; refusals shown beside the form."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.campaigns.factories import make_campaign
from tests.conftest import csrf_of, make_user, sign_in


def test_create_a_campaign_add_cost_and_a_rule(client: TestClient) -> None:
    token = csrf_of(client)
    created = client.post(
        "/campaigns",
        data={
            "csrf_token": token,
            "name": "Spring webinar",
            "channel": "webinar",
            "utm_campaign": "",
            "starts_on": "2024-03-01",
            "ends_on": "",
            "budget": "3000",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    detail = created.headers["location"]
    assert detail.startswith("/campaigns/")
    cost = client.post(
        f"{detail}/costs",
        data={
            "csrf_token": token,
            "spent_on": "2024-03-14",
            "amount": "1200",
            "note": "Speaker fee",
        },
        follow_redirects=False,
    )
    assert cost.status_code == 303
    rule = client.post(
        f"{detail}/rules",
        data={
            "csrf_token": token,
            "field": "utm_campaign",
            "operator": "contains",
            "value": "spring",
            "position": "1",
        },
        follow_redirects=False,
    )
    assert rule.status_code == 303
    page = client.get(detail)
    assert "Speaker fee" in page.text
    assert "$1,200" in page.text
    assert "spring" in page.text
    listed = client.get("/campaigns")
    assert "Spring webinar" in listed.text
    assert "$1,800" in listed.text  # left of the budget


def test_a_refused_form_keeps_what_was_typed(client: TestClient, db: Session) -> None:
    make_campaign(db, name="Taken")
    refused = client.post(
        "/campaigns",
        data={
            "csrf_token": csrf_of(client),
            "name": "Taken",
            "channel": "email",
            "utm_campaign": "",
            "starts_on": "2024-03-05",
            "ends_on": "2024-03-01",
            "budget": "abc",
        },
    )
    assert refused.status_code == 422
    assert "Budget" in refused.text
    assert 'value="2024-03-05"' in refused.text


def test_sales_sees_campaigns_without_the_forms(anon_client: TestClient, db: Session) -> None:
    make_campaign(db, name="Visible")
    sign_in(anon_client, make_user(db, role="sales_rep"))
    page = anon_client.get("/campaigns")
    assert page.status_code == 200
    assert "Visible" in page.text
    assert "New campaign" not in page.text
    assert anon_client.get("/campaigns/new").status_code == 403
