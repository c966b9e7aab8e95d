"""The notifications page (the bell in the top bar links here) and marking them read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.notifications import service
from huddle.web.deps import CurrentUser, SessionDep
from huddle.web.templating import render
from huddle.web.views import page, see_other

router = APIRouter(include_in_schema=False)


@router.get("/notifications", response_class=HTMLResponse)
def notifications_page(
    request: Request, session: SessionDep, user: CurrentUser, before: int | None = None
) -> HTMLResponse:
    items = service.list_notifications(session, user.id, before=before)
    return page(
        request,
        "notifications/list.html",
        user,
        "notifications",
        {
            "items": items,
            "before": before,
            "next_before": items[-1].id if len(items) == service.LIST_LIMIT else None,
        },
    )


@router.post("/notifications/read", response_model=None)
def mark_read(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    notification_id: Annotated[str, Form()] = "",
) -> Response:
    service.mark_read(session, user.id, int(notification_id) if notification_id.isdigit() else None)
    return see_other("/notifications")


@router.get("/notifications/bell", response_class=HTMLResponse)
def bell(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    """The top bar's bell with the unread count (loaded by every page)."""
    return render(
        request, "notifications/_bell.html", {"unread": service.unread_count(session, user.id)}
    )
