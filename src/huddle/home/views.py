"""Home: the funnel, the pipeline's totals, your open leads and what changed lately; and the
API reference (Swagger UI over the OpenAPI document)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from huddle.auth.deps import CurrentUser, OptionalUser
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core import clock
from huddle.core.stages import FUNNEL, STAGES
from huddle.lifecycle import service as lifecycle_service
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import page

router = APIRouter(include_in_schema=False)

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
        "users": users_by_id(session),
    }
    return page(request, "home/home.html", user, "home", context)


@router.get("/api/docs", response_class=HTMLResponse)
def api_reference(request: Request, user: OptionalUser) -> HTMLResponse:
    """Swagger UI, vendored (no CDN), over the OpenAPI document. Open to anyone, like the
    document itself; "Try it out" acts as whoever is signed in."""
    return render(request, "home/api_docs.html", {"user": user})
