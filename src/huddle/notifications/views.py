"""The notifications page (the bell in the top bar links here) and marking them read."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.notifications import service
from huddle.web.deps import CurrentUser, SessionDep
from huddle.web.templating import PageNotice, page_notice, render
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


@page_notice
def email_delivery_paused(session: Session, actor: Actor, user: User) -> PageNotice | None:
    """Every page tells an admin that email is not going out, since when and how much
    waits (the service shows the pause to admins only)."""
    pause = service.delivery_pause(session, actor=actor)
    if pause is None:
        return None
    return PageNotice(
        "notifications/_delivery_paused.html",
        {
            "pause": pause,
            "since": _reader_clock(pause.since, user.time_zone),
            "next_check": _within(pause.next_check_at),
        },
    )


def _reader_clock(moment: datetime, time_zone: str) -> str:
    """HH:MM on the reader's clock; with the day when that was not today."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local, today = moment.astimezone(zone), clock.now().astimezone(zone).date()
    return f"{local:%H:%M}" if local.date() == today else f"{local.day} {local:%b}, {local:%H:%M}"


def _within(moment: datetime | None) -> str:
    seconds = (moment - clock.now()).total_seconds() if moment is not None else 0
    if seconds < 60:
        return "within a minute"
    return f"in about {round(seconds / 60)} min"
