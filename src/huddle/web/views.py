"""Home: a short overview of the funnel, recent activity and the signed-in user's open leads."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from huddle.web.deps import CurrentUser, SessionDep
from huddle.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return render(request, "home.html", {"user": user, "active_nav": "home"})
