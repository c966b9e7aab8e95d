"""Two leads sign a new SLA version in the browser; a hand-off starts a clock; the dashboard
shows compliance and the at-risk lead's live countdown."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from huddle.auth import service as auth_service
from huddle.auth.models import User
from huddle.auth.schemas import UserCreate
from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.contacts.service import TouchRow
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.core.events import publish
from huddle.routing.events import LeadHandedOff
from tests.e2e.conftest import LiveServer, shot

pytestmark = pytest.mark.browser

MARKETING_LEAD = "olivia.ops@sla-e2e.example"
SALES_LEAD = "victor.sales@sla-e2e.example"
_handoffs = itertools.count(90_000)
TUESDAY_MORNING = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def _sign_in_as(page: Page, server: LiveServer, email: str) -> None:
    page.context.clear_cookies()
    page.goto("/login")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")


def _hand_off(server: LiveServer, email: str, owner_email: str, *, touched: bool) -> None:
    with unit_of_work(server.factory) as session:
        owner = session.scalar(select(User).where(User.email == owner_email))
        assert owner is not None
        contact = Contact(email=email, first_name=email.split(".")[0].title(), last_name="Prospect")
        session.add(contact)
        session.flush()
        publish(
            session,
            LeadHandedOff(
                handoff_id=next(_handoffs),
                contact_id=contact.id,
                owner_id=owner.id,
                team="sales",
                rule="e2e",
                reason="browser test",
                at=clock.now(),
                actor=SYSTEM,
            ),
        )
        if touched:
            contacts_service.record_touches(
                session,
                [
                    TouchRow(
                        type="call_logged",
                        occurred_at=clock.now() + timedelta(seconds=1),
                        contact_id=contact.id,
                        properties={},
                    )
                ],
                actor=SYSTEM,
            )


def test_two_leads_sign_and_the_dashboard_counts_down(
    page: Page, live_server: LiveServer, test_clock: clock.ShiftedClock
) -> None:
    # A Tuesday morning in the reps' working hours: the waiting lead is due within hours,
    # so its countdown shows seconds (on a weekend it would be days away).
    test_clock.set(TUESDAY_MORNING)
    with unit_of_work(live_server.factory) as session:
        for email, name, team, role in (
            (MARKETING_LEAD, "Olivia Ops", "marketing", "marketing_ops"),
            (SALES_LEAD, "Victor Sales", "sales", "sales_manager"),
        ):
            auth_service.create_user(
                session,
                UserCreate(
                    email=email, name=name, team=team, role=role, password=live_server.password
                ),
                actor=SYSTEM,
            )

    _sign_in_as(page, live_server, MARKETING_LEAD)
    page.get_by_role("link", name="SLA", exact=True).click()
    expect(page.get_by_text("No SLA is in force")).to_be_visible()
    shot(page, "60-sla-empty")
    page.get_by_role("link", name="Draft the agreement").click()
    form = page.locator("#new-draft")
    form.get_by_label("Title").fill("Marketing and sales SLA 2027")
    form.get_by_role("button", name="Save draft").click()
    expect(page.locator(".toast")).to_contain_text("Draft saved")
    version = page.locator(
        "section.card", has=page.get_by_role("heading", name=re.compile("SLA 2027"))
    )
    expect(version.get_by_test_id("status")).to_have_text("Draft")
    version.get_by_role("button", name="Sign for marketing").click()
    expect(version.get_by_test_id("status")).to_have_text("Draft")
    expect(version).to_contain_text("Olivia Ops")
    expect(version).to_contain_text("Waiting for sales")

    _sign_in_as(page, live_server, SALES_LEAD)
    page.goto("/sla/versions")
    version = page.locator(
        "section.card", has=page.get_by_role("heading", name=re.compile("SLA 2027"))
    )
    version.get_by_role("button", name="Sign for sales").click()
    expect(version.get_by_test_id("status")).to_have_text("Active")
    expect(version).to_contain_text("Victor Sales")
    shot(page, "61-sla-versions")

    _hand_off(live_server, "met.fast@sla-e2e.example", SALES_LEAD, touched=True)
    _hand_off(live_server, "waiting.lead@sla-e2e.example", SALES_LEAD, touched=False)
    page.goto("/sla")
    expect(page.get_by_test_id("overall-compliance")).to_have_text("100.0%")
    terms = page.get_by_test_id("compliance-by-term")
    expect(terms.locator("tr", has_text="First sales touch")).to_contain_text("100.0%")
    at_risk = page.get_by_test_id("at-risk")
    expect(at_risk).to_contain_text("Waiting")
    countdown = at_risk.locator(".sla-countdown").first
    expect(countdown).to_have_text(re.compile(r"^\d h \d\d min \d\d s left$"))
    expect(countdown).not_to_have_text(countdown.text_content() or "")  # it ticks
    shot(page, "62-sla-dashboard")

    at_risk.get_by_role("link", name="Waiting Prospect").first.click()
    card = page.locator("#sla")
    expect(card).to_contain_text("First sales touch")
    expect(card).to_contain_text("Running")
    shot(page, "64-sla-contact")

    page.goto("/sla/review")
    expect(page.get_by_role("heading", name=re.compile("Quarterly review"))).to_be_visible()
    shot(page, "63-sla-review")
