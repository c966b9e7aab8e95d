"""Marketing ops defines a custom field in Settings on a phone (390 px) with the form, not
JSON, and finds it offered in the contact list's filter, where a contact is found by it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import LiveServer, shot, sign_in

pytestmark = pytest.mark.browser


def test_define_a_custom_field_on_a_phone_and_filter_by_it(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Custom fields").click()
    expect(page.get_by_role("heading", name="Custom fields", exact=True)).to_be_visible()

    form = page.locator("#field-new")
    form.get_by_label("Applies to").select_option("contact")
    form.get_by_label("Label", exact=True).fill("Partner level")
    form.get_by_label("Key", exact=True).fill("partner_level")
    form.get_by_label("Type", exact=True).select_option("choice")
    form.get_by_label("Choices").fill("Gold\nSilver")
    form.get_by_role("button", name="Add field").click()
    expect(page.locator(".toast")).to_contain_text("Partner level")
    expect(page.locator("#contact-fields")).to_contain_text("contact.custom.partner_level")
    shot(page, "40-custom-fields-phone")
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"the page scrolls {wide} px sideways at 390 px"

    # A contact with a value, through the API as an integration would send it.
    csrf = {"X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""}
    created = page.request.post(
        "/api/v1/contacts",
        data={
            "email": "gina.gold@fields-e2e.example",
            "first_name": "Gina",
            "last_name": "Gold",
            "custom": {"partner_level": "Gold"},
        },
        headers=csrf,
    )
    assert created.ok, created.text()

    page.goto("/contacts")
    page.get_by_label("Custom field", exact=True).select_option("contact.custom.partner_level")
    page.get_by_label("Custom field condition").select_option("eq")
    page.get_by_label("Custom field value").fill("Gold")
    page.get_by_label("Custom field value").press("Enter")
    expect(page.locator("#results")).to_contain_text("Gina Gold")
    expect(page.locator("#results tbody tr")).to_have_count(1)
