"""Home: the funnel, the pipeline's totals, your open leads and what changed lately; and the
API reference (Swagger UI over the OpenAPI document)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from huddle.auth.deps import CurrentUser, OptionalUser
from huddle.auth.service import users_by_id
from huddle.home import service
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    shown = service.overview(session, user_id=user.id)
    context = {
        "counts": shown.counts,
        "funnel": shown.funnel,
        "side": shown.beside,
        "window_days": shown.window_days,
        "pipeline": shown.pipeline,
        "my_leads": shown.my_leads,
        "recent": shown.recent,
        "users": users_by_id(session),
    }
    return page(request, "home/home.html", user, "home", context)


@router.get("/api/docs", response_class=HTMLResponse)
def api_reference(request: Request, user: OptionalUser) -> HTMLResponse:
    """Swagger UI, vendored (no CDN), over the OpenAPI document. Open to anyone, like the
    document itself; "Try it out" acts as whoever is signed in."""
    return render(request, "home/api_docs.html", {"user": user})
