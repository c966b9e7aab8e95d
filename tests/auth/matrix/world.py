"""What the permission matrix acts on and how it sends its requests.

A ``World`` holds the actor and the people records may belong to, and makes a fresh record
for each request (one request's change never decides the next one's answer). A ``Route`` is
one real route of the app and the request that performs its action on a record of a given
owner; ``Browser`` sends it to the shared app in this thread's own event loop, signed in
as a browser is (session cookie, CSRF header).
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import uuid
from base64 import b64encode
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from itsdangerous import TimestampSigner
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware

from huddle.auth import signin
from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import RejectionReasonCreate
from huddle.notifications import service as notifications
from huddle.routing.models import Handoff
from huddle.scoring import service as scoring
from huddle.scoring.schemas import ProfileWrite, ScoreModelWrite
from huddle.sla import service as sla
from huddle.tracking import service as tracking
from huddle.tracking.schemas import EventTypeCreate
from huddle.web.deps import CSRF_HEADER, CSRF_KEY, SESSION_KEY
from tests.conftest import TEST_PASSWORD, make_user
from tests.contacts.factories import make_account, make_contact, make_custom_field
from tests.lifecycle.factories import make_opportunity
from tests.routing.factories import make_pool, make_rule
from tests.tracking.factories import make_form, make_site

SESSION_COOKIE = "huddle_session"  # as app.py names it
OWNERSHIPS = ("own", "another_rep", "unassigned", "another_team")

# The team each role's test user is in.
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

SCORE_RULE = {"name": "Demo", "kind": "behaviour", "points": 40, "event": {"types": ["demo"]}}
PERSONA_CRITERIA = [
    {
        "label": "Ops",
        "weight": 10,
        "when": {"field": "contact.job_title", "op": "contains", "value": "ops"},
    }
]
SLA_TERMS = [{"key": "first_touch", "kind": "first_touch", "hours": 4}]
WEBHOOK = {"url": "https://hooks.example.org/huddle", "secret": "s3cret-s3cret-s3cret"}
EVENT_TYPE = {"label": "Contract signed", "category": "sales"}


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def key(prefix: str) -> str:
    """A unique lower-case identifier (event type names, field keys, reason codes)."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def email() -> str:
    return f"{unique('new')}@example.org"


@dataclass
class Call:
    """One request, and what a permitted answer must show besides its status."""

    method: str
    url: str
    json: Any = None
    data: dict[str, Any] | None = None
    files: dict[str, Any] | None = None
    params: dict[str, str] | None = None
    # Contact details the answer shows exactly when the role may read them.
    secrets: tuple[str, ...] = ()
    # For a form that redirects back even when the service refused the change (it flashes
    # the reason): whether the change happened, checked after a 303.
    happened: Callable[[], bool] | None = None


Body = dict[str, Any] | Callable[["World", int | None], dict[str, Any]] | None
Build = Callable[["World", int | None], Call]


@dataclass(frozen=True)
class Route:
    """A route of the app (its method and path as declared) and the request performing the
    action through it on a record of the owner the case gives (None: unassigned).

    ``subject`` is what fills the path's parameter: a fresh record of that kind (see
    ``World.make``), given the case's owner unless ``unassigned``. Bodies may be callables
    of the world and the owner. ``build`` replaces all of this where a route needs more.
    """

    method: str
    path: str
    subject: str | None = None
    json: Body = None
    data: Body = None
    unassigned: bool = False
    label: str = ""
    build: Build | None = None

    @property
    def is_page(self) -> bool:
        return not self.path.startswith("/api/")

    def call(self, world: World, owner: int | None) -> Call:
        if self.build is not None:
            return self.build(world, owner)
        url = self.path
        if self.subject is not None:
            made = world.make(self.subject, None if self.unassigned else owner)
            url = re.sub(r"\{[^}]+\}", str(made), url, count=1)
        return Call(
            self.method,
            url,
            json=_body(self.json, world, owner),
            data=_body(self.data, world, owner),
        )

    def __str__(self) -> str:
        return f"{self.method} {self.path}" + (f" ({self.label})" if self.label else "")


def _body(body: Body, world: World, owner: int | None) -> dict[str, Any] | None:
    return body(world, owner) if callable(body) else body


@dataclass
class World:
    """The actor, the people records may belong to, and fresh records on demand."""

    db: Session
    me: User
    rep: User  # another sales rep, in the sales team
    outsider: User  # someone in another team than the actor's (and not in sales)

    def owner(self, ownership: str) -> int | None:
        return {
            "own": self.me.id,
            "another_rep": self.rep.id,
            "unassigned": None,
            "another_team": self.outsider.id,
        }[ownership]

    def contact(self, owner: int | None = None, **values: Any) -> Contact:
        return make_contact(self.db, owner_id=owner, **values)

    def make(self, subject: str, owner: int | None) -> int | str:
        """A fresh record of the kind named, owned by ``owner`` where records have owners;
        its id (a rejection reason: its code)."""
        return getattr(self, f"_{subject}")(owner)

    def _contact(self, owner: int | None) -> int:
        return self.contact(owner).id

    def _mql(self, owner: int | None) -> int:
        return self.contact(owner, lifecycle_stage="mql").id

    def _account(self, owner: int | None) -> int:
        return make_account(self.db, owner_id=owner).id

    def _deal(self, owner: int | None) -> int:
        return make_opportunity(self.db, owner_id=owner).id

    def _handoff(self, owner: int | None) -> int:
        """An open hand-off of an MQL to ``owner`` (None: waiting in a team queue), whose
        contact is theirs as routing would have made it."""
        handoff = Handoff(
            contact_id=self._mql(owner),
            owner_id=owner,
            team="sales",
            rule="matrix",
            reason="handed off for the permission matrix",
            candidates=[],
            packet={},
            at=clock.now(),
            status="open",
        )
        self.db.add(handoff)
        self.db.flush()
        return handoff.id

    def _colleague(self, _: int | None) -> int:
        return make_user(self.db, role="marketing", team="marketing", password=None).id

    def _custom_field(self, _: int | None) -> int:
        return make_custom_field(self.db).id

    def _reason(self, _: int | None) -> str:
        data = RejectionReasonCreate(code=key("r"), label="Wrong region")
        return lifecycle.add_rejection_reason(self.db, data, actor=SYSTEM).code

    def _site(self, _: int | None) -> int:
        return make_site(self.db, name=unique("Site")).id

    def _form(self, _: int | None) -> int:
        site = make_site(self.db, name=unique("Site"))
        return make_form(self.db, site, name=unique("Form")).id

    def _event_type(self, _: int | None) -> int:
        data = EventTypeCreate(name=key("signed"), label="Signed", category="sales")
        return tracking.create_event_type(self.db, data, actor=SYSTEM).id

    def _model(self, _: int | None) -> int:
        data = ScoreModelWrite(name=unique("Model"), rules=[SCORE_RULE])
        return scoring.save_model(self.db, data, actor=SYSTEM).id

    def _persona(self, _: int | None) -> int:
        data = ProfileWrite(kind="persona", name=unique("Persona"), criteria=PERSONA_CRITERIA)
        return scoring.save_profile(self.db, data, actor=SYSTEM).id

    def _rule(self, _: int | None) -> int:
        return make_rule(self.db, kind="account_owner").id

    def _pool(self, _: int | None) -> int:
        return make_pool(self.db, unique("Pool"), []).id

    def _webhook(self, _: int | None) -> int:
        return notifications.save_webhook(self.db, name=unique("Hook"), actor=SYSTEM, **WEBHOOK).id

    def _sla_draft(self, _: int | None) -> int:
        return sla.create_draft(self.db, SYSTEM, title="SLA", body="", terms=SLA_TERMS).id


# --- declaring routes ------------------------------------------------------------------------


def api(
    method: str, path: str, subject: str | None = None, json: Body = None, **more: Any
) -> Route:
    """A JSON route (under /api/v1)."""
    return Route(method, f"/api/v1{path}", subject, json=json, **more)


def ui(method: str, path: str, subject: str | None = None, data: Body = None, **more: Any) -> Route:
    """A page or a form of the web UI."""
    return Route(method, path, subject, data=data, **more)


def take(w: World, _: int | None) -> dict[str, Any]:
    return {"owner_id": w.me.id}


def give(_: World, owner: int | None) -> dict[str, Any]:
    return {"owner_id": owner}


class Browser:
    """A signed-in browser on the shared app, in this thread's own event loop: no test
    client thread between the test and the app, so thousands of requests stay cheap."""

    def __init__(self, app: FastAPI) -> None:
        [sessions] = [m for m in app.user_middleware if m.cls is SessionMiddleware]
        self._signer = TimestampSigner(str(sessions.kwargs["secret_key"]))
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )

    def send(self, call: Call) -> httpx.Response:
        request = self._client.request(
            call.method,
            call.url,
            json=call.json,
            data=call.data,
            files=call.files,
            params=call.params,
            follow_redirects=False,  # a form's 303 is its answer
        )
        return self._loop.run_until_complete(request)

    def sign_in(self, session: Session, user: User) -> None:
        """Signed in by the sign-in service, the cookie written as the session middleware
        writes it, with a CSRF token sent on every request (as huddle.js does for htmx).
        The login form itself is tested in test_login.py; here it would be a quarter of
        the matrix's requests."""
        started = signin.sign_in(session, user.email, TEST_PASSWORD, ip="matrix", user_agent=None)
        assert started is not None
        csrf = secrets.token_urlsafe(32)
        payload = b64encode(json.dumps({SESSION_KEY: started.key, CSRF_KEY: csrf}).encode())
        self._client.cookies.set(SESSION_COOKIE, self._signer.sign(payload).decode())
        self._client.headers[CSRF_HEADER] = csrf

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()
