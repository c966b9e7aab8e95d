"""The contact page's hand-off card: the latest hand-off, Route now, Log activity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth import service as auth_service
from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service as contacts_service
from huddle.routing import service
from huddle.routing.schemas import ActivityWrite
from huddle.web.deps import SessionDep
from huddle.web.templating import flash, render
from huddle.web.views import form_schema, see_other, submit

router = APIRouter(include_in_schema=False)


@router.get("/contacts/{contact_id:int}/handoff", response_class=HTMLResponse)
def handoff_card(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> HTMLResponse:
    """The contact page's hand-off card (loaded by the page itself)."""
    latest = service.latest_handoff(session, contact_id)
    owner_id = contacts_service.get_contact(session, contact_id).owner_id
    context = {"h": latest, "contact_id": contact_id, "owner_id": owner_id, "user": user}
    return render(
        request,
        "routing/_handoff_card.html",
        {**context, "users": auth_service.users_by_id(session)},
    )


@router.post("/contacts/{contact_id:int}/route", response_model=None)
def route_now(
    request: Request, session: SessionDep, user: CurrentUser, contact_id: int
) -> Response:
    actor = request_actor(request)
    return submit(
        request,
        lambda: service.route_contact(session, contact_id, actor=actor, note="routed by hand"),
        done="Lead routed",
        then=f"/contacts/{contact_id}",
        refused=lambda message, code: _back_to_contact_with(request, contact_id, message),
    )


@router.post("/contacts/{contact_id:int}/activities", response_model=None)
def log_activity(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contact_id: int,
    kind: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    actor = request_actor(request)

    def change() -> object:
        data = form_schema(lambda: ActivityWrite(kind=kind, note=note or None))
        return service.log_activity(session, contact_id, data, actor=actor)

    return submit(
        request,
        change,
        done="Activity logged",
        then=f"/contacts/{contact_id}",
        refused=lambda message, code: _back_to_contact_with(request, contact_id, message),
    )


def _back_to_contact_with(request: Request, contact_id: int, message: str) -> Response:
    flash(request, message, "error")
    return see_other(f"/contacts/{contact_id}")
