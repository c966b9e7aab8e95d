"""Temporary: screenshots of the packet and contact card with a boosted model (not committed)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.predictive import service
from tests.e2e.conftest import LiveServer, shot, sign_in
from tests.predictive.test_records import _history
from tests.routing.test_web import _routed

pytestmark = pytest.mark.browser


def test_shots(page: Page, live_server: LiveServer) -> None:
    with unit_of_work(live_server.factory) as session:
        contacts = _history(session)
        version = service.train_from_records(session, actor=SYSTEM, algorithm="boosted", seed=2)
        service.activate(session, version.id, actor=SYSTEM)
        contact_id = contacts[5].id
    with unit_of_work(live_server.factory) as session:
        _, _, _, handoff = _routed(session)
        handoff_id = handoff.id
    sign_in(page, live_server)
    for width, height in ((1400, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/contacts/{contact_id}")
        expect(page.locator("#prediction")).to_contain_text("because")
        page.locator("#prediction").scroll_into_view_if_needed()
        page.locator("#prediction").screenshot(path=f"/tmp/shots-pred-icp/contact-card-{width}.png")
        page.goto(f"/queue/{handoff_id}")
        expect(page.locator("#packet-prediction")).to_be_visible()
        shot(page, f"packet-{width}")
        page.goto("/settings/scoring#grading")
        shot(page, f"scoring-settings-{width}")
