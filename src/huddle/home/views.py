"""Home: the funnel, the pipeline's totals, your open leads and what changed lately; and the
API reference (Swagger UI over the OpenAPI document)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from huddle.auth.deps import CurrentUser, OptionalUser
from huddle.auth.service import users_by_id
from huddle.core.errors import ValidationFailed
from huddle.home import service
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
) -> HTMLResponse:
    """The overview; the funnel over the days chosen in its form (the last 30 by default;
    a wrong range shows the default with the reason by the field, and a 422)."""
    errors: dict[str, str] = {}
    try:
        shown = service.overview(session, user_id=user.id, start=start, end=end)
    except ValidationFailed as refused:
        errors = {e.field: e.message for e in refused.errors}
        shown = service.overview(session, user_id=user.id)
    context = {
        "errors": errors,
        "ranged": start is not None and not errors,
        "first_day": start if errors else shown.first_day,
        "last_day": end if errors else shown.last_day,
        "counts": shown.counts,
        "funnel": shown.funnel,
        "side": shown.beside,
        "window_days": shown.window_days,
        "pipeline": shown.pipeline,
        "my_leads": shown.my_leads,
        "recent": shown.recent,
        "users": users_by_id(session),
    }
    return page(
        request, "home/home.html", user, "home", context, status_code=422 if errors else 200
    )


@router.get("/api/docs", response_class=HTMLResponse)
def api_reference(request: Request, user: OptionalUser) -> HTMLResponse:
    """Swagger UI, vendored (no CDN), over the OpenAPI document. Open to anyone, like the
    document itself; "Try it out" acts as whoever is signed in."""
    return render(request, "home/api_docs.html", {"user": user})
