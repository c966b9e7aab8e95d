"""Jinja2 environment (autoescaping on) and the one ``render`` every view uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.permissions import Action, may, may_change_owned, roles_allowed
from huddle.core.stages import FUNNEL, PIPELINE_STAGES, STAGES
from huddle.web import cells
from huddle.web import format as fmt
from huddle.web.deps import csrf_token

if TYPE_CHECKING:
    from huddle.auth.models import User

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

FLASH_KEY = "flash"

templates.env.filters.update(
    reltime=fmt.relative_time,
    abstime=fmt.absolute_time,
    isotime=fmt.iso_time,
    short_date=fmt.short_date,
    money=fmt.money,
    money_short=fmt.money_short,
    number=fmt.number,
    about=fmt.about,
    stage_label=fmt.stage_label,
    pipeline_label=fmt.pipeline_label,
    humanize=fmt.humanize,
    initials=fmt.initials,
    person=fmt.person_name,
    prop_label=fmt.property_label,
)
templates.env.globals.update(
    STAGES=STAGES,
    FUNNEL=FUNNEL,
    PIPELINE_STAGES=PIPELINE_STAGES,
    query_with=fmt.query_with,
)


def flash(request: Request, message: str, kind: str = "success") -> None:
    """A one-time message for the next page (after a POST-redirect-GET)."""
    messages = list(request.session.get(FLASH_KEY, []))
    messages.append({"kind": kind, "message": message})
    request.session[FLASH_KEY] = messages


def _pop_flashes(request: Request) -> list[dict[str, str]]:
    return list(request.session.pop(FLASH_KEY, []) or [])


templates.env.globals["pop_flashes"] = _pop_flashes


def _server_now() -> str:
    """The server's time as the page is made: live countdowns count from it, not from the
    reader's computer clock, which may be minutes off (and is, in tests on a set clock)."""
    return clock.now().isoformat()


templates.env.globals["server_now"] = _server_now


@pass_context
def _csrf_token(context: Any) -> str:
    return csrf_token(context["request"])


@pass_context
def _csrf_field(context: Any) -> Markup:
    """The hidden input every POST form carries (see web.deps.check_csrf)."""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(
        escape(_csrf_token(context))
    )


@pass_context
def _can(context: Any, action: str) -> bool:
    """Whether the signed-in user's role may take ``action`` (hides what they cannot do;
    the service layer refuses it anyway)."""
    actor = getattr(context["request"].state, "actor", None)
    return actor is not None and may(actor, Action(action))


@pass_context
def _can_change(context: Any, action: str, owner_id: int | None) -> bool:
    """``can`` plus the ownership rule (sales reps: their own or unassigned records)."""
    actor = getattr(context["request"].state, "actor", None)
    return actor is not None and may_change_owned(actor, Action(action), owner_id)


# The people of each role, as a sentence names them.
ROLE_PEOPLE = {
    "admin": "admins",
    "marketing": "marketers",
    "marketing_ops": "marketing ops",
    "sales_rep": "sales reps",
    "sales_manager": "sales managers",
}


def _who_can(action: str) -> str:
    """ "Only admins and marketing ops can change this.", for a read-only view."""
    roles = [ROLE_PEOPLE.get(r, fmt.humanize(r).lower()) for r in roles_allowed(Action(action))]
    listed = ", ".join(roles[:-1]) + f" and {roles[-1]}" if len(roles) > 1 else "".join(roles)
    return f"Only {listed} can change this."


@pass_context
def _person(context: Any, record: Any) -> str:
    """``person`` that falls back to the email only for roles that may see emails."""
    return cells.person(record, personal=cells.sees_personal(context))


templates.env.globals.update(
    csrf_token=_csrf_token,
    csrf_field=_csrf_field,
    can=_can,
    can_change=_can_change,
    who_can=_who_can,
    # What ``_ui.html`` exports as ``ui.time``, ``ui.owner``... (see ``cells``).
    cells=cells.CELLS,
)
templates.env.filters["person"] = _person


@dataclass(frozen=True)
class PageNotice:
    """A notice at the top of every page of the app (e.g. email delivery paused): the
    template that shows it and that template's values."""

    template: str
    values: dict[str, Any]


PageNoticeSource = Callable[[Session, Actor, "User"], PageNotice | None]
_notice_sources: list[PageNoticeSource] = []


def page_notice(source: PageNoticeSource) -> PageNoticeSource:
    """Register a function that gives a notice for this reader (or None); a domain's views
    module registers its own, so the layout needs to know none of them."""
    _notice_sources.append(source)
    return source


@pass_context
def _page_notices(context: Any) -> list[PageNotice]:
    request, user = context["request"], context.get("user")
    session = getattr(request.state, "session", None)
    actor = getattr(request.state, "actor", None)
    if session is None or actor is None or user is None:
        return []
    notices = (source(session, actor, user) for source in _notice_sources)
    return [notice for notice in notices if notice is not None]


templates.env.globals["page_notices"] = _page_notices


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment (not a boosted full-page navigation)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Boosted") != "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context or {}, status_code=status_code)
