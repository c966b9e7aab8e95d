"""Every role against every protected API action, through the real API and database.

The expectations are written out here, role by role, on purpose: they are what Huddle
promises its buyers, so a change to the permission table that breaks one fails here
instead of silently changing who may do what.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.auth import tokens
from huddle.auth.models import ROLES, User
from huddle.auth.schemas import ApiTokenCreate
from huddle.auth.service import actor_for
from huddle.core.actor import SYSTEM
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact
from tests.lifecycle.factories import make_opportunity

ALL = frozenset(ROLES)
# Roles that work the shared record day to day.
RECORD = frozenset(
    {"admin", "marketing", "marketing_ops", "sales_rep", "sales_manager", "customer_success"}
)
IMPORTERS = frozenset({"admin", "marketing", "marketing_ops"})
MERGERS_EXPORTERS = IMPORTERS | {"sales_manager"}
CONFIGURERS = frozenset({"admin", "marketing_ops", "sales_manager"})
DEAL_WORK = frozenset({"admin", "sales_rep", "sales_manager", "customer_success"})


@dataclass
class World:
    """What the requests act on: rows made fresh for each case."""

    db: Session
    other: User  # a colleague who owns some records

    def contact(self, **values: Any) -> int:
        return make_contact(self.db, **values).id

    def account(self) -> int:
        return make_account(self.db).id

    def deal(self, **values: Any) -> int:
        return make_opportunity(self.db, **values).id


Request = Callable[[TestClient, World], Any]


def _unique_email() -> str:
    return f"p-{uuid.uuid4().hex[:10]}@example.org"


def _import(client: TestClient, _: World) -> Any:
    csv = f"email,first_name\n{_unique_email()},Ann\n".encode()
    return client.post("/api/v1/imports", files={"file": ("c.csv", csv, "text/csv")})


# action -> (request, roles that may do it)
MATRIX: dict[str, tuple[Request, frozenset[str]]] = {
    "list contacts": (lambda c, w: c.get("/api/v1/contacts"), ALL),
    "read a contact": (lambda c, w: c.get(f"/api/v1/contacts/{w.contact()}"), ALL),
    "read a timeline": (lambda c, w: c.get(f"/api/v1/contacts/{w.contact()}/timeline"), ALL),
    "create a contact": (
        lambda c, w: c.post("/api/v1/contacts", json={"email": _unique_email()}),
        RECORD,
    ),
    "edit an unassigned contact": (
        lambda c, w: c.patch(f"/api/v1/contacts/{w.contact()}", json={"job_title": "CTO"}),
        RECORD,
    ),
    "edit a colleague's contact": (
        lambda c, w: c.patch(
            f"/api/v1/contacts/{w.contact(owner_id=w.other.id)}", json={"job_title": "CTO"}
        ),
        RECORD - {"sales_rep"},
    ),
    "move a colleague's contact's stage": (
        lambda c, w: c.post(
            f"/api/v1/contacts/{w.contact(owner_id=w.other.id)}/stage", json={"to_stage": "mql"}
        ),
        RECORD - {"sales_rep"},
    ),
    "move an unassigned contact's stage": (
        lambda c, w: c.post(f"/api/v1/contacts/{w.contact()}/stage", json={"to_stage": "mql"}),
        RECORD,
    ),
    "reject a lead": (
        lambda c, w: c.post(
            f"/api/v1/contacts/{w.contact(lifecycle_stage='mql')}/reject",
            json={"reason_code": "no_budget"},
        ),
        frozenset({"admin", "sales_rep", "sales_manager"}),
    ),
    "merge contacts": (
        lambda c, w: c.post(
            f"/api/v1/contacts/{w.contact()}/merge", json={"merged_id": w.contact()}
        ),
        MERGERS_EXPORTERS,
    ),
    "export contacts": (lambda c, w: c.get("/api/v1/contacts/export.csv"), MERGERS_EXPORTERS),
    "import contacts": (_import, IMPORTERS),
    "list imports": (lambda c, w: c.get("/api/v1/imports"), IMPORTERS),
    "add a note": (
        lambda c, w: c.post(f"/api/v1/contacts/{w.contact()}/notes", json={"body": "Called"}),
        RECORD,
    ),
    "log a touch": (
        lambda c, w: c.post(f"/api/v1/contacts/{w.contact()}/touches", json={"type": "call"}),
        RECORD,
    ),
    "change consent": (
        lambda c, w: c.post(
            f"/api/v1/contacts/{w.contact()}/consent",
            json={"field": "do_not_call", "value": True, "source": "phone request"},
        ),
        RECORD | {"compliance"},
    ),
    "read consent records": (
        lambda c, w: c.get(f"/api/v1/contacts/{w.contact()}/consent"),
        frozenset({"admin", "marketing", "marketing_ops", "compliance"}),
    ),
    "create an account": (
        lambda c, w: c.post("/api/v1/accounts", json={"name": f"Acme {uuid.uuid4().hex[:8]}"}),
        RECORD,
    ),
    "edit an account": (
        lambda c, w: c.patch(f"/api/v1/accounts/{w.account()}", json={"industry": "Retail"}),
        RECORD,
    ),
    "merge accounts": (
        lambda c, w: c.post(
            f"/api/v1/accounts/{w.account()}/merge", json={"merged_id": w.account()}
        ),
        MERGERS_EXPORTERS,
    ),
    "define a custom field": (
        lambda c, w: c.post(
            "/api/v1/custom-fields",
            json={
                "entity": "contact",
                "key": f"f_{uuid.uuid4().hex[:8]}",
                "label": "Tier",
                "field_type": "text",
            },
        ),
        CONFIGURERS,
    ),
    "add a rejection reason": (
        lambda c, w: c.post(
            "/api/v1/lifecycle/rejection-reasons",
            json={"code": f"r_{uuid.uuid4().hex[:8]}", "label": "Wrong region"},
        ),
        CONFIGURERS,
    ),
    "replace the allowed transitions": (
        lambda c, w: c.put(
            "/api/v1/lifecycle/transitions",
            json={"transitions": c.get("/api/v1/lifecycle/transitions").json()},
        ),
        CONFIGURERS,
    ),
    "create a deal": (
        lambda c, w: c.post(
            "/api/v1/opportunities", json={"name": "New deal", "account_id": w.account()}
        ),
        DEAL_WORK,
    ),
    "edit an unassigned deal": (
        lambda c, w: c.patch(f"/api/v1/opportunities/{w.deal()}", json={"amount": 5000}),
        DEAL_WORK,
    ),
    "move a colleague's deal": (
        lambda c, w: c.post(
            f"/api/v1/opportunities/{w.deal(owner_id=w.other.id)}/move",
            json={"pipeline_stage": "discovery"},
        ),
        DEAL_WORK - {"sales_rep"},
    ),
    "delete a colleague's deal": (
        lambda c, w: c.delete(f"/api/v1/opportunities/{w.deal(owner_id=w.other.id)}"),
        frozenset({"admin", "sales_manager"}),
    ),
    "list users": (lambda c, w: c.get("/api/v1/users"), frozenset({"admin"})),
    "create a user": (
        lambda c, w: c.post(
            "/api/v1/users",
            json={"email": _unique_email(), "name": "New", "team": "sales", "role": "sales_rep"},
        ),
        frozenset({"admin"}),
    ),
    "change a user's role": (
        lambda c, w: c.patch(f"/api/v1/users/{w.other.id}", json={"role": "sales_manager"}),
        frozenset({"admin"}),
    ),
    "create a personal token": (
        lambda c, w: c.post("/api/v1/tokens", json={"name": "cli", "scopes": ["read"]}),
        ALL,
    ),
}

TEAM_OF = {
    "admin": "revops",
    "marketing": "marketing",
    "marketing_ops": "marketing",
    "sales_rep": "sales",
    "sales_manager": "sales",
    "customer_success": "customer_success",
    "product": "product",
    "compliance": "revops",
}


def _client_as(app: Any, db: Session, role: str) -> TestClient:
    """A client authenticated as a new user of ``role`` by a read+write token (no password
    hashing, so the matrix stays fast; the token acts with exactly its owner's role)."""
    user = make_user(db, role=role, team=TEAM_OF[role], password=None)
    issued = tokens.issue_token(
        db, ApiTokenCreate(name="matrix", scopes=["read", "write"]), actor=actor_for(user)
    )
    db.commit()
    client = TestClient(app, base_url="http://testserver")
    client.headers["Authorization"] = f"Bearer {issued.secret}"
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_role_against_action(app: Any, db: Session, action: str, role: str) -> None:
    request, allowed_roles = MATRIX[action]
    other = make_user(db, role="sales_rep", team="sales", password=None)
    world = World(db=db, other=other)
    client = _client_as(app, db, role)
    db.commit()
    response = request(client, world)
    if role in allowed_roles:
        assert 200 <= response.status_code < 300, (action, role, response.text)
    else:
        assert response.status_code == 403, (action, role, response.text)


def test_the_matrix_covers_every_role() -> None:
    assert set(TEAM_OF) == set(ROLES)
    assert SYSTEM.kind == "system"
