"""The contact list's bulk actions in a real browser, at a laptop's and a phone's width:
tick rows, choose the change, read the confirmation, see the outcome."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete

from huddle.contacts import service as contacts
from huddle.contacts.models import Account, Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from tests.e2e.conftest import LiveServer, forget_contacts, shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(params=[(1400, "Quokkawide"), (390, "Quokkanarrow")], ids=["1400", "390"])
def three(request: pytest.FixtureRequest, live_server: LiveServer) -> Iterator[tuple[int, str]]:
    """Three contacts of their own for the width's test (the other tests count the seeded
    ones: these are deleted afterwards)."""
    width, word = request.param
    with unit_of_work(live_server.factory) as session:
        for first in ("Ann", "Ben", "Cat"):
            contacts.upsert_contact(
                session,
                ContactCreate(
                    email=f"{first}.{word}@bulk.example", first_name=first, last_name=word
                ),
                actor=SYSTEM,
            )
    yield width, word
    forget_contacts(live_server, Contact.last_name == word)
    # And the companies they made: the accounts page's story counts the server's accounts.
    with unit_of_work(live_server.factory) as session:
        session.execute(delete(Account).where(Account.name.endswith(f" {word}")))


def test_assign_an_owner_to_ticked_contacts(
    page: Page, live_server: LiveServer, three: tuple[int, str]
) -> None:
    width, word = three
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server)
    page.goto(f"/contacts?q={word}")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#list-total")).to_contain_text("3 contacts")
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"the list is {wide} px wide at {width} px"

    rows.nth(0).get_by_role("checkbox").check()
    rows.nth(1).get_by_role("checkbox").check()
    page.get_by_label("Change to make").select_option("assign_owner")
    page.get_by_label("New owner").select_option(label="Owner: Rita Revops")
    shot(page, f"list-bulk-{width}")
    page.get_by_role("button", name="Review…").click()

    confirm = page.locator("#bulk-confirm")
    expect(confirm).to_contain_text("Give 2 contacts the owner Rita Revops")
    shot(page, f"list-bulk-confirm-{width}")
    page.get_by_role("button", name=re.compile("Change 2 contacts")).click()
    outcome = page.locator("#bulk-outcome")
    expect(outcome.locator("div", has_text="Changed").locator("dd")).to_have_text("2")
    shot(page, f"list-bulk-done-{width}")

    page.goto(f"/contacts?q={word}&owner=unassigned")
    expect(page.locator("#results tbody tr")).to_have_count(1)


def test_a_contact_page_fits_a_phone(page: Page, live_server: LiveServer) -> None:
    """At 390 px the record's header buttons wrap under it: none is cut off."""
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server)
    page.goto(f"/contacts/{live_server.seeded.star_id}")
    merge = page.get_by_role("link", name="Merge")
    expect(merge).to_be_visible()
    box = merge.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390, box
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"the contact page is {wide} px wide"
    shot(page, "list-contact-390")


@pytest.fixture(params=[(1400, "Wombatwide"), (390, "Wombatnarrow")], ids=["1400", "390"])
def at_companies(
    request: pytest.FixtureRequest, live_server: LiveServer
) -> Iterator[tuple[int, str]]:
    """Three contacts of the width's own: at Zeta, at Acme, and at no company."""
    width, word = request.param
    with unit_of_work(live_server.factory) as session:
        for first, company in (("Zed", f"Zeta {word}"), ("Amy", f"Acme {word}"), ("Nia", None)):
            contacts.upsert_contact(
                session,
                ContactCreate(
                    email=f"{first}.{word}@gmail.com",
                    first_name=first,
                    last_name=word,
                    company=company,
                ),
                actor=SYSTEM,
            )
    yield width, word
    forget_contacts(live_server, Contact.last_name == word)
    # And the companies they made: the accounts page's story counts the server's accounts.
    with unit_of_work(live_server.factory) as session:
        session.execute(delete(Account).where(Account.name.endswith(f" {word}")))


def test_the_list_sorts_by_company(
    page: Page, live_server: LiveServer, at_companies: tuple[int, str]
) -> None:
    width, word = at_companies
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server)
    page.goto(f"/contacts?q={word}&sort=-company")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(3)
    if width > 1000:  # the header sorts (phones get cards without one)
        page.locator("thead").get_by_role("link", name="Company").click()
        expect(page).to_have_url(re.compile(r"sort=company"))
    else:
        page.goto(f"/contacts?q={word}&sort=company")
    expect(rows.filter(has_text=f"Zeta {word}")).to_have_count(1)
    texts = [rows.nth(n).inner_text() for n in range(3)]
    companies = [t for t in texts if "Acme" in t or "Zeta" in t]
    assert "Acme" in companies[0] and "Zeta" in companies[1], texts
    # The contact without a company is at one end, not between them.
    assert texts.index(companies[1]) == texts.index(companies[0]) + 1, texts
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"the list is {wide} px wide at {width} px"
    shot(page, f"list-by-company-{width}")
