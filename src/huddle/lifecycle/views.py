"""Pipeline pages: the board of open deals and one deal's page with its stage and outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import AccountFilters
from huddle.core.stages import OPEN_PIPELINE_STAGES
from huddle.lifecycle import service
from huddle.lifecycle.importing.deals import import_deals
from huddle.lifecycle.importing.formats import DEAL_FIELDS
from huddle.lifecycle.schemas import OpportunityCreate, OpportunityFilters, OpportunityUpdate
from huddle.web.deps import SessionDep
from huddle.web.format import local_today, person_name, pipeline_label
from huddle.web.templating import flash, render
from huddle.web.uploads import columns_fragment, import_page
from huddle.web.views import FormDataDep, form_schema, page, see_other, submit

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
        {
            "board": board,
            "mine": mine,
            "closed": closed[:RECENTLY_CLOSED],
            "today": local_today(user.time_zone),
            "open_stages": OPEN_PIPELINE_STAGES,
        },
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
            "activity": service.deal_activity(session, opportunity_id),
            "today": local_today(user.time_zone),
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/opportunities/{opportunity_id:int}", response_class=HTMLResponse)
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
    back: Annotated[Literal["deal", "board"], Form()] = "deal",
) -> Response:
    """Move a deal from its page, or from the board (a drag, or the card's stage menu):
    back to where it was moved from. ``back`` is one of two places, never a URL."""
    return submit(
        request,
        lambda: service.move_opportunity(session, opportunity_id, pipeline_stage, actor=actor),
        done=f"Moved to {pipeline_label(pipeline_stage)}.",
        then="/opportunities" if back == "board" else f"/opportunities/{opportunity_id}",
        refused=_refused(request, session, user, opportunity_id),
    )


@router.post("/opportunities/{opportunity_id}/edit", response_model=None)
def edit(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    opportunity_id: int,
    name: Annotated[str, Form()],
    amount: Annotated[str, Form()],
    currency: Annotated[str, Form()],
    expected_close_date: Annotated[str, Form()] = "",
    owner_id: Annotated[str, Form()] = "",
) -> Response:
    """The deal's details form: every field is sent, so an emptied close date or owner is
    cleared."""

    def change() -> None:
        data = form_schema(
            lambda: OpportunityUpdate(
                name=name,
                amount=amount,
                currency=currency.strip().upper(),
                expected_close_date=expected_close_date or None,
                owner_id=owner_id or None,
            )
        )
        service.update_opportunity(session, opportunity_id, data, actor=actor)

    return submit(
        request,
        change,
        done="Deal saved.",
        then=f"/opportunities/{opportunity_id}",
        refused=_refused(request, session, user, opportunity_id),
    )


@router.post("/opportunities/{opportunity_id}/notes", response_model=None)
def add_note(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    opportunity_id: int,
    body: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: service.add_deal_note(session, opportunity_id, body=body, actor=actor),
        done="Note added.",
        then=f"/opportunities/{opportunity_id}#activity",
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
    form: FormDataDep,
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """The imports page's deals form: the result, with every row to look at. The
    columns are read as the form's drop-downs map them, or by the file's header."""
    return import_page(
        request, session, user, file, importer=import_deals, actor=actor, what="deals", choices=form
    )


@router.post("/imports/deals/columns", response_class=HTMLResponse)
def deal_file_columns(
    request: Request, actor: CurrentActor, file: Annotated[UploadFile | None, File()] = None
) -> HTMLResponse:
    """A deals file's columns, each with the deal field it fills (the form's next step)."""
    return columns_fragment(request, file, actor=actor, kind="deals", fields=DEAL_FIELDS)


# --- a new deal -----------------------------------------------------------------------------

ACCOUNT_CHOICES = 20


@router.get("/opportunities/new", response_class=HTMLResponse)
def new_deal(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    account_id: Annotated[int | None, Query()] = None,
    contact_id: Annotated[int | None, Query()] = None,
) -> HTMLResponse:
    """The new-deal form: from an account or a contact, the account is known; from the
    board, it is searched for by name."""
    return _new_deal_page(request, session, user, account_id=account_id, contact_id=contact_id)


def _new_deal_page(
    request: Request,
    session: Session,
    user: User,
    *,
    account_id: int | None,
    contact_id: int | None,
    values: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    contact = contacts_service.get_contact(session, contact_id) if contact_id else None
    if contact is not None and account_id is None:
        account_id = contact.account_id
    account = contacts_service.get_account(session, account_id) if account_id else None
    return page(
        request,
        "opportunities/new.html",
        user,
        "opportunities",
        {
            "account": account,
            "contact": contact,
            "users": users_by_id(session),
            "open_stages": OPEN_PIPELINE_STAGES,
            "values": values or {"owner_id": str(user.id)},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/opportunities/new/accounts", response_class=HTMLResponse)
def account_choices(
    request: Request, session: SessionDep, user: CurrentUser, q: str = ""
) -> HTMLResponse:
    """The accounts whose name starts with what was typed, as the form's choices."""
    found = (
        contacts_service.list_accounts(session, AccountFilters(q=q), limit=ACCOUNT_CHOICES).items
        if q.strip()
        else []
    )
    return render(request, "opportunities/_account_choices.html", {"found": found})


@router.post("/opportunities/new", response_model=None)
def create_deal(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    name: Annotated[str, Form()] = "",
    account_id: Annotated[str, Form()] = "",
    contact_id: Annotated[str, Form()] = "",
    amount: Annotated[str, Form()] = "0",
    currency: Annotated[str, Form()] = "USD",
    expected_close_date: Annotated[str, Form()] = "",
    pipeline_stage: Annotated[str, Form()] = "qualification",
    owner_id: Annotated[str, Form()] = "",
) -> Response:
    values = {
        "name": name,
        "amount": amount,
        "currency": currency,
        "expected_close_date": expected_close_date,
        "pipeline_stage": pipeline_stage,
        "owner_id": owner_id,
    }
    created: list[int] = []

    def create() -> None:
        data = form_schema(
            lambda: OpportunityCreate(
                name=name,
                account_id=account_id or None,
                primary_contact_id=contact_id or None,
                amount=amount or 0,
                currency=currency.strip().upper(),
                expected_close_date=expected_close_date or None,
                pipeline_stage=pipeline_stage,
                owner_id=owner_id or None,
                contacts=[{"contact_id": contact_id, "role": "decision_maker"}]
                if contact_id
                else [],
            )
        )
        created.append(service.create_opportunity(session, data, actor=actor).id)

    def refused(message: str, status_code: int) -> Response:
        return _new_deal_page(
            request,
            session,
            user,
            account_id=_number(account_id),
            contact_id=_number(contact_id),
            values=values,
            error=message,
            status_code=status_code,
        )

    response = submit(request, create, done="Deal created.", then="/opportunities", refused=refused)
    return see_other(f"/opportunities/{created[0]}") if created else response


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None
