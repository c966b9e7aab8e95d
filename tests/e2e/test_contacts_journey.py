"""A person's day in a real browser: sign in, find a contact, read its story, add a note."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactCreate, TouchCreate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.lifecycle import service as lifecycle
from tests.e2e.conftest import LiveServer, forget_contacts, shot, sign_in

SYSTEM_TEST = Actor.system("test")

pytestmark = pytest.mark.browser


def test_anonymous_visitor_lands_on_sign_in(page: Page, live_server: LiveServer) -> None:
    page.goto("/contacts")
    expect(page).to_have_url(re.compile(r"/login\?next=/contacts$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    shot(page, "01-login")


def test_find_a_contact_read_its_story_and_add_a_note(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    shot(page, "02-home")

    page.get_by_role("link", name="Contacts", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/contacts")
    expect(page.locator("#results tbody tr")).to_have_count(10)
    shot(page, "03-contacts")

    # Typing filters through htmx: the URL follows, the page does not reload.
    page.evaluate("window.__stayed = true")
    page.get_by_label("Search", exact=True).fill("coyote")
    expect(page).to_have_url(re.compile(r"q=coyote"))
    expect(page.locator("#results tbody tr")).to_have_count(1)
    assert page.evaluate("window.__stayed === true")

    # Stages are ticked in a popover (several may be): Lead alone, then MQL alone.
    stages = page.locator(".f-stage")
    stages.locator("summary").click()
    stages.get_by_label("Lead", exact=True).check()
    expect(page).to_have_url(re.compile(r"stage=lead"))
    expect(page.locator("#results")).to_contain_text("No contacts match these filters")
    stages.get_by_label("Lead", exact=True).uncheck()
    stages.get_by_label("MQL", exact=True).check()
    # The search alone shows one row already: wait for the filtered answer and for the
    # list to have no request in flight (a late answer pushes its URL into the history,
    # which cancels a navigation the click below has started).
    expect(page).to_have_url(re.compile(r"stage=mql"))
    expect(page.locator("#list-loading.htmx-request")).to_have_count(0)
    expect(page.locator("#results tbody tr")).to_have_count(1)
    shot(page, "04-contacts-filtered")

    page.locator("#results").get_by_role("link", name="Wile Coyote").click()
    expect(page).to_have_url(f"{live_server.url}/contacts/{live_server.seeded.star_id}")
    expect(page.get_by_role("heading", name=re.compile("Wile Coyote"))).to_be_visible()
    timeline = page.locator("#timeline")
    expect(timeline.locator('[data-kind="touch"]').first).to_contain_text("Form submit")
    expect(timeline).to_contain_text("spring-webinar")
    expect(timeline.locator('[data-kind="stage_change"]').first).to_contain_text("MQL")
    history = page.locator("#lifecycle .history")
    expect(history).to_contain_text("Downloaded the pricing guide")
    expect(history).to_contain_text("Rita Revops")
    shot(page, "05-contact")

    page.evaluate("window.__stayed = true")
    page.get_by_label("Add a note").fill("Call booked for Thursday — bring the anvil catalogue.")
    page.get_by_role("button", name="Add note").click()
    expect(timeline.locator('[data-kind="note"]').first).to_contain_text("Call booked for Thursday")
    expect(page.locator(".toast")).to_contain_text("Note added.")
    expect(page.get_by_label("Add a note")).to_have_value("")
    assert page.evaluate("window.__stayed === true"), "the note should not reload the page"
    shot(page, "06-contact-note")

    page.get_by_label("Move to").select_option("sal")
    page.get_by_role("button", name="Change stage").click()
    expect(page.locator("#contact-page h1 .badge")).to_have_text("SAL")
    expect(history.locator("li").first).to_contain_text("SAL")


def test_the_contact_list_fits_a_laptop_screen(page: Page, live_server: LiveServer) -> None:
    """At 1,400 px the list shows without sideways scrolling: one of the two date columns
    gives way (the one the list is not sorted by), and long emails are cut (whole on hover)."""
    page.set_viewport_size({"width": 1400, "height": 900})
    sign_in(page, live_server)
    page.goto("/contacts")
    headers = page.locator("#results thead")
    expect(headers.get_by_role("columnheader", name="Created")).to_be_visible()
    expect(headers.get_by_role("columnheader", name="Updated")).to_be_hidden()
    wrap = page.locator("#results .table-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth"), "the list scrolls sideways"
    email = page.locator("#results tbody tr").first.locator("small")
    assert email.get_attribute("title") == email.inner_text()

    page.goto("/contacts?sort=-updated_at")
    expect(headers.get_by_role("columnheader", name="Updated")).to_be_visible()
    expect(headers.get_by_role("columnheader", name="Created")).to_be_hidden()
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth"), "the list scrolls sideways"

    page.set_viewport_size({"width": 1600, "height": 900})
    expect(headers.get_by_role("columnheader", name="Created")).to_be_visible()
    shot(page, "03b-contacts-wide")


def test_pipeline_and_accounts_pages(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    page.get_by_role("link", name="Opportunities").click()
    expect(page.locator(".column")).to_have_count(4)
    expect(page.locator(".deal")).to_have_count(4)
    expect(page.locator("#col-negotiation").locator("xpath=../..")).to_contain_text("Globex")
    shot(page, "07-pipeline")

    page.get_by_role("link", name="Accounts").click()
    expect(page.locator("#results tbody tr")).to_have_count(4)
    shot(page, "08-accounts")
    page.get_by_role("link", name="Acme Rockets").click()
    expect(page.locator("#people")).to_contain_text("Wile Coyote")
    shot(page, "09-account")


def _visits(live_server: LiveServer, contact_id: int, page_view: dict[str, str]) -> None:
    """The contact views a page now (stored as the snippet would, outside the browser)."""
    with unit_of_work(live_server.factory) as session:
        contacts.record_touch(
            session,
            TouchCreate(
                type="page_view",
                contact_id=contact_id,
                occurred_at=clock.now(),
                properties=page_view,
            ),
            actor=Actor.system("test"),
        )


def test_an_open_contact_page_shows_new_touches_as_they_arrive(
    page: Page, live_server: LiveServer
) -> None:
    """A rep on the phone with the contact sees the pricing page visit appear on top of the
    timeline within seconds, without reloading (and without losing a note being typed)."""
    sign_in(page, live_server)
    peter = live_server.seeded.ids["peter@initech.example"]
    page.goto(f"/contacts/{peter}")
    # The page asks on its own, and says so: such requests do not keep a session alive.
    with page.expect_request(lambda request: "/timeline/live" in request.url) as asked:
        pass
    assert asked.value.headers.get("x-huddle-poll") == "1"
    page.evaluate("window.__stayed = true")
    page.get_by_label("Add a note").fill("Mid-call notes")
    _visits(live_server, peter, {"url": "https://initech.example/pricing", "title": "Pricing"})
    newest = page.locator("#timeline-list > li").first
    expect(newest).to_contain_text("Pricing", timeout=8000)
    expect(newest).to_contain_text("Page view")
    expect(page.locator("#details")).to_contain_text("initech.example/pricing")  # last touch
    assert page.evaluate("window.__stayed === true"), "the page should not reload"
    expect(page.get_by_label("Add a note")).to_have_value("Mid-call notes")
    shot(page, "09b-live-timeline")


def test_an_open_contact_page_shows_a_stage_move_made_elsewhere(
    page: Page, live_server: LiveServer
) -> None:
    """A rep has the page open while the contact is moved on (by a rule, or a colleague):
    the Lifecycle card follows within seconds. A new touch alone leaves it, and a reason
    being typed there, as they are."""
    sign_in(page, live_server)
    lisa = live_server.seeded.ids["lisa@umbrella.example"]
    page.goto(f"/contacts/{lisa}")
    card = page.locator("#lifecycle")
    expect(card.locator(".card-head .badge")).to_have_text("MQL")
    page.get_by_label("Why").fill("Booked a demo")
    _visits(live_server, lisa, {"url": "https://umbrella.example/pricing"})
    expect(page.locator("#timeline-list > li").first).to_contain_text("Page view", timeout=8000)
    expect(page.get_by_label("Why")).to_have_value("Booked a demo")

    with unit_of_work(live_server.factory) as session:
        lifecycle.transition_stage(session, lisa, "sal", actor=Actor.system("test"))
    expect(card.locator(".card-head .badge")).to_have_text("SAL", timeout=8000)
    expect(card.locator(".history li").first).to_contain_text("MQL → SAL")
    expect(page.locator("#contact-page h1 .badge")).to_have_text("SAL")
    # The moves offered are those from SAL now.
    options = page.get_by_label("Move to").locator("option").all_inner_texts()
    assert "SAL" not in options and options, options
    shot(page, "09c-live-lifecycle")


def test_an_open_page_of_a_contact_merged_elsewhere_stops_asking_and_says_so(
    page: Page, live_server: LiveServer
) -> None:
    """A colleague merges the contact whose page a rep has open: the page stops polling a
    record that is gone (no error every 2 s) and tells the rep to reload."""
    with unit_of_work(live_server.factory) as session:
        make = contacts.create_contact
        kept = make(session, ContactCreate(email="gone-kept@merge.example"), actor=SYSTEM_TEST)
        gone = make(session, ContactCreate(email="gone-dup@merge.example"), actor=SYSTEM_TEST)
        kept_id, gone_id = kept.id, gone.id
    try:
        sign_in(page, live_server)
        page.goto(f"/contacts/{gone_id}")
        with page.expect_request(lambda request: "/timeline/live" in request.url):
            pass
        with unit_of_work(live_server.factory) as session:
            contacts.merge_contacts(session, kept_id, gone_id, actor=SYSTEM_TEST)
        notice = page.get_by_role("status").filter(has_text="no longer exists")
        expect(notice).to_be_visible(timeout=8000)
        expect(page.locator("#timeline-live")).to_have_count(0)  # no more polls
        notice.scroll_into_view_if_needed()
        shot(page, "09d-contact-merged-elsewhere")
    finally:
        forget_contacts(live_server, Contact.email.like("gone-%@merge.example"))


def test_a_refused_stage_move_is_explained_inline(page: Page, live_server: LiveServer) -> None:
    """Someone else moved the contact meanwhile: the stale move is refused (409) and the
    page says why, in place, without losing the rest of the page."""
    sign_in(page, live_server)
    milton = live_server.seeded.ids["milton@initech.example"]
    page.goto(f"/contacts/{milton}")
    page.get_by_label("Move to").select_option("lead")
    # The click comes before the page's next poll (which would show the move at once).
    page.evaluate("document.getElementById('timeline-live').remove()")
    with unit_of_work(live_server.factory) as session:
        lifecycle.transition_stage(session, milton, "disqualified", actor=Actor.system("test"))
    page.get_by_role("button", name="Change stage").click()
    alert = page.locator("#lifecycle .alert-error")
    expect(alert).to_be_visible()
    expect(page.locator("#contact-page h1 .badge")).to_have_text("Disqualified")
    shot(page, "10-stage-conflict")


def test_merge_two_records_choosing_values(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    keep = live_server.seeded.ids["peter@initech.example"]
    page.goto(f"/contacts/{keep}")
    page.get_by_label("Duplicate's email").fill("selma@gmail.com")
    page.get_by_role("button", name="Compare records").click()
    expect(page.get_by_role("heading", name="Merge duplicate")).to_be_visible()
    page.locator('input[name="choice_first_name"][value="merged"]').check()
    page.locator('input[name="choice_last_name"][value="survivor"]').check()
    shot(page, "11-merge")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Merge records").click()
    expect(page).to_have_url(f"{live_server.url}/contacts/{keep}")
    expect(page.get_by_role("heading", name=re.compile("Selma Gibbons"))).to_be_visible()
    expect(page.locator('#timeline [data-kind="merge"]')).to_contain_text("selma@gmail.com")


def test_a_confirmation_waits_while_it_is_read_and_an_error_stays_until_dismissed(
    page: Page, live_server: LiveServer
) -> None:
    """WCAG 2.2.1: no message vanishes under its reader (the page's clock is faked)."""
    page.clock.install()
    sign_in(page, live_server)
    page.goto("/contacts")
    save_view = page.locator("#views-bar form").first

    page.get_by_text("Save view").first.click()
    page.get_by_label("Name this view").fill("   ")  # blank once trimmed: refused
    save_view.locator("button[type=submit]").click()
    error = page.get_by_role("alert").filter(has_text="The view was not saved")
    expect(error).to_be_visible()
    page.clock.run_for(120_000)
    expect(error).to_be_visible()
    error.get_by_role("button", name="Dismiss").click()
    expect(error).to_have_count(0)

    page.get_by_text("Save view").first.click()
    page.get_by_label("Name this view").fill("Hot leads")
    save_view.locator("button[type=submit]").click()
    saved = page.locator(".toast").filter(has_text="Saved the view")
    expect(saved).to_be_visible()
    saved.hover()
    page.clock.run_for(30_000)
    expect(saved).to_be_visible()  # held while the pointer is on it
    page.get_by_role("heading", name="Contacts").hover()
    page.clock.run_for(5_000)
    expect(saved).to_be_visible()  # the count starts again when the pointer leaves
    page.clock.run_for(4_000)
    expect(saved).to_have_count(0)
