"""The SLA made by pointing and clicking: a term built in the terms builder and a team's
business calendar (with a holiday) built in the calendar builder take effect once both
sides have signed — a contact made an MQL is routed and its clock is due when that calendar
says — at desktop and phone widths; a role that may not draft sees the agreement and cannot
save."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import delete, select, update

from huddle.auth import service as auth_service
from huddle.auth.schemas import UserCreate
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.db import unit_of_work
from huddle.routing.models import RoutingRule
from huddle.sla.models import SlaCalendar, SlaVersion
from tests.e2e.conftest import SHOTS, LiveServer, forget_contacts, shot
from tests.e2e.seed import REP_EMAIL
from tests.e2e.test_builders import TO, WIDTHS, _csrf, _sign_in, _wait_for

pytestmark = pytest.mark.browser

# A Tuesday afternoon: two business hours left today, Wednesday a holiday of the sales
# team's calendar, so a four-hour first touch falls due on Thursday at 11:00 (UTC).
TUESDAY_AFTERNOON = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
HOLIDAY = "2026-03-04"
DUE_THURSDAY = re.compile(r"^2026-03-05T11:0\d:\d\d")
SALES_CALENDAR = "team:sales"


@pytest.fixture
def sla_as_found(live_server: LiveServer) -> Iterator[None]:
    """Other stories share the server and read its active SLA version and calendars: put
    back the version that was active, and the sales team's calendar as it was."""
    with unit_of_work(live_server.factory) as session:
        before = session.scalar(select(SlaVersion).where(SlaVersion.status == "active"))
        known = set(session.scalars(select(SlaVersion.id)))
        calendar = session.scalar(select(SlaCalendar).where(SlaCalendar.scope == SALES_CALENDAR))
        saved = (calendar.time_zone, calendar.hours, calendar.holidays) if calendar else None
        active_id = before.id if before else None
    yield
    with unit_of_work(live_server.factory) as session:
        session.execute(delete(SlaVersion).where(SlaVersion.id.not_in(known)))
        if active_id is not None:
            session.execute(
                update(SlaVersion)
                .where(SlaVersion.id == active_id)
                .values(status="active", archived_at=None)
            )
        calendar = session.scalar(select(SlaCalendar).where(SlaCalendar.scope == SALES_CALENDAR))
        if saved is None and calendar is not None:
            session.delete(calendar)
        elif saved is not None and calendar is not None:
            calendar.time_zone, calendar.hours, calendar.holidays = saved


def _fits_the_width(page: Page, width: int) -> None:
    """No sideways scrolling: the page is no wider than the window."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide in a {width} px window"


def _version_card(page: Page, title: str) -> Locator:
    return page.locator("section.card", has=page.get_by_role("heading", name=re.compile(title)))


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_sla_term_built_by_clicking_sets_the_clock(
    page: Page,
    live_server: LiveServer,
    test_clock: clock.ShiftedClock,
    sla_as_found: None,
    width: str,
) -> None:
    test_clock.set(TUESDAY_AFTERNOON)
    try:
        _build_sign_and_time_a_lead(page, live_server, width)
    finally:
        forget_contacts(live_server, Contact.email == f"cleo.{width}@sla-built.example")
        with unit_of_work(live_server.factory) as session:
            session.execute(delete(RoutingRule).where(RoutingRule.name == f"SLA built {width}"))


def _build_sign_and_time_a_lead(page: Page, live_server: LiveServer, width: str) -> None:
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    title, signer = f"SLA built {width}", f"sol.{width}@sla-built.example"
    with unit_of_work(live_server.factory) as session:
        auth_service.create_user(
            session,
            UserCreate(
                email=signer,
                name=f"Sol Sales {width}",
                team="sales",
                role="sales_manager",
                password=live_server.password,
            ),
            actor=SYSTEM,
        )
    _sign_in(page, live_server)
    page.goto("/sla/versions")

    # The sales team's calendar: UTC, Monday to Friday 09:00-17:00, Wednesday off.
    calendars = page.locator("#calendars")
    calendars.locator("select[name=scope]").select_option(label="Team sales")
    calendars.get_by_label("Time zone").fill("UTC")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        calendars.get_by_label(f"{day}: working day").check()
        calendars.get_by_label(f"{day} from").fill("09:00")
        calendars.get_by_label(f"{day} to").fill("17:00")
    for day in ("Saturday", "Sunday"):
        calendars.get_by_label(f"{day}: working day").uncheck()
    remove = calendars.get_by_role("button", name=re.compile("^Remove holiday"))
    while remove.count():  # the holidays the form started from
        remove.first.click()
    calendars.get_by_label("Holiday date").fill(HOLIDAY)
    calendars.get_by_role("button", name="+ Holiday").click()
    expect(calendars.locator(".builder-sentences").last).to_contain_text(
        f"No clock counts on {HOLIDAY}."
    )
    shot(page, f"50-sla-calendar-builder-{width}")
    calendars.screenshot(path=SHOTS / f"50-sla-calendar-card-{width}.png")
    calendars.get_by_role("button", name="Save calendar").click()
    expect(page.locator(".toast")).to_contain_text("The sales team's calendar saved")
    saved = page.get_by_test_id("calendar-list").locator("tr", has_text="Team sales")
    expect(saved).to_contain_text(f"Mon 09:00{TO}17:00")
    expect(saved).to_contain_text(HOLIDAY)
    saved.get_by_role("link", name="Edit").click()  # the form shows what was saved
    expect(calendars.get_by_label("Time zone")).to_have_value("UTC")
    expect(calendars.get_by_role("button", name=f"Remove holiday {HOLIDAY}")).to_be_visible()
    _fits_the_width(page, w)

    # A new draft whose one term is built in the terms builder.
    draft = page.locator("#new-draft")
    draft.get_by_label("Title").fill(title)
    remove = draft.get_by_role("button", name=re.compile("^Remove term"))
    while remove.count():  # the active version's terms the draft starts from
        remove.first.click()
    expect(draft.locator(".builder-sentences")).to_contain_text("No measured terms")
    draft.get_by_role("button", name="+ Term").click()
    term = draft.get_by_test_id("term-1")
    term.get_by_label("Term", exact=True).select_option(label="First sales touch")
    term.get_by_label("Name shown").fill(f"First call {width}")
    # A wrong value is named in words before anything is saved.
    term.get_by_label("Within (business hours)").fill("-2")
    expect(draft.locator(".builder-problems")).to_contain_text(
        f"term 1 (First call {width}), hours: must be more than 0"
    )
    term.get_by_label("Within (business hours)").fill("4")
    expect(draft.locator(".builder-sentences")).to_contain_text(
        "First sales touch within 4 business hours of hand-off"
    )
    _fits_the_width(page, w)
    shot(page, f"51-sla-terms-builder-{width}")
    draft.screenshot(path=SHOTS / f"51-sla-terms-card-{width}.png")
    draft.get_by_role("button", name="Save draft").click()
    expect(page.locator(".toast")).to_contain_text("Draft saved")
    version = _version_card(page, title)
    expect(version).to_contain_text("First sales touch within 4 business hours of hand-off")

    # Marketing signs (the admin), then sales (a sales manager): the draft is in force.
    version.get_by_role("button", name="Sign for marketing").click()
    expect(_version_card(page, title)).to_contain_text("Waiting for sales")
    page.context.clear_cookies()
    _sign_in(page, live_server, signer)
    page.goto("/sla/versions")
    _version_card(page, title).get_by_role("button", name="Sign for sales").click()
    expect(_version_card(page, title).get_by_test_id("status")).to_have_text("Active")
    page.context.clear_cookies()
    _sign_in(page, live_server)

    # A lead made an MQL is routed to the signer's rep by a rule, which starts the clock.
    contact_id = _mql_routed_to(page, width, owner_email=signer)
    page.goto(f"/contacts/{contact_id}")
    card = page.locator("#sla")
    expect(card).to_contain_text(f"First call {width}")
    expect(card).to_contain_text("Running")
    expect(card.get_by_test_id("due")).to_have_text(re.compile(r"^due 5 Mar 2026, 11:0\d UTC$"))
    expect(card.locator(".sla-countdown")).to_have_attribute("data-due", DUE_THURSDAY)
    card.scroll_into_view_if_needed()
    shot(page, f"52-sla-clock-set-{width}")
    card.screenshot(path=SHOTS / f"52-sla-clock-card-{width}.png")


def _mql_routed_to(page: Page, width: str, *, owner_email: str) -> int:
    department = f"SLA built {width}"
    owners = page.request.get("/api/v1/users").json()
    owner = next(u for u in owners if u["email"] == owner_email)
    rule = page.request.post(
        "/api/v1/routing/rules",
        data={
            "name": f"SLA built {width}",
            "kind": "territory",
            "position": 1,
            "owner_id": owner["id"],
            "respect_hours": False,
            "conditions": {
                "when": {"field": "contact.department", "op": "eq", "value": department}
            },
        },
        headers=_csrf(page),
    )
    assert rule.ok, rule.text()
    created = page.request.post(
        "/api/v1/contacts",
        data={
            "email": f"cleo.{width}@sla-built.example",
            "first_name": "Cleo",
            "department": department,
        },
        headers=_csrf(page),
    )
    assert created.ok, created.text()
    contact_id: int = created.json()["id"]
    staged = page.request.post(
        f"/api/v1/contacts/{contact_id}/stage", data={"to_stage": "mql"}, headers=_csrf(page)
    )
    assert staged.ok, staged.text()

    def routed() -> dict[str, Any] | None:
        contact = page.request.get(f"/api/v1/contacts/{contact_id}").json()
        return contact if contact["owner_id"] == owner["id"] else None

    assert _wait_for(routed), "the MQL was not routed to the rule's rep"
    return contact_id


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_sales_rep_sees_the_sla_definitions_read_only(
    page: Page, live_server: LiveServer, width: str
) -> None:
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    _sign_in(page, live_server, REP_EMAIL)
    page.goto("/sla/versions")
    expect(page.locator("#read-only")).to_contain_text("read-only")
    expect(page.locator("#read-only")).to_contain_text("Only admins")
    draft = page.locator("#new-draft")
    expect(draft.get_by_role("button", name="Save draft")).to_be_disabled()
    expect(draft.get_by_role("button", name="+ Term")).to_be_disabled()
    calendars = page.locator("#calendars")
    expect(calendars.get_by_role("button", name="Save calendar")).to_be_disabled()
    expect(calendars.get_by_label("Monday from")).to_be_disabled()
    _fits_the_width(page, w)
    shot(page, f"53-sla-read-only-{width}")
