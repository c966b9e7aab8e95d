"""The sales queue (new MQLs routed to me, with the packet and Accept / Reject) and the
packet page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth import service as auth_service
from huddle.auth.deps import CurrentUser, request_actor
from huddle.lifecycle import service as lifecycle
from huddle.notifications import service as notifications
from huddle.routing import service
from huddle.routing.events import rule_label
from huddle.web.deps import SessionDep
from huddle.web.templating import render
from huddle.web.views import page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
# ``?order=likeliest``: the queue by predicted conversion, its first LIKELIEST_SHOWN
# hand-offs (newest) ordered, on one page.
LIKELIEST = "likeliest"
LIKELIEST_SHOWN = 200


def _queue_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    actor = request_actor(request)
    likeliest = request.query_params.get("order") == LIKELIEST
    before = None if likeliest else _queue_place(request, "before")
    handoffs = service.sales_queue(
        session,
        actor=actor,
        before=before,
        limit=LIKELIEST_SHOWN if likeliest else service.QUEUE_PAGE,
    )
    ordered = service.likeliest_first(session, handoffs) if likeliest else None
    return page(
        request,
        "routing/queue.html",
        user,
        "queue",
        {
            "handoffs": ordered if ordered is not None else handoffs,
            "order": LIKELIEST if likeliest else "newest",
            # Asked for the likeliest first with no trained model: said, and newest first.
            "no_model": likeliest and ordered is None,
            "contacts": service.queue_contacts(session, handoffs),
            "users": auth_service.users_by_id(session),
            "reasons": lifecycle.list_rejection_reasons(session),
            "error": error,
            "paged": before is not None,
        },
        status_code=status_code,
    )


def _queue_place(request: Request, name: str) -> tuple[datetime, int] | None:
    """A hand-off's place in the queue from ``{name}_at`` and ``{name}_id``; None if absent
    or not a place."""
    at, key = request.query_params.get(f"{name}_at"), request.query_params.get(f"{name}_id")
    if not (at and key and key.isdigit()):
        return None
    try:
        return datetime.fromisoformat(at), int(key)
    except ValueError:
        return None


@router.get("/queue", response_class=HTMLResponse)
def sales_queue(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _queue_page(request, session, user)


@router.get("/queue/news", response_class=HTMLResponse)
def queue_news(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    """Asked by an open queue page every 15 s: how many leads arrived above the newest it
    shows (a pill that reloads the queue; cards with forms are not slipped in under a
    rep's cursor)."""
    after = _queue_place(request, "after")
    fresh = service.queue_news(session, actor=request_actor(request), after=after)
    return render(request, "routing/_queue_news.html", {"fresh": fresh, "after": after})


def _packet_page(
    request: Request,
    session: SessionDep,
    user: User,
    handoff_id: int,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    handoff = service.get_handoff(session, handoff_id, actor=request_actor(request))
    notifications.mark_read_for_link(session, user.id, f"/queue/{handoff_id}")
    contacts = service.queue_contacts(session, [handoff])
    return page(
        request,
        "routing/packet.html",
        user,
        "queue",
        {
            "h": handoff,
            "rule": rule_label(handoff.rule),
            "contact": contacts[handoff.contact_id],
            "since": service.since_handoff(session, handoff),
            "users": auth_service.users_by_id(session),
            "reasons": lifecycle.list_rejection_reasons(session),
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/queue/{handoff_id:int}", response_class=HTMLResponse)
def packet(
    request: Request, session: SessionDep, user: CurrentUser, handoff_id: int
) -> HTMLResponse:
    return _packet_page(request, session, user, handoff_id)


def _page_after_decision(request: Request, handoff_id: int, origin: str) -> str:
    # Only our own two pages: never a redirect target taken from the request.
    return f"/queue/{handoff_id}" if origin == "packet" else "/queue"


def _refusal_shown_on(
    request: Request, session: SessionDep, user: User, handoff_id: int, origin: str
) -> Callable[[str, int], Response]:
    """A refused decision answers with the page it was made on, the reason shown."""

    def refused(message: str, status_code: int) -> Response:
        if origin == "packet":
            return _packet_page(
                request, session, user, handoff_id, error=message, status_code=status_code
            )
        return _queue_page(request, session, user, error=message, status_code=status_code)

    return refused


@router.post("/queue/{handoff_id:int}/accept", response_model=None)
def accept(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    handoff_id: int,
    origin: Annotated[str, Form()] = "queue",
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.accept_handoff(session, handoff_id, actor=actor),
        done="Lead accepted: it is now a sales accepted lead (SAL)",
        then=_page_after_decision(request, handoff_id, origin),
        refused=_refusal_shown_on(request, session, user, handoff_id, origin),
    )


@router.post("/queue/{handoff_id:int}/reject", response_model=None)
def reject(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    handoff_id: int,
    reason_code: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    origin: Annotated[str, Form()] = "queue",
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.reject_handoff(
            session, handoff_id, reason_code=reason_code, note=note or None, actor=actor
        ),
        done="Lead rejected and recycled to marketing",
        then=_page_after_decision(request, handoff_id, origin),
        refused=_refusal_shown_on(request, session, user, handoff_id, origin),
    )
