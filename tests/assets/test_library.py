"""The asset library over HTTP: marketing adds an asset (a draft), only an approver
approves it, and the page's forms do the same without JSON."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.conftest import make_user, sign_in

API = "/api/v1"


def test_an_added_asset_is_a_draft_until_approved(client: TestClient) -> None:
    made = client.post(
        f"{API}/assets",
        json={"title": "ROI calculator", "url": "https://example.com/roi", "kind": "tool"},
    )
    assert made.status_code == 201 and made.json()["status"] == "draft"
    again = client.post(f"{API}/assets", json={"title": "roi calculator", "url": "https://x.io/a"})
    assert again.status_code == 422
    bad = client.post(f"{API}/assets", json={"title": "Guide", "url": "javascript:alert(1)"})
    assert bad.status_code == 422
    asset_id = made.json()["id"]
    approved = client.post(f"{API}/assets/{asset_id}/status", json={"status": "approved"})
    assert approved.json()["status"] == "approved" and approved.json()["approved_at"]
    listed = client.get(f"{API}/assets").json()
    assert [(a["title"], a["status"]) for a in listed] == [("ROI calculator", "approved")]


def test_the_page_adds_an_asset_and_marketing_may_not_approve_it(
    anon_client: TestClient, db: Session
) -> None:
    sign_in(anon_client, make_user(db, role="marketing", team="marketing"))
    form = {"title": "Buyer's guide", "url": "https://example.com/guide", "kind": "ebook"}
    assert anon_client.post("/assets", data=form, follow_redirects=False).status_code == 303
    page = anon_client.get("/assets").text
    assert "Buyer&#39;s guide" in page and "Approve</button>" not in page
    refused = anon_client.post("/assets", data={**form, "url": "not an address"})
    assert refused.status_code == 422 and "http://" in refused.text
    asset_id = anon_client.get(f"{API}/assets").json()[0]["id"]
    denied = anon_client.post(f"{API}/assets/{asset_id}/status", json={"status": "approved"})
    assert denied.status_code == 403
