"""WCAG 2.2 AA in a real browser: axe-core (vendored, no network) on every page Huddle
serves, at a desktop and a phone width. Any serious or critical violation fails, named with
its element and the rule's help page.

The pages come from the app's own routes, so a new page is checked without anyone listing
it. A route's ids are filled in by parameter name from the demo company (so a new
``/contacts/{contact_id}/...`` page is covered too); a route whose parameter has no value
here fails, asking for one. Routes that answer a fragment (htmx) rather than a document
are checked inside the pages that load them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.app import create_app
from huddle.auth.models import User
from huddle.campaigns.models import Campaign
from huddle.contacts.importing import wizard
from huddle.contacts.importing.service import create_import, run_import
from huddle.contacts.importing.wizard_api import staged_dir
from huddle.contacts.models import Contact
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.contacts.service import define_custom_field
from huddle.core.actor import Actor
from huddle.core.db import make_engine, session_factory, unit_of_work
from huddle.core.migrations import upgrade
from huddle.core.settings import Settings
from huddle.demo import catalog
from huddle.demo.load import load_demo
from huddle.goals import service as goals
from huddle.goals.schemas import GoalWrite
from huddle.lifecycle.models import Opportunity
from huddle.mailing import service as mailing
from huddle.mailing.schemas import SuppressionWrite, TemplateWrite
from huddle.privacy.service import unsubscribe_token
from huddle.routing.models import Handoff
from huddle.tracking.models import Form
from huddle.workflows import service as workflows
from tests.contacts.fixtures.imports import HUBSPOT
from tests.contacts.fixtures.wizard import SUGGESTED, messy_leads
from tests.e2e.conftest import watched_tab
from tests.live import serve
from tests.workflows.factories import make_list, make_workflow, run

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WIDTHS = (1400, 390)
BLOCKING = ("serious", "critical")
# Not pages: a script, a pixel, a redirect to a campaign's site, a JSON download.
NOT_PAGES = {
    "/t.js",
    "/e/o/{token}.gif",
    "/e/c/{token}",
    "/contacts/{contact_id}/personal-data.json",
}
# A reset link nobody asked for: the page that says the link does not work.
BOGUS_RESET = "not-a-real-reset-link"
# The nodes shown per violation; the count of the rest follows.
SHOWN_NODES = 6

# Every rule of WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices (landmarks,
# headings), reported by axe as violations with an impact.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# Landmarks a page has more than one of need names to be told apart; these need one always.
UNNAMED_LANDMARKS = """() => [...document.querySelectorAll(
  'nav, aside, [role=search], [role=navigation], [role=complementary], [role=region]')]
  .filter(el => el.getClientRects().length && !el.closest('[aria-hidden=true]'))
  .filter(el => !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))"""

# The keyboard's first stops on each page whose focus is checked (the shell, then content).
TAB_STOPS = 50
# The element with the keyboard's focus, if nothing about it (outline, ring, border,
# background, the outline of its ::after) or its box (a visually hidden file input's drop
# zone) changes when it loses focus: its focus is invisible. Run with reduced motion, so no
# transition is half way when the styles are read.
FOCUS_INVISIBLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const styles = node => {
    const own = getComputedStyle(node), after = getComputedStyle(node, '::after');
    return [own.outlineStyle, own.outlineWidth, own.outlineColor, own.boxShadow,
            own.borderColor, own.backgroundColor, after.outlineStyle, after.outlineWidth];
  };
  const look = () => styles(el).concat(el.parentElement ? styles(el.parentElement) : []).join('|');
  const focused = look();
  el.blur();
  const resting = look();
  el.focus();
  return focused === resting ? el.outerHTML.slice(0, 120) : null;
}"""


@dataclass
class DemoSite:
    url: str
    routes: list[str]
    values: dict[str, str]
    # Values a route's parameter of a common name takes on that route alone.
    by_path: dict[str, dict[str, str]] = field(default_factory=dict)
    # Query strings a page needs (what it compares, say).
    queries: dict[str, str] = field(default_factory=dict)


def _first(session: Session, statement: Any) -> int:
    found = session.scalars(statement.limit(1)).first()
    assert found is not None, f"the demo company has none of: {statement}"
    return int(found)


def _records(session: Session, settings: Settings, tmp: Path) -> dict[str, str]:
    """A record of each kind a page is about, the richest the demo has where it matters."""
    handoff = session.scalars(select(Handoff).order_by(Handoff.id.desc()).limit(1)).one()
    contact = session.get(Contact, handoff.contact_id)
    assert contact is not None and contact.account_id is not None
    deal = _first(session, select(Opportunity.id).order_by(Opportunity.id))
    user = _first(session, select(User.id).where(User.email == catalog.REP_EMAIL))
    form = session.scalars(select(Form.form_key).limit(1)).one()
    other = session.scalars(select(Contact.email).where(Contact.id != contact.id).limit(1)).one()
    campaign = _first(session, select(Campaign.id).order_by(Campaign.id))
    template = _email_template(session, contact.id)
    job = create_import(session, HUBSPOT, filename=HUBSPOT.name, actor=Actor.system("a11y"))
    admin = session.scalars(select(User).where(User.email == catalog.ADMIN_EMAIL)).one()
    staged = _staged_upload(session, settings, Actor.user(admin.id, role=admin.role))
    goal = _goal(session, Actor.user(admin.id, role=admin.role))
    return {
        "contact_id": str(contact.id),
        "account_id": str(contact.account_id),
        "opportunity_id": str(deal),
        "handoff_id": str(handoff.id),
        "user_id": str(user),
        "form_key": form,
        "import_id": str(job.id),
        "campaign_id": str(campaign),
        "template_id": str(template),
        "other_email": str(other),
        "unsubscribe": unsubscribe_token(contact.id, secret=str(settings.secret_key)),
        "wizard_token": staged,
        "goal_id": str(goal),
        "workflow_id": str(_workflow(session, contact.id)),
    }


def _goal(session: Session, admin: Actor) -> int:
    """A goal on this month's MQLs, for everyone and for a segment, so its page has a pace."""
    first, last = goals.default_range(session, months=1)
    data = GoalWrite(
        name="MQLs this month",
        metric="mqls",
        target=40,
        starts_on=first,
        ends_on=last,
        owner_teams=["marketing", "sales"],
    )
    goals.create_goal(
        session,
        data.model_copy(
            update={
                "name": "EMEA MQLs",
                "segment": {"field": "account.region", "op": "eq", "value": "EMEA"},
            }
        ),
        actor=admin,
    )
    return goals.create_goal(session, data, actor=admin).id


def _goal_queries(session: Session) -> dict[str, str]:
    """The plan page with a plan, the new goal's form with a suggestion."""
    first, last = goals.default_range(session, months=1)
    days = f"starts_on={first}&ends_on={last}"
    return {
        "/analytics/plan": f"target_metric=new_customers&target=5&{days}",
        "/analytics/goals/new": f"metric=mqls&suggest=1&{days}",
    }


def _email_template(session: Session, contact_id: int) -> int:
    """An email template, a message of it in the send log and a suppressed address, so the
    Email pages show their tables."""
    actor = Actor.system("a11y")
    template = mailing.create_template(
        session,
        TemplateWrite(
            name="Welcome",
            subject="Welcome, {{ contact.first_name | default('friend') }}",
            html_body="<p>Hello {{ contact.first_name | default('there') }}</p>",
        ),
        actor=actor,
    )
    mailing.send_template_to_contact(
        session, template_id=template.id, contact_id=contact_id, idempotency_key="a11y"
    )
    mailing.add_suppression(
        session, SuppressionWrite(email="bounced@example.org", reason="bounce"), actor=actor
    )
    return template.id


def _workflow(session: Session, contact_id: int) -> int:
    """A workflow with a branch, its arms and a wait, a contact gone part of the way (the
    editor draws every kind of box, with counts; the contact's timeline shows its steps)."""
    hot, cold = make_list(session, "Hot leads"), make_list(session, "Cold leads")
    condition = {"rules": [{"field": "account.employee_count", "op": "gte", "value": 50}]}
    workflow = make_workflow(
        session,
        [
            {"id": "b", "kind": "branch", "condition": condition, "yes": "hot", "no": "cold"},
            {"id": "hot", "kind": "add_to_list", "list_id": hot.id, "next": "w"},
            {"id": "cold", "kind": "add_to_list", "list_id": cold.id, "next": "w"},
            {"id": "w", "kind": "wait", "minutes": 60 * 24 * 3},
        ],
        name="Nurture by company size",
    )
    workflows.enrol(session, workflow, contact_id, reason="a11y")
    run(session)
    return workflow.id


def _staged_upload(session: Session, settings: Settings, admin: Actor) -> str:
    """A messy file the admin uploaded to the import wizard and mapped (a column to a new
    custom field), so its mapping and check pages show everything they can."""
    source = messy_leads(settings.data_dir / "messy-leads.csv")
    with source.open("rb") as stream:
        upload = wizard.stage_upload(
            session, staged_dir(settings), stream, filename=source.name, actor=admin
        )
    define_custom_field(
        session,
        CustomFieldDefinitionCreate(
            entity="contact", key="budget", label="Budget", field_type="number"
        ),
        actor=admin,
    )
    wizard.choose_mapping(upload, SUGGESTED | {"Budget (USD)": "custom.budget"})
    return upload.token


def _page_routes(app: Any) -> list[str]:
    """Every GET path of the app outside the API and the static files, as declared."""
    paths = []
    for route in iter_route_contexts(app.routes):
        path = route.path
        if "GET" not in (route.methods or ()) or path.startswith(("/api/v1", "/static")):
            continue
        if path not in NOT_PAGES and path not in paths:
            paths.append(path)
    return paths


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    """The demo company (a small one) on a server of this module's own: the other browser
    tests' company has no hand-offs, SLA history or imports to show."""
    data_dir = tmp_path_factory.mktemp("a11y")
    settings = Settings(
        env="test", data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'huddle.db'}"
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    factory = session_factory(engine)
    app = create_app(settings, factory=factory)
    with unit_of_work(factory) as session:
        load_demo(session, seed=2026, contacts=300)
    with unit_of_work(factory) as session:
        values = _records(session, settings, data_dir)
        goal_queries = _goal_queries(session)
    run_import(
        lambda: unit_of_work(factory),
        int(values["import_id"]),
        HUBSPOT,
        errors_path=data_dir / "errors.csv",
    )
    by_path = {
        "/password/reset/{token}": {"token": BOGUS_RESET},
        "/unsubscribe/{token}": {"token": values["unsubscribe"]},
        "/imports/wizard/{token}": {"token": values["wizard_token"]},
        "/imports/wizard/{token}/check": {"token": values["wizard_token"]},
    }
    try:
        with serve(app, name="huddle-a11y") as url:
            queries = {
                "/contacts/{contact_id}/merge": f"email={values['other_email']}",
                **goal_queries,
                # The editor with its "new step" form open (a branch's: the richest).
                "/workflows/{workflow_id:int}": "after=w&arm=next&kind=branch",
            }
            yield DemoSite(url, _page_routes(app), values, by_path, queries)
    finally:
        engine.dispose()


def _url(site: DemoSite, path: str) -> str:
    values = site.values | site.by_path.get(path, {})

    def value(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        assert name in values, f"{path}: give {name!r} a value in test_accessibility._records"
        return values[name]

    url = re.sub(r"\{([^}]+)\}", value, path)
    query = site.queries.get(path)
    return f"{url}?{query}" if query else url


def _settle(tab: Page) -> None:
    """Wait for what the page loads after it arrives (htmx fragments: the bell, cards)."""
    # A page that polls may never fall quiet: it is audited as it stands.
    with contextlib.suppress(PlaywrightTimeout):
        tab.wait_for_load_state("networkidle", timeout=5000)


def _is_document(tab: Page) -> bool:
    return bool(tab.evaluate("() => document.doctype !== null"))


def _describe(url: str, width: int, violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    lines = [
        f"{url} at {width}px: [{violation['impact']}] {violation['id']}: "
        f"{violation['help']} ({violation['helpUrl']})"
    ]
    for node in nodes[:SHOWN_NODES]:
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        lines.append(f"    {' > '.join(map(str, node['target']))}: {summary[:220]}")
    if len(nodes) > SHOWN_NODES:
        lines.append(f"    ... and {len(nodes) - SHOWN_NODES} more")
    return "\n".join(lines)


def _check_focus(tab: Page, url: str, found: list[str]) -> None:
    """Tab through the page's first stops; each must show that it has the focus."""
    tab.emulate_media(reduced_motion="reduce")
    tab.locator("body").focus()
    invisible = []
    for _ in range(TAB_STOPS):
        tab.keyboard.press("Tab")
        element = tab.evaluate(FOCUS_INVISIBLE)
        if element and element not in invisible:
            invisible.append(element)
    if invisible:
        found.append(f"{url}: focus not visible on {invisible}")


def _audit(tab: Page, url: str, found: list[str]) -> None:
    _check_focus(tab, url, found)
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        _settle(tab)
        result = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        for violation in result["violations"]:
            if violation["impact"] in BLOCKING:
                found.append(_describe(url, width, violation))
        # Reflow (1.4.10): the page itself never scrolls sideways; wide tables scroll alone.
        wide = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if wide > 0:
            found.append(f"{url} at {width}px: the page is {wide}px wider than the window")
        unnamed = tab.evaluate(UNNAMED_LANDMARKS)
        if unnamed:
            found.append(f"{url} at {width}px: landmarks without a name: {unnamed}")


def _sign_in(tab: Page) -> None:
    tab.goto("/login")
    tab.get_by_label("Work email").fill(catalog.ADMIN_EMAIL)
    tab.get_by_label("Password").fill(catalog.DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(re.compile(r"/$"))


def test_every_page_meets_wcag_2_2_aa_at_desktop_and_phone_widths(
    browser: Any, demo_site: DemoSite
) -> None:
    problems: list[str] = []
    tab = watched_tab(browser, demo_site.url, problems)
    tab.context.add_init_script(path=str(AXE))
    found: list[str] = []
    audited: list[str] = []
    try:
        # Signed out first: the pages anyone may open; the rest send the browser to sign in.
        private = []
        for path in demo_site.routes:
            url = _url(demo_site, path)
            tab.goto(url)
            if "/login" in tab.url and path != "/login":
                private.append((path, url))
            elif _is_document(tab):
                _audit(tab, url, found)
                audited.append(path)
        _sign_in(tab)
        for path, url in private:
            response = tab.goto(url)
            assert response is not None and response.status == 200, f"{url}: {response}"
            if _is_document(tab):
                _audit(tab, url, found)
                audited.append(path)
    finally:
        tab.context.close()
    # The whole app was seen: the signed-in pages the nav leads to are among those audited.
    for expected in (
        "/",
        "/contacts/{contact_id}",
        "/queue/{handoff_id:int}",
        "/sla",
        "/analytics",
        "/analytics/feedback-loop",
        "/analytics/product-feedback",
        "/settings/product-features",
        "/opportunities/{opportunity_id}/feedback",
        "/accounts/{account_id}/feedback",
        "/analytics/kpis",
        "/analytics/goals/{goal_id:int}",
        "/analytics/plan",
        "/api/docs",
        "/settings/fields",
        "/settings/scoring/predictive",
        "/workflows",
        "/workflows/{workflow_id:int}",
        "/plays",
    ):
        assert expected in audited, f"{expected} was not audited: {audited}"
    assert not found, "accessibility violations:\n" + "\n".join(found)
    assert not problems, problems


def test_a_refused_field_is_marked_invalid_described_by_its_error_and_focused(
    browser: Any, demo_site: DemoSite
) -> None:
    problems: list[str] = []
    tab = watched_tab(browser, demo_site.url, problems)
    try:
        _sign_in(tab)
        tab.goto("/account")
        tab.get_by_label("Current password").fill("not my password at all")
        tab.get_by_label("New password").fill("a brand new passphrase")
        tab.get_by_role("button", name="Change password").click()
        field = tab.get_by_label("Current password")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_be_focused()
        expect(field).to_have_accessible_description("wrong password")
    finally:
        tab.context.close()
    assert not problems, problems
