"""Campaigns over the JSON API: precise refusals, costs summing to the actual cost."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.conftest import make_user, sign_in

API = "/api/v1"


def test_create_cost_and_rule_over_the_api(client: TestClient) -> None:
    created = client.post(
        f"{API}/campaigns",
        json={
            "name": "Partner launch",
            "channel": "partner",
            "budget": 5000,
            "starts_on": "2024-03-01",
        },
    )
    assert created.status_code == 201, created.text
    campaign_id = created.json()["id"]
    for amount in (1000, 250.25):
        added = client.post(
            f"{API}/campaigns/{campaign_id}/costs",
            json={"spent_on": "2024-03-14", "amount": amount},
        )
        assert added.status_code == 201, added.text
    rule = client.post(
        f"{API}/campaigns/{campaign_id}/utm-rules",
        json={"field": "utm_medium", "operator": "contains", "value": "partner"},
    )
    assert rule.status_code == 201, rule.text
    shown = client.get(f"{API}/campaigns/{campaign_id}").json()
    assert shown["cost"] == 1250.25
    assert [r["value"] for r in shown["rules"]] == ["partner"]
    listed = {c["name"]: c for c in client.get(f"{API}/campaigns").json()}
    assert listed["Partner launch"]["cost"] == 1250.25
    gone = client.delete(f"{API}/campaigns/{campaign_id}/costs/{shown['costs'][0]['id']}")
    assert gone.status_code == 204
    assert client.get(f"{API}/campaigns/{campaign_id}").json()["cost"] == 250.25


def test_bad_input_is_refused_naming_the_field_and_changes_nothing(client: TestClient) -> None:
    before = client.get(f"{API}/campaigns").json()
    for body, field in (
        ({"name": "x", "channel": "billboards"}, "channel"),
        ({"name": "", "channel": "email"}, "name"),
        ({"name": "x", "channel": "email", "budget": -1}, "budget"),
    ):
        refused = client.post(f"{API}/campaigns", json=body)
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"][-1] == field
    created = client.post(f"{API}/campaigns", json={"name": "Ok", "channel": "email"}).json()
    negative = client.post(
        f"{API}/campaigns/{created['id']}/costs", json={"spent_on": "2024-03-14", "amount": 0}
    )
    assert negative.status_code == 422
    assert negative.json()["detail"][0]["loc"][-1] == "amount"
    assert len(client.get(f"{API}/campaigns").json()) == len(before) + 1


def test_sales_reads_but_does_not_manage(anon_client: TestClient, db: Session) -> None:
    sign_in(anon_client, make_user(db, role="sales_rep"))
    assert anon_client.get(f"{API}/campaigns").status_code == 200
    refused = anon_client.post(f"{API}/campaigns", json={"name": "Mine", "channel": "outbound"})
    assert refused.status_code == 403
    assert anon_client.post(f"{API}/campaigns/remap").status_code == 403


def test_mapping_past_touches_is_queued(client: TestClient) -> None:
    queued = client.post(f"{API}/campaigns/remap")
    assert queued.status_code == 202
    assert queued.json()["job_id"] > 0
