"""Pipeline pages: the board of open deals and one deal's page with its stage and outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.core.stages import OPEN_PIPELINE_STAGES
from huddle.lifecycle import service
from huddle.lifecycle.importing.deals import import_deals
from huddle.lifecycle.schemas import OpportunityFilters
from huddle.web.deps import SessionDep
from huddle.web.format import person_name, pipeline_label
from huddle.web.templating import flash
from huddle.web.uploads import import_page
from huddle.web.views import page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

RECENTLY_CLOSED = 10


@router.get("/opportunities", response_class=HTMLResponse)
def board(
    request: Request, session: SessionDep, user: CurrentUser, owner: str | None = None
) -> HTMLResponse:
    mine = owner == "me"
    owner_id = user.id if mine else None
    board = service.pipeline_board(session, owner_id=owner_id)
    closed = [
        deal
        for status in ("won", "lost")
        for deal in service.list_opportunities(
            session, OpportunityFilters(status=status, owner_id=owner_id), limit=RECENTLY_CLOSED
        ).items
    ]
    closed.sort(key=lambda d: d.closed_at or d.updated_at, reverse=True)
    return page(
        request,
        "opportunities/board.html",
        user,
        "opportunities",
        {"board": board, "mine": mine, "closed": closed[:RECENTLY_CLOSED]},
    )


def _deal_page(
    request: Request,
    session: Session,
    user: User,
    opportunity_id: int,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    deal = service.get_opportunity(session, opportunity_id)
    roles = service.contact_roles(session, opportunity_id)
    # A deal has a handful of people (at most a few hundred): one lookup each is fine here.
    role_contacts = {
        r.contact_id: contacts_service.get_contact(session, r.contact_id) for r in roles
    }
    return page(
        request,
        "opportunities/detail.html",
        user,
        "opportunities",
        {
            "deal": deal,
            "account": contacts_service.get_account(session, deal.account_id),
            "roles": roles,
            "role_contacts": role_contacts,
            "users": users_by_id(session),
            "open_stages": OPEN_PIPELINE_STAGES,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/opportunities/{opportunity_id}", response_class=HTMLResponse)
def opportunity(
    request: Request, session: SessionDep, user: CurrentUser, opportunity_id: int
) -> HTMLResponse:
    return _deal_page(request, session, user, opportunity_id)


def _refused(
    request: Request, session: Session, user: User, opportunity_id: int
) -> Callable[[str, int], Response]:
    def answer(message: str, status_code: int) -> Response:
        return _deal_page(
            request, session, user, opportunity_id, error=message, status_code=status_code
        )

    return answer


@router.post("/opportunities/{opportunity_id}/move", response_model=None)
def move(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    opportunity_id: int,
    pipeline_stage: Annotated[str, Form()],
) -> Response:
    return submit(
        request,
        lambda: service.move_opportunity(session, opportunity_id, pipeline_stage, actor=actor),
        done=f"Moved to {pipeline_label(pipeline_stage)}.",
        then=f"/opportunities/{opportunity_id}",
        refused=_refused(request, session, user, opportunity_id),
    )


@router.post("/opportunities/{opportunity_id}/close", response_model=None)
def close(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    opportunity_id: int,
    outcome: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    won = outcome == "won"
    closed: list[service.ClosedDeal] = []

    def close_deal() -> None:
        closed.append(
            service.close_opportunity(session, opportunity_id, won=won, reason=reason, actor=actor)
        )

    return submit(
        request,
        close_deal,
        done=lambda: _closed_message(request, session, closed[0]),
        then=f"/opportunities/{opportunity_id}",
        refused=_refused(request, session, user, opportunity_id),
    )


def _closed_message(request: Request, session: Session, closed: service.ClosedDeal) -> str:
    """What closing did; each contact a won deal could not make a customer gets a message
    of its own, saying why, so that nobody believes they moved."""
    if closed.opportunity.status != "won":
        return "Deal closed as lost."
    for outcome in closed.not_moved:
        contact = contacts_service.get_contact(session, outcome.contact_id)
        flash(request, f"{person_name(contact)} {outcome.problem}.", "error")
    if not closed.not_moved:
        return "Deal won. Its people are now customers."
    moved = len(closed.contacts) - len(closed.not_moved)
    return f"Deal won. {moved} of its {len(closed.contacts)} people are now customers."


@router.post("/imports/deals", response_class=HTMLResponse)
def import_deals_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """The imports page's deals form: the result, with every row to look at."""
    return import_page(
        request, session, user, file, importer=import_deals, actor=actor, what="deals"
    )
