"""Definitions built by pointing and clicking: a score rule, an MQL criterion and a routing
rule made with the builders take effect (the contact is scored, becomes an MQL and is routed
to the rep the rule names), at desktop and phone widths; a role that may not edit sees the
definitions and cannot save."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from huddle.contacts.models import Contact
from tests.e2e.conftest import (
    LiveServer,
    email_subjects_to,
    forget_contacts,
    forget_mql_criteria,
    shot,
)
from tests.e2e.seed import MARKETER_EMAIL
from tests.mail import Inbox

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1400, 900), "phone": (390, 844)}
TO = "\u2013"  # the en dash between the hours of a day


def _csrf(page: Page) -> dict[str, str]:
    return {"X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""}


def _no_console_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def _sign_in(page: Page, server: LiveServer, email: str | None = None) -> None:
    page.goto("/login")
    page.get_by_label("Work email").fill(email or server.email)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")
    # The home page's own requests finish first: leaving aborts them (htmx logs that).
    page.wait_for_load_state("networkidle")


def _wait_for(read: Any, seconds: float = 15) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = read()
        if value:
            return value
        time.sleep(0.2)
    return read()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_rules_built_by_clicking_score_qualify_and_route(
    page: Page, live_server: LiveServer, smtp: Inbox, width: str
) -> None:
    try:
        _build_score_qualify_and_route(page, live_server, smtp, width)
    finally:
        forget_mql_criteria(live_server)
        forget_contacts(live_server, Contact.email == f"bea.{width}@built.example")


def _build_score_qualify_and_route(
    page: Page, live_server: LiveServer, smtp: Inbox, width: str
) -> None:
    errors = _no_console_errors(page)
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    kind, model_name, department = f"e2e_built_{width}", f"Built {width}", f"Builders {width}"
    _sign_in(page, live_server)
    registered = page.request.post(
        "/api/v1/tracking/event-types",
        data={"name": kind, "label": f"Built ({width})", "category": "marketing"},
        headers=_csrf(page),
    )
    assert registered.ok, registered.text()

    # A score model with one behaviour rule, made in the rules builder.
    page.goto("/settings/scoring")
    new = page.locator("#model-new")
    new.get_by_label("Name", exact=True).fill(model_name)
    new.get_by_label("Primary model").uncheck()
    new.get_by_role("button", name="+ Rule").click()
    new.get_by_label("Rule name").fill("Did the built thing")
    new.get_by_label("Points", exact=True).fill("30")
    new.get_by_label("Touch types (choose one or more)").select_option(kind)
    new.get_by_label("At most (points)").fill("60")
    expect(new.locator(".builder-sentences").first).to_contain_text(
        f"Adds 30 points each time someone has a {kind.replace('_', ' ')} touch, at most 60"
    )
    shot(page, f"40-builder-score-rule-{width}")
    new.get_by_role("button", name="Save new version").click()
    expect(page.locator(".toast")).to_contain_text(f"{model_name} saved")

    # MQL criteria: that model's score at least 25, made in the condition builder.
    mql = page.locator("#mql")
    remove = mql.get_by_role("button", name="Remove this condition")
    while remove.count():  # the criteria an earlier run saved
        remove.first.click()
    mql.get_by_role("button", name="+ Condition").click()
    mql.get_by_label("Field", exact=True).select_option(label=f"Score · {model_name}")
    mql.get_by_label("Operator", exact=True).select_option(label="is at least")
    mql.get_by_label("Value", exact=True).fill("25")
    expect(mql.locator(".builder-sentences")).to_contain_text(f"{model_name} ≥ 25")
    # A wrong value is named in words before anything is saved.
    mql.get_by_label("Operator", exact=True).select_option(label="is between")
    mql.get_by_label("From", exact=True).fill("30")
    mql.get_by_label("To", exact=True).fill("10")
    expect(mql.locator(".builder-problems")).to_contain_text("low ≤ high")
    mql.get_by_label("Operator", exact=True).select_option(label="is at least")
    mql.get_by_label("Value", exact=True).fill("25")
    expect(mql.locator(".builder-sentences")).to_contain_text(f"{model_name} ≥ 25")
    # The back-test teaches before anything is saved: a chart, and who would change side.
    mql.get_by_role("button", name="Back-test 6 months").click()
    mql = page.locator("#mql")
    expect(mql.get_by_test_id("backtest-chart")).to_be_visible()
    expect(mql).to_contain_text("New MQLs with your change")
    expect(mql.locator(".builder-sentences")).to_contain_text(f"{model_name} ≥ 25")
    shot(page, f"41-builder-backtest-{width}")
    mql.get_by_role("button", name="Save criteria").click()
    expect(page.locator("#mql-definition")).to_contain_text(f"{model_name} ≥ 25")
    label = page.locator("#mql-version").inner_text()
    shot(page, f"41-builder-mql-{width}")

    # A routing rule for leads of one department, made in the condition builder, to a rep
    # of this test's own (the seeded rep's queue is another story's).
    rep_name = f"Bo Builder {width}"
    rep = page.request.post(
        "/api/v1/users",
        data={
            "email": f"bo.{width}@built.example",
            "name": rep_name,
            "team": "sales",
            "role": "sales_rep",
        },
        headers=_csrf(page),
    )
    assert rep.ok, rep.text()
    page.goto("/settings/routing")
    rule = page.locator("#rule-new-form")
    rule.get_by_label("Name", exact=True).fill(f"Built territory {width}")
    rule.get_by_label("Order").fill("1")
    rule.get_by_label("Kind", exact=True).select_option("territory")
    rule.get_by_label("Rep (territory)").select_option(label=rep_name)
    rule.get_by_label("Skip reps outside working hours").uncheck()
    rule.get_by_role("button", name="+ Condition").click()
    rule.get_by_label("Field", exact=True).select_option(label="Contact · Department")
    rule.get_by_label("Operator", exact=True).select_option(label="is")
    rule.get_by_label("Value", exact=True).fill(department)
    expect(rule.locator(".builder-sentences")).to_contain_text(f"contact.department = {department}")
    shot(page, f"42-builder-routing-{width}")
    rule.get_by_role("button", name="Add rule").click()
    expect(page.locator(".toast")).to_be_visible()
    expect(page.locator("table").first).to_contain_text(f"Built territory {width}")

    # A lead of that department does the thing: scored, an MQL by the criteria, routed.
    created = page.request.post(
        "/api/v1/contacts",
        data={"email": f"bea.{width}@built.example", "first_name": "Bea", "department": department},
        headers=_csrf(page),
    )
    assert created.ok, created.text()
    contact_id = created.json()["id"]
    touched = page.request.post(
        f"/api/v1/contacts/{contact_id}/touches", data={"type": kind}, headers=_csrf(page)
    )
    assert touched.ok, touched.text()

    def routed() -> dict[str, Any] | None:
        contact = page.request.get(f"/api/v1/contacts/{contact_id}").json()
        return contact if contact["owner_id"] else None

    contact = _wait_for(routed)
    assert contact is not None and contact["lifecycle_stage"] == "mql"
    page.goto(f"/contacts/{contact_id}")
    expect(page.locator("#lifecycle")).to_contain_text(label)
    expect(page.locator("main")).to_contain_text(rep_name)
    shot(page, f"43-builder-routed-{width}")
    # The rep was told by email (delivered before the test's mail server stops).
    email_subjects_to(smtp, f"bo.{width}@built.example", wanted="New lead for you")
    assert not errors, errors


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_persona_built_by_clicking_grades_a_contact(
    page: Page, live_server: LiveServer, width: str
) -> None:
    try:
        _build_a_persona_and_grade(page, live_server, width)
    finally:
        forget_contacts(live_server, Contact.email == f"dana.{width}@built.example")


def _build_a_persona_and_grade(page: Page, live_server: LiveServer, width: str) -> None:
    errors = _no_console_errors(page)
    department = f"Data {width}"
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    _sign_in(page, live_server)
    page.goto("/settings/scoring")
    form = page.locator("#profile-new-form")
    form.get_by_label("Name", exact=True).fill(f"Data leader {width}")
    form.get_by_role("button", name="+ Criterion").click()
    form.get_by_label("Criterion", exact=True).fill("Leads a data team")
    form.get_by_label("Weight (1 to 100)").fill("2")
    form.get_by_role("button", name="+ Condition").click()
    form.get_by_label("Field", exact=True).select_option(label="Contact · Department")
    form.get_by_label("Operator", exact=True).select_option(label="is")
    form.get_by_label("Value", exact=True).fill(department)
    expect(form.locator(".builder-sentences")).to_contain_text(
        f"Leads a data team (weight 2): contact.department = {department}"
    )
    shot(page, f"45-builder-persona-{width}")
    form.get_by_role("button", name="Add").click()
    expect(page.locator(".toast")).to_contain_text(f"Data leader {width} saved")
    saved = page.request.get("/api/v1/scoring/profiles").json()
    persona = next(p for p in saved if p["name"] == f"Data leader {width}")
    assert persona["criteria"] == [
        {
            "label": "Leads a data team",
            "weight": 2,
            "when": {"field": "contact.department", "op": "eq", "value": department},
        }
    ]
    # A contact of that department is graded by it: the persona is the best match.
    created = page.request.post(
        "/api/v1/contacts",
        data={
            "email": f"dana.{width}@built.example",
            "first_name": "Dana",
            "department": department,
        },
        headers=_csrf(page),
    )
    assert created.ok, created.text()
    page.goto(f"/contacts/{created.json()['id']}")
    expect(page.locator("#scores")).to_contain_text(f"Best persona Data leader {width} (100%)")
    shot(page, f"45-builder-persona-graded-{width}")
    assert not errors, errors


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_marketer_sees_the_definitions_read_only(
    page: Page, live_server: LiveServer, width: str
) -> None:
    errors = _no_console_errors(page)
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    _sign_in(page, live_server, MARKETER_EMAIL)

    page.goto("/settings/scoring")
    expect(page.locator("#read-only")).to_contain_text(
        "Only admins and marketing ops can change this."
    )
    expect(page.locator("#mql-form").get_by_role("button", name="Save criteria")).to_be_disabled()
    expect(page.locator("#model-new").get_by_role("button", name="+ Rule")).to_be_disabled()
    persona = page.locator("#profile-new-form")
    expect(persona.get_by_role("button", name="+ Criterion")).to_be_disabled()
    expect(persona.get_by_role("button", name="Add")).to_be_disabled()
    shot(page, f"44-scoring-read-only-{width}")

    page.goto("/settings/routing")
    expect(page.locator("#read-only")).to_contain_text("read-only")
    rule = page.locator("#rule-new-form")
    expect(rule.get_by_role("button", name="+ Condition")).to_be_disabled()
    expect(rule.get_by_role("button", name="Add rule")).to_be_disabled()
    shot(page, f"44-routing-read-only-{width}")
    assert not errors, errors


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_business_calendar_built_by_clicking_is_saved_as_built(
    page: Page, live_server: LiveServer, width: str
) -> None:
    errors = _no_console_errors(page)
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    _sign_in(page, live_server)
    page.goto("/sla/versions")
    calendars = page.locator("#calendars")
    calendars.get_by_label("Time zone").fill("Europe/Berlin")
    calendars.get_by_label("Monday from").fill("08:00")
    calendars.get_by_label("Monday to").fill("07:00")
    expect(calendars.locator(".builder-problems")).to_contain_text(
        "Monday: the day must end after it starts"
    )
    calendars.get_by_label("Monday to").fill("16:00")
    calendars.get_by_label("Friday: working day").uncheck()
    calendars.get_by_label("Saturday: working day").check()
    expect(calendars.locator(".builder-sentences").first).to_contain_text(
        f"Clocks count Mon 08:00{TO}16:00 · Tue 09:00{TO}17:30 · Wed 09:00{TO}17:30 · "
        f"Thu 09:00{TO}17:30 · Sat 09:00{TO}17:00."
    )
    shot(page, f"46-builder-calendar-{width}")
    calendars.get_by_role("button", name="Save calendar").click()
    expect(page.locator(".toast")).to_contain_text("saved")
    expect(page.locator("#calendars table")).to_contain_text(f"Mon 08:00{TO}16:00")
    expect(page.locator("#calendars table")).not_to_contain_text("Fri ")
    assert not errors, errors
