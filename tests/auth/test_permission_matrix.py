"""The permission table tested whole, through the real routes.

For every action of ``core.permissions`` and every role (and, for actions on owned records,
every ownership: the actor's own record, another rep's, an unassigned one, one owned by
someone in another team), the answer the table promises is derived from the table and the
ownership rule, then compared with what each route performing the action answers: the
JSON API and the page or form, 2xx/303 against 403, and for contact details whether the
email and phone are shown. The cases are generated from the table, so a new action needs
its routes in ``matrix/routes.py`` (or this fails), and a new mutating route must be mapped
to an action or listed as open with the reason.

About 2,400 cases; each request goes to the shared app in the test's own event loop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import iter_route_contexts
from sqlalchemy.orm import Session

from huddle.core.permissions import OWN_RECORDS_ONLY, OWNED_ACTIONS, PERMISSIONS, ROLES, Action
from tests.auth.matrix.routes import OPEN, ROUTES, UNROUTED
from tests.auth.matrix.world import OWNERSHIPS, TEAM_OF, Browser, Call, Route, World
from tests.conftest import make_user

RECORD_OF = {
    "own": "their own record",
    "another_rep": "another rep's record",
    "unassigned": "an unassigned record",
    "another_team": "a record of someone in another team",
}
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SRC = Path(__file__).resolve().parents[2] / "src" / "huddle"


def expected(role: str, action: Action, ownership: str | None) -> bool:
    """What the table promises: the role holds the action, and for an action on an owned
    record a sales rep works only their own records or unassigned ones (README, People &
    roles)."""
    if action not in PERMISSIONS[role]:
        return False
    if action in OWNED_ACTIONS and role in OWN_RECORDS_ONLY:
        return ownership in ("own", "unassigned")
    return True


def ownerships(action: Action) -> tuple[str | None, ...]:
    return OWNERSHIPS if action in OWNED_ACTIONS else (None,)


CASES = [
    pytest.param(action, role, id=f"{action.value}-{role}") for action in ROUTES for role in ROLES
]


def _world(db: Session, role: str) -> World:
    team = TEAM_OF[role]
    other_team = "customer_success" if team == "marketing" else "marketing"
    return World(
        db=db,
        me=make_user(db, role=role, team=team),
        rep=make_user(db, role="sales_rep", team="sales", password=None),
        outsider=make_user(db, role=other_team, team=other_team, password=None),
    )


@pytest.fixture
def browser(app: Any) -> Iterator[Browser]:
    opened = Browser(app)
    yield opened
    opened.close()


def _verdict(route: Route, call: Call, response: httpx.Response, allowed: bool) -> str | None:
    """Why the answer breaks the table's promise, or None when it keeps it."""
    status = response.status_code
    if call.secrets:
        if status != 200:
            return f"answered {status}, not 200"
        shown = [secret for secret in call.secrets if secret in response.text]
        if allowed and len(shown) != len(call.secrets):
            return "hid the email or phone from a role that may read them"
        if not allowed and shown:
            return f"showed {', '.join(shown)} to a role that may not read them"
        return None
    if not allowed:
        return None if status == 403 else f"answered {status} where the table says 403"
    redirected_home = route.is_page and status == 303
    if redirected_home and response.headers["location"].startswith("/login"):
        return "sent to sign in"
    if not (200 <= status < 300 or redirected_home):
        return f"answered {status} where the table allows it: {response.text[:300]}"
    if redirected_home and call.happened is not None and not call.happened():
        return "redirected back without doing it (the form was refused)"
    return None


@pytest.mark.parametrize(("action", "role"), CASES)
def test_the_routes_answer_as_the_table_says(
    browser: Browser, db: Session, action: Action, role: str
) -> None:
    world = _world(db, role)
    db.commit()
    browser.sign_in(db, world.me)
    broken = []
    for ownership in ownerships(action):
        owner = world.owner(ownership) if ownership else None
        allowed = expected(role, action, ownership)
        for route in ROUTES[action]:
            call = route.call(world, owner)
            # What the request acts on is committed first: a refused request rolls back.
            db.commit()
            problem = _verdict(route, call, browser.send(call), allowed)
            if problem:
                verb = "may" if allowed else "may not"
                whose = f" on {RECORD_OF[ownership]}" if ownership else ""
                broken.append(f"{role} {verb} {action.value}{whose}: {route} {problem}")
    assert not broken, "\n".join(broken)


# --- completeness ----------------------------------------------------------------------------


def _declared_routes(app: Any) -> set[tuple[str, str]]:
    found = set()
    for route in iter_route_contexts(app.routes):
        for method in route.methods or ():
            found.add((method, route.path))
    return found


def test_every_action_of_the_table_has_its_routes_in_the_matrix() -> None:
    missing = set(Action) - set(ROUTES) - set(UNROUTED)
    assert not missing, f"actions without routes in tests/auth/matrix/routes.py: {sorted(missing)}"
    assert not set(ROUTES) & set(UNROUTED)
    assert all(ROUTES[action] for action in ROUTES)
    # An action listed as performed nowhere must really be asked for nowhere.
    for action in UNROUTED:
        pattern = re.compile(rf"\b(Action\.{action.name}|\"{re.escape(action.value)}\")")
        users = [
            str(path.relative_to(SRC))
            for path in SRC.rglob("*.py")
            if path.name != "permissions.py" and pattern.search(path.read_text())
        ]
        assert not users, f"{action.value} is checked in {users}: map its routes in ROUTES"


def test_every_mutating_route_is_mapped_to_an_action_or_open_with_a_reason(app: Any) -> None:
    declared = _declared_routes(app)
    mapped = {(route.method, route.path) for routes in ROUTES.values() for route in routes}
    assert not mapped - declared, (
        f"mapped routes the app does not have: {sorted(mapped - declared)}"
    )
    assert not set(OPEN) - declared, (
        f"open routes the app does not have: {sorted(set(OPEN) - declared)}"
    )
    assert not mapped & set(OPEN), "a route is either guarded by an action or open"
    unaccounted = sorted(
        (method, path)
        for method, path in declared
        if method in MUTATING and (method, path) not in mapped | set(OPEN)
    )
    assert not unaccounted, (
        "mutating routes neither mapped to an action in tests/auth/matrix/routes.py nor listed in "
        f"OPEN with a reason: {unaccounted}"
    )
    assert all(reason.strip() for reason in OPEN.values())
