"""Marketing builds a three-step nurture workflow in the visual editor by pointing and
clicking (a list, an email, a field), an integration's touch through the API triggers it,
the in-process worker runs it, the email reaches the SMTP server, and the contact's
timeline shows each step."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from huddle.contacts.models import Contact
from tests.e2e.conftest import LiveServer, email_subjects_to, forget_contacts, shot, sign_in
from tests.mail import Inbox

CONTACT = "wanda.webinar@workflows-e2e.example"

pytestmark = pytest.mark.browser


def _add_step(page: Page, after_link: str, kind: str) -> Locator:
    """Point at "add a step after", pick the kind: its form."""
    page.get_by_role("link", name=after_link).click()
    page.get_by_label("Kind of step").select_option(kind)
    page.get_by_role("button", name="Choose").click()
    return page.get_by_test_id("step-form")


def _csrf(page: Page) -> dict[str, str]:
    return {"X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""}


def test_build_a_workflow_in_the_editor_trigger_it_and_see_its_steps_on_the_timeline(
    page: Page, live_server: LiveServer, smtp: Inbox
) -> None:
    sign_in(page, live_server)
    page.goto("/campaigns")
    # The email the workflow sends, written beforehand (the Email page's own story).
    template = page.request.post(
        "/api/v1/mailing/templates",
        data={
            "name": "Webinar follow-up",
            "subject": "Thanks for coming, {{ contact.first_name | default('there') }}",
            "html_body": "<p>The recording of the webinar is on our site.</p>",
        },
        headers=_csrf(page),
    )
    assert template.ok, template.text()
    page.get_by_role("link", name="Workflows").click()
    page.get_by_label("New list").fill("Webinar attendees")
    page.get_by_role("button", name="Add list").click()
    expect(page.locator(".toast")).to_contain_text("List created.")
    page.get_by_label("Name", exact=True).fill("Webinar nurture")
    page.get_by_role("button", name="Create workflow").click()
    expect(page.get_by_role("heading", name="Webinar nurture")).to_be_visible()

    form = _add_step(page, "Add a first step", "add_to_list")
    form.get_by_label("List", exact=True).select_option(label="Webinar attendees")
    form.get_by_role("button", name="Add step").click()
    form = _add_step(page, "Add a step after 1", "send_email")
    form.get_by_label("Email template", exact=True).select_option(label="Webinar follow-up")
    form.get_by_role("button", name="Add step").click()
    form = _add_step(page, "Add a step after 2", "set_field")
    form.get_by_label("Field", exact=True).select_option("seniority")
    form.get_by_label("Value (empty clears it)").fill("Director")
    form.get_by_role("button", name="Add step").click()
    steps = page.get_by_test_id("step")
    expect(steps).to_have_count(3)
    expect(steps.nth(0)).to_contain_text("Add to Webinar attendees")
    expect(steps.nth(1)).to_contain_text("Send the email Webinar follow-up")
    expect(steps.nth(2)).to_contain_text("Set seniority to Director")

    trigger = page.get_by_test_id("trigger-form")
    trigger.get_by_label("What enrols a contact").select_option("touch")
    trigger.get_by_label("Touch type").select_option("webinar_attended")
    trigger.get_by_role("button", name="Save trigger").click()
    expect(page.locator(".toast")).to_contain_text("Trigger saved.")
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_test_id("status")).to_have_text("Active")
    editor = page.url
    shot(page, "60-workflow-editor")

    # An integration records the contact and its touch through the API.
    csrf = _csrf(page)
    created = page.request.post(
        "/api/v1/contacts", data={"email": CONTACT, "first_name": "Wanda"}, headers=csrf
    )
    assert created.ok, created.text()
    contact_id = created.json()["id"]
    touch = page.request.post(
        "/api/v1/touches",
        data={"type": "webinar_attended", "contact_id": contact_id},
        headers=csrf,
    )
    assert touch.ok, touch.text()

    # The worker runs the steps once the touch has committed: the email reaches the SMTP
    # server, and the timeline shows the steps.
    subjects = email_subjects_to(smtp, CONTACT, wanted="Thanks for coming, Wanda")
    assert subjects == ["Thanks for coming, Wanda"]
    page.goto(f"/contacts/{contact_id}")
    timeline = page.locator('[data-kind="workflow_step"]')
    for _ in range(20):
        if timeline.count() == 3:
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(timeline).to_have_count(3)
    expect(timeline.nth(0)).to_contain_text("Webinar nurture: Set a field")
    expect(timeline.nth(1)).to_contain_text("Webinar nurture: Send an email")
    expect(timeline.nth(1)).to_contain_text("Webinar follow-up queued for sending")
    expect(timeline.nth(2)).to_contain_text("Webinar nurture: Add to a list")
    shot(page, "61-workflow-timeline")

    page.goto(editor)
    expect(page.get_by_test_id("counts").nth(2)).to_contain_text("1 went through")
    forget_contacts(live_server, Contact.email == CONTACT)
