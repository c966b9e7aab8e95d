"""A marketer adds a routing rule in the UI; a touch arrives via the events API with a
token; the contact becomes an MQL at once, lands in the assigned rep's queue with its
hand-off packet, and the rep accepts it (the lead becomes SAL)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from huddle.auth import service as auth_service
from huddle.auth import tokens
from huddle.auth.models import User
from huddle.auth.schemas import ApiTokenCreate, UserCreate
from huddle.core.actor import SYSTEM, Actor
from huddle.core.db import unit_of_work
from huddle.routing import service as routing
from huddle.routing.schemas import MemberWrite, PoolWrite
from huddle.scoring import service as scoring
from huddle.scoring.schemas import CriteriaWrite, ScoreModelWrite
from huddle.tracking import service as tracking
from huddle.tracking.schemas import EventTypeCreate
from tests.e2e.conftest import LiveServer, email_subjects_to, forget_mql_criteria, shot
from tests.e2e.seed import REP_EMAIL
from tests.mail import Inbox

pytestmark = pytest.mark.browser

# Touch types of this test's own, so the seeded contacts other tests rely on stay as they are.
KIND = "e2e_handoff_demo"
OPS_EMAIL = "olive.ops@huddle.example"
ALWAYS = {d: ["00:00", "23:59"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def _set_up(server: LiveServer) -> str:
    """A marketing-ops user with an ingest token, a team pool with the rep, a score model
    on this test's touch type and MQL criteria over it. Returns the token."""
    with unit_of_work(server.factory) as session:
        ops = auth_service.create_user(
            session,
            UserCreate(
                email=OPS_EMAIL,
                name="Olive Ops",
                team="marketing",
                role="marketing_ops",
                password=server.password,
            ),
            actor=SYSTEM,
        )
        rep = session.scalars(select(User).where(User.email == REP_EMAIL)).one()
        rep.working_hours, rep.out_of_office, rep.capacity = ALWAYS, False, None
        routing.save_pool(
            session,
            PoolWrite(name="E2E inside sales", members=[MemberWrite(user_id=rep.id, weight=1)]),
            actor=SYSTEM,
        )
        tracking.create_event_type(
            session,
            EventTypeCreate(
                name=KIND,
                label="Demo requested (hand-off test)",
                category="sales",
                identifies=True,
                creates_contacts=True,
            ),
            actor=SYSTEM,
        )
        model = scoring.save_model(
            session,
            ScoreModelWrite(
                name="Hand-off readiness",
                rules=[
                    {
                        "name": "Asked for a demo",
                        "kind": "behaviour",
                        "points": 60,
                        "event": {"types": [KIND]},
                    },
                ],
            ),
            actor=SYSTEM,
        )
        scoring.save_criteria(
            session,
            "mql",
            CriteriaWrite(condition={"field": f"score.{model.id}", "op": "gte", "value": 50}),
            actor=SYSTEM,
        )
        issued = tokens.issue_token(
            session,
            ApiTokenCreate(name="website", scopes=["ingest"]),
            actor=Actor.user(ops.id, role="marketing_ops", team="marketing"),
        )
        return issued.secret


def _sign_in(page: Page, server: LiveServer, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")


def test_rule_edit_then_api_touch_reaches_the_reps_queue(
    page: Page, live_server: LiveServer, smtp: Inbox
) -> None:
    token = _set_up(live_server)
    try:
        _journey(page, live_server, token)
    finally:
        forget_mql_criteria(live_server)
    # The packet reached the rep by email too (the outbox, sent by the server's worker).
    assert email_subjects_to(smtp, REP_EMAIL, wanted="New lead for you")


def _journey(page: Page, live_server: LiveServer, token: str) -> None:
    # The marketer adds the round-robin rule; the first try without a pool is refused.
    _sign_in(page, live_server, OPS_EMAIL)
    page.get_by_role("link", name="Routing").click()
    expect(page.get_by_role("heading", name="Routing", exact=True)).to_be_visible()
    form = page.locator("#rule-new-form")
    form.get_by_label("Name").fill("Inside sales round-robin")
    form.get_by_label("Kind").select_option(label="Round robin")
    form.get_by_role("button", name="Add rule").click()
    expect(page.locator("#rule-new-form .alert")).to_contain_text("needs a team pool")
    form = page.locator("#rule-new-form")
    form.get_by_label("Team pool").select_option(label="E2E inside sales")
    form.get_by_role("button", name="Add rule").click()
    expect(page.locator(".toast")).to_contain_text("Routing rule saved")
    expect(page.locator("#rules")).to_contain_text("Inside sales round-robin")
    shot(page, "30-routing-settings")
    page.get_by_role("button", name="Sign out").click()

    # The website reports a demo request with the marketing-ops token.
    sent = page.request.post(
        "/api/v1/events",
        data={
            "events": [
                {
                    "type": KIND,
                    "idempotency_key": "e2e-handoff-1",
                    "email": "nina.newlead@handoff-e2e.example",
                    "properties": {"product": "Huddle Enterprise"},
                }
            ]
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert sent.ok, sent.text()
    assert sent.json()["stored"] == 1 and sent.json()["failed"] == []

    # The rep finds the new MQL in their queue with its packet, and accepts it.
    _sign_in(page, live_server, REP_EMAIL)
    expect(page.locator("#bell .bell-count")).to_be_visible()
    page.get_by_role("link", name="Sales queue").click()
    card = page.locator(".lead-card", has_text="nina.newlead")
    if card.count() == 0:
        card = page.locator(".lead-card").first
    expect(card).to_contain_text("round-robin in E2E inside sales")
    expect(card).to_contain_text("They asked for a demo")
    expect(card).to_contain_text("Buying stage")
    shot(page, "31-sales-queue")
    card.get_by_role("link", name="Full packet").click()
    expect(page.locator("#main")).to_contain_text("Hand-off readiness")
    expect(page.locator("#decision")).to_contain_text("Eligible")
    expect(page.locator("#packet")).to_contain_text("Huddle Enterprise")
    shot(page, "32-handoff-packet")
    page.locator("#packet").get_by_role("button", name="Accept").click()
    expect(page.locator(".toast")).to_contain_text("Lead accepted")
    expect(page.locator("h1 .badge")).to_have_text("SAL")
    page.get_by_role("link", name="Open contact").click()
    expect(page.locator("#handoff")).to_contain_text("accepted")
    shot(page, "33-contact-handoff-card")
    page.get_by_role("link", name="Sales queue").click()
    expect(page.locator("#queue")).to_contain_text("No new leads waiting")
    shot(page, "34-sales-queue-empty")
    page.get_by_role("link", name="Notifications").click()
    expect(page.locator("#notifications")).to_contain_text("New lead for you")
    expect(page.locator("#bell .bell-count")).to_have_count(0)
    shot(page, "35-notifications")
