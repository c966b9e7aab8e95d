"""A marketer sets up a score model and MQL criteria in the UI; a touch arrives via the API;
the contact becomes an MQL at once and its page explains the score."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser

# A touch type of this test's own, so the seeded contacts other tests rely on stay as they are.
KIND = "e2e_demo_requested"
RULES = [
    {"name": "Asked for a demo", "kind": "behaviour", "points": 45, "event": {"types": [KIND]}}
]


def test_rule_edit_then_touch_makes_an_mql(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Scoring").click()
    expect(page.get_by_role("heading", name="Scoring", exact=True)).to_be_visible()

    new = page.locator("#model-new")
    new.get_by_label("Name", exact=True).fill("Sales readiness")
    new.get_by_label("Primary model").uncheck()
    # The JSON is the builder's "advanced" view, collapsed until asked for.
    new.locator("details.builder-json", has=page.get_by_label("Rules (JSON)")).locator(
        "summary"
    ).click()
    wrong = {"field": "contact.shoe_size", "op": "eq", "value": "9"}
    new.get_by_label("Rules (JSON)").fill(
        json.dumps([{"name": "x", "kind": "fit", "points": 5, "when": wrong}])
    )
    new.get_by_role("button", name="Save new version").click()
    expect(page.locator("#model-new .alert")).to_contain_text("shoe_size")
    new = page.locator("#model-new")
    new.locator("details.builder-json", has=page.get_by_label("Rules (JSON)")).locator(
        "summary"
    ).click()
    new.get_by_label("Rules (JSON)").fill(json.dumps(RULES))
    new.get_by_role("button", name="Save new version").click()
    expect(page.locator(".toast")).to_contain_text("Sales readiness saved")
    model = page.locator("section.card", has=page.get_by_role("heading", name="Sales readiness"))
    expect(model).to_contain_text("Asked for a demo")
    model_id = int(re.sub(r"\D", "", model.get_attribute("id") or ""))

    criteria = {"field": f"score.{model_id}", "op": "gte", "value": 40}
    page.locator("#mql details.builder-json summary").click()
    page.get_by_label("Condition (JSON)").fill(json.dumps(criteria))
    page.locator("#mql-form").get_by_role("button", name="Back-test 6 months").click()
    expect(page.locator("#mql")).to_contain_text("New MQLs with your change")
    page.locator("#mql-form").get_by_role("button", name="Save criteria").click()
    expect(page.locator("#mql")).to_contain_text("Sales readiness ≥ 40")
    shot(page, "20-scoring-settings")

    # The API signed in by the browser's cookie needs the page's CSRF token, as huddle.js sends.
    csrf = {"X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""}
    created = page.request.post(
        "/api/v1/contacts",
        data={"email": "eve.eager@eager-robotics.co", "first_name": "Eve", "last_name": "Eager"},
        headers=csrf,
    )
    assert created.ok, created.text()
    contact_id = created.json()["id"]
    # A touch's type must be registered (Settings > Tracking) before any path takes it.
    registered = page.request.post(
        "/api/v1/tracking/event-types",
        data={"name": KIND, "label": "Demo requested (e2e)", "category": "marketing"},
        headers=csrf,
    )
    assert registered.ok, registered.text()
    touched = page.request.post(
        f"/api/v1/contacts/{contact_id}/touches", data={"type": KIND}, headers=csrf
    )
    assert touched.ok, touched.text()

    page.goto(f"/contacts/{contact_id}")
    expect(page.locator("h1 .badge")).to_have_text("MQL")
    card = page.locator("#scores")
    expect(card).to_contain_text("Sales readiness")
    expect(card).to_contain_text("Asked for a demo")
    expect(page.locator("#lifecycle")).to_contain_text("MQL criteria v1")
    shot(page, "21-contact-scores")

    page.locator(".record-meta a[href^='/accounts/']").first.click()
    group = page.locator("#buying-group")
    expect(group).to_contain_text("Sales readiness")
    expect(group).to_contain_text("Eve Eager")
    shot(page, "22-account-engagement")
