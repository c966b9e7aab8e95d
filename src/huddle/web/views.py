"""Home (the overview) and the helpers every domain's views share.

Views call services only. Each page gets the signed-in user for the layout, and forms follow
POST → 303 → GET; htmx only enhances them (the same URLs answer plain browsers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from huddle.auth import service as auth_service
from huddle.auth.models import User
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core import clock
from huddle.core.errors import Conflict, FieldError, HuddleError, ValidationFailed
from huddle.core.stages import FUNNEL, STAGES
from huddle.lifecycle import service as lifecycle_service
from huddle.web.deps import CurrentUser, OptionalUser, SessionDep
from huddle.web.format import humanize
from huddle.web.templating import flash, render

router = APIRouter(include_in_schema=False)


def page(
    request: Request,
    template: str,
    user: User,
    nav: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """A page of the signed-in app: the layout needs the user and which nav item is active."""
    return render(
        request,
        template,
        {"user": user, "active_nav": nav, **(context or {})},
        status_code=status_code,
    )


def see_other(url: str) -> RedirectResponse:
    """The redirect after a successful form post (POST-redirect-GET)."""
    return RedirectResponse(url, status_code=303)


async def _form(request: Request) -> FormData:
    return await request.form()


# A form with field names known only at run time (merge choices, filter sets), read before
# a sync endpoint runs in the thread pool, so no database call blocks the event loop.
FormDataDep = Annotated[FormData, Depends(_form)]


def people(session: Session) -> dict[int, User]:
    """Active users by id, to show owners and authors by name (a handful of rows)."""
    return {u.id: u for u in auth_service.list_users(session)}


FUNNEL_WINDOW = timedelta(days=30)
OPEN_LEAD_STAGES = ["lead", "mql", "sal"]


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    count: int
    # Of the widest bar, 0..1, for the bar's length.
    share: float
    # Percent of the stage before it, or None for the first stage.
    conversion: int | None


def funnel_rows(counts: dict[str, int]) -> list[FunnelRow]:
    widest = max(counts.values(), default=0) or 1
    rows: list[FunnelRow] = []
    previous: int | None = None
    for stage in FUNNEL:
        count = counts.get(stage, 0)
        conversion = round(100 * count / previous) if previous else None
        rows.append(FunnelRow(stage, count, count / widest, conversion))
        previous = count
    return rows


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    since = clock.now() - FUNNEL_WINDOW
    # Contacts that entered each stage in the window (each once): the funnel's flow.
    counts = lifecycle_service.count_stage_entries(session, since=since)
    my_leads = contacts_service.list_contacts(
        session,
        ContactFilters(stage=OPEN_LEAD_STAGES, owner_id=user.id),
        sort=ContactSort.SCORE_DESC,
        limit=6,
    ).items
    recent = contacts_service.list_contacts(
        session, sort=ContactSort.UPDATED_AT_DESC, limit=8
    ).items
    context = {
        "counts": counts,
        "funnel": funnel_rows(counts),
        "side": [(s, counts[s]) for s in STAGES if s not in FUNNEL],
        "window_days": FUNNEL_WINDOW.days,
        "pipeline": lifecycle_service.pipeline_board(session, cards_per_column=1).totals,
        "my_leads": my_leads,
        "recent": recent,
        "users": people(session),
    }
    return page(request, "home.html", user, "home", context)


@router.get("/api/docs", response_class=HTMLResponse)
def api_reference(request: Request, user: OptionalUser) -> HTMLResponse:
    """Swagger UI, vendored (no CDN), over the OpenAPI document. Open to anyone, like the
    document itself; "Try it out" acts as whoever is signed in."""
    return render(request, "api_docs.html", {"user": user})


def submit(
    request: Request,
    change: Callable[[], object],
    *,
    done: str,
    then: str,
    refused: Callable[[str, int], Response],
) -> Response:
    """Run a form's state change: on success flash ``done`` and redirect to ``then`` (PRG);
    when the rules refuse it (409/422), answer ``refused(message, status)`` instead, i.e.
    the same page with the reason next to the form. Services write nothing when they refuse.
    """
    try:
        change()
    except (Conflict, ValidationFailed) as exc:
        return refused(error_text(exc), exc.status_code)
    flash(request, done)
    return see_other(then)


T = TypeVar("T")


def form_schema(build: Callable[[], T]) -> T:
    """A schema built from form fields; its errors raised as the service's ValidationFailed,
    so a form page shows them like any other refusal."""
    try:
        return build()
    except ValidationError as exc:
        raise ValidationFailed(
            "check the fields",
            [FieldError(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()],
        ) from exc


def error_text(exc: HuddleError) -> str:
    """What to tell the person filling the form: the field messages, else the error."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        return "; ".join(f"{humanize(e.field)}: {e.message}" for e in exc.errors)
    return exc.message[:1].upper() + exc.message[1:]
