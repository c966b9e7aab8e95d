"""The import wizard in a real browser: a messy lead list (no known export's header,
placeholder words, a bad email, stages nobody uses, a person twice) uploaded, a column mapped
to a new custom field, the dry run's counts and reasons read, the file imported, and the
new field found on the imported contacts. Screenshots of each step at 1,400 and 390 px go
to /tmp/wizard-shots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from huddle.contacts.importing.models import ImportMapping
from huddle.contacts.models import Contact
from huddle.core.db import unit_of_work
from tests.contacts.fixtures.wizard import messy_leads
from tests.e2e.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/wizard-shots")


def _shots(page: Page, name: str) -> None:
    """The step at a desktop and a phone width, whole pages, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1400, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def test_import_a_messy_file_with_a_new_custom_field(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    source = messy_leads(tmp_path / "trade-fair-leads.csv")
    sign_in(page, live_server)
    page.get_by_role("link", name="Imports").click()
    page.set_input_files("#file", str(source))
    _shots(page, "1-upload")
    page.get_by_role("button", name="Upload and map columns").click()

    # Map: the suggestions are there; the budget column becomes a new number field.
    expect(page.get_by_role("heading", name="Map the columns")).to_be_visible()
    expect(page.get_by_label("Huddle field for the column Email Address")).to_have_value("email")
    expect(page.get_by_label("Huddle field for the column Surname")).to_have_value("last_name")
    budget = page.get_by_label("Huddle field for the column Budget (USD)")
    expect(budget).to_have_value("")
    expect(page.get_by_text("3 placeholders")).to_be_visible()
    budget.select_option(label="New custom field…")
    panel = page.get_by_role("group", name="New custom field for Budget (USD)")
    expect(panel).to_be_visible()
    expect(panel.get_by_label("Name")).to_have_value("Budget (USD)")
    expect(panel.get_by_label("Type")).to_have_value("number")
    expect(page.locator("#mapped-count")).to_have_text("7 of 8 columns mapped")
    _shots(page, "2-map")
    page.get_by_role("button", name="Check the whole file").click()

    # The dry run: counts and reasons, nothing written yet.
    expect(page).to_have_url(re.compile(r"/imports/wizard/[\w-]+/check$"))
    outcome = page.locator(".counts.outcome")
    expect(outcome.locator("div", has_text="New contacts").locator("dd")).to_have_text("6")
    expect(outcome.locator("div", has_text="Unchanged").locator("dd")).to_have_text("1")
    expect(outcome.locator("div", has_text="Refused").locator("dd")).to_have_text("3")
    reasons = page.get_by_role("region", name="Reasons rows would be refused")
    guru = reasons.get_by_role("row").filter(has_text="unknown lifecycle stage 'Guru'")
    expect(guru).to_contain_text("Lead status")
    expect(guru).to_contain_text("7, 9")
    expect(reasons).to_contain_text("Email Address")
    with unit_of_work(live_server.factory) as session:
        assert (
            session.scalars(select(Contact).where(Contact.email == "dev@quarry-labs.test")).first()
            is None
        )
    _shots(page, "3-check")

    page.get_by_label("Save this mapping as (optional)").fill("Trade fair leads")
    page.get_by_role("button", name="Import 7 rows").click()

    # Live progress on the import's page until the worker is done.
    expect(page).to_have_url(re.compile(r"/imports/\d+$"))
    expect(page.locator(".toast")).to_contain_text("saved as “Trade fair leads”")
    card = page.locator("#job")
    expect(card).to_contain_text("Finished", timeout=20_000)
    expect(card.locator(".counts div", has_text="Created").locator("dd")).to_have_text("6")
    expect(card.locator(".counts div", has_text="Failed").locator("dd")).to_have_text("3")
    _shots(page, "4-imported")

    # The new field holds the file's values: the contact list filters on it.
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_label("Custom field", exact=True).select_option("contact.custom.budget_usd")
    page.get_by_label("Custom field condition").select_option("gte")
    page.get_by_label("Custom field value").fill("20000")
    page.get_by_label("Custom field value").press("Enter")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Dev Rao")
    with unit_of_work(live_server.factory) as session:
        dev = session.scalars(select(Contact).where(Contact.email == "dev@quarry-labs.test")).one()
        assert dev.custom == {"budget_usd": 30000}


def test_a_saved_mapping_is_offered_for_the_next_file_and_errors_are_announced(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    with unit_of_work(live_server.factory) as session:
        session.add(
            ImportMapping(
                name="Partner list",
                mapping={"Email Address": "email", "Surname": "last_name", "Given name": None},
            )
        )
    sign_in(page, live_server)
    page.goto("/imports")
    page.set_input_files("#file", str(messy_leads(tmp_path / "more-leads.csv")))
    page.get_by_role("button", name="Upload and map columns").click()
    page.get_by_label("Huddle field for the column Email Address").select_option("")
    page.get_by_role("button", name="Check the whole file").click()

    errors = page.locator("#wizard-errors")
    expect(errors).to_have_attribute("aria-live", "assertive")
    expect(errors.get_by_role("alert")).to_contain_text("No column is mapped to 'email'")
    expect(page.get_by_label("Huddle field for the column Given name")).to_have_value("first_name")
    _shots(page, "5-map-error")

    page.get_by_role("link", name="Use the saved mapping Partner list").click()
    expect(page.get_by_text("Using “Partner list”")).to_be_visible()
    expect(page.get_by_label("Huddle field for the column Email Address")).to_have_value("email")
    expect(page.get_by_label("Huddle field for the column Given name")).to_have_value("")
    expect(page.get_by_label("Huddle field for the column Organisation")).to_have_value("")
