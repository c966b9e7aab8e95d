"""Marketing adopts the evaluation play from the library; a contact owned by the rep
visits the pricing page (through the API), which makes them an evaluating buyer and starts
the play: marketing's ROI email goes by itself, and the rep finds "call within a day" in
the queue, completes it, and the contact page shows the play moved on."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import delete, select

from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactCreate
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.mailing.models import EmailTemplate
from huddle.plays.models import Play
from tests.e2e.conftest import LiveServer, forget_contacts
from tests.e2e.seed import MARKETER_EMAIL, REP_EMAIL

pytestmark = pytest.mark.browser

EMAIL = "eva.evaluating@plays-e2e.example"
SHOTS = Path("/tmp/shots-plays")
WIDTHS = {"desktop": (1400, 900), "phone": (390, 844)}


def _sign_in(page: Page, server: LiveServer, email: str) -> None:
    page.context.clear_cookies()
    page.goto("/login")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")


def _shots(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    for width, (w, h) in WIDTHS.items():
        page.set_viewport_size({"width": w, "height": h})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def _reps_contact(server: LiveServer) -> int:
    with unit_of_work(server.factory) as session:
        rep = session.scalars(select(User).where(User.email == REP_EMAIL)).one()
        created = contacts.create_contact(
            session,
            ContactCreate(
                email=EMAIL,
                first_name="Eva",
                last_name="Luating",
                owner_id=rep.id,
                email_opt_in="opted_in",
            ),
            actor=SYSTEM,
        )
        return created.id


def _forget(server: LiveServer) -> None:
    forget_contacts(server, Contact.email == EMAIL)
    with unit_of_work(server.factory) as session:
        session.execute(delete(Play))
        session.execute(delete(EmailTemplate).where(EmailTemplate.name.like("Play: %")))


def test_a_play_starts_on_its_buying_stage_and_the_rep_completes_its_task_from_the_queue(
    page: Page, live_server: LiveServer
) -> None:
    try:
        _story(page, live_server)
    finally:
        _forget(live_server)


def _story(page: Page, server: LiveServer) -> None:
    _sign_in(page, server, MARKETER_EMAIL)
    page.goto("/workflows")
    page.get_by_role("link", name="Plays").click()
    library = page.get_by_test_id("library-play").filter(has_text="Evaluation play")
    library.get_by_role("button", name="Adopt").click()
    expect(page.locator(".toast")).to_contain_text("Saved.")
    play = page.get_by_test_id("play").filter(has_text="Evaluation play")
    expect(play).to_contain_text("Starts when a contact enters Evaluating vendors")
    expect(play.locator(".play-step")).to_have_count(4)
    _shots(page, "plays-page")

    contact_id = _reps_contact(server)
    csrf = {"X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""}
    visit = page.request.post(
        "/api/v1/touches",
        data={
            "type": "page_view",
            "contact_id": contact_id,
            "properties": {"url": "https://huddle.example/pricing"},
        },
        headers=csrf,
    )
    assert visit.ok, visit.text()

    _sign_in(page, server, REP_EMAIL)
    page.goto("/queue")
    task = page.get_by_test_id("play-task").filter(has_text="Eva Luating")
    for _ in range(20):  # the worker opens the task once the touch has committed
        if task.count():
            break
        page.wait_for_timeout(300)
        page.reload()
    expect(task).to_contain_text("Sales calls within a day of the ROI calculator")
    expect(task).to_contain_text("Evaluating vendors")
    _shots(page, "queue-play-task")
    task.get_by_role("button", name="Done").click()
    expect(page.locator(".toast")).to_contain_text("Task done: the play moves on.")

    page.goto(f"/contacts/{contact_id}")
    card = page.locator("#plays")
    expect(card.get_by_test_id("buying-stage")).to_have_text("Evaluating vendors")
    steps = card.get_by_test_id("play-step")
    for _ in range(20):  # the worker runs marketing's case-study email, then opens the demo
        if "open" in (steps.nth(3).get_attribute("class") or ""):
            break
        page.wait_for_timeout(300)
        page.reload()
    expect(steps).to_have_count(4)
    expect(steps.nth(1)).to_contain_text("by Sam Sales")
    expect(steps.nth(3)).to_contain_text("Sales books the demo")
    expect(steps.nth(3)).to_contain_text("due")
    expect(card).to_contain_text("3/4 steps")
    _shots(page, "contact-plays-card")

    # The contact list filters by buying stage and shows it in a column.
    page.goto("/contacts?buying_stage=evaluating")
    row = page.locator("#results tbody tr").filter(has_text="Eva Luating")
    expect(row.get_by_text("Evaluating vendors")).to_be_visible()
    _shots(page, "contacts-by-buying-stage")
