"""Accounts: the list, and one company's page with its people, deals and story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser, request_actor
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.contacts.models import Contact
from huddle.contacts.schemas import AccountFilters, AccountSort, ContactFilters, ContactSort
from huddle.contacts.views.detail import live_timeline, timeline_context
from huddle.core.errors import FieldError
from huddle.core.pagination import Page
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import OpportunityFilters
from huddle.web.deps import SessionDep
from huddle.web.format import person_name
from huddle.web.templating import is_htmx
from huddle.web.views import page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
PEOPLE_ON_PAGE = 25


@router.get("/accounts", response_class=HTMLResponse)
def account_list(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    q: str = "",
    owner: str = "",
    target: str = "",
    sort: str = AccountSort.NAME.value,
    cursor: str | None = None,
) -> HTMLResponse:
    form = {"q": q.strip(), "owner": owner, "target": "1" if target else ""}
    errors: list[FieldError] = []
    owner_id: int | str | None = None
    if owner == "me":
        owner_id = user.id
    elif owner == "unassigned" or owner.isdigit():
        owner_id = int(owner) if owner.isdigit() else owner
    try:
        filters = AccountFilters(
            q=form["q"] or None, owner_id=owner_id, is_target=bool(target) or None
        )
    except ValidationError:
        errors.append(FieldError("q", "that search is too long"))
        filters = AccountFilters()
    try:
        sorting = AccountSort(sort)
    except ValueError:
        sorting = AccountSort.NAME
    found = service.list_accounts(session, filters, sort=sorting, cursor=cursor, limit=PAGE_SIZE)
    params = {k: v for k, v in form.items() if v}
    if sorting != AccountSort.NAME:
        params["sort"] = sorting.value
    context = {
        "accounts": found.items,
        "next_cursor": found.next_cursor,
        "cursor": cursor,
        "params": params,
        "form": form,
        "sort": sorting.value,
        "errors": errors,
        "has_filters": any(form.values()),
        "users": users_by_id(session),
    }
    template = "accounts/_results.html" if is_htmx(request) else "accounts/list.html"
    return page(request, template, user, "accounts", context)


def account_page(
    request: Request,
    session: Session,
    user: User,
    account_id: int,
    *,
    before: str | None = None,
    status_code: int = 200,
    **errors: Any,
) -> HTMLResponse:
    account = service.get_account(session, account_id)
    staff = _people_on_page(session, account_id)
    context: dict[str, Any] = {
        "account": account,
        "people": staff.items,
        "people_more": staff.next_cursor is not None,
        "contact_names": _names(staff.items),
        "deals": lifecycle.list_opportunities(
            session, OpportunityFilters(account_id=account_id), limit=20
        ).items,
        "custom_fields": service.list_custom_fields(session, "account"),
        "users": users_by_id(session),
        **timeline_context(
            session, account_id=account_id, before=before, actor=request_actor(request)
        ),
        **errors,
    }
    return page(request, "accounts/detail.html", user, "accounts", context, status_code=status_code)


@router.get("/accounts/{account_id}", response_class=HTMLResponse)
def account_detail(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    account_id: int,
    before: str | None = None,
) -> HTMLResponse:
    return account_page(request, session, user, account_id, before=before)


@router.get("/accounts/{account_id}/timeline/live", response_model=None)
def account_timeline_live(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    account_id: int,
    after: str | None = None,
) -> Response:
    """The account page's timeline, kept current while it is open; its items name their
    contacts as the page does."""

    def names() -> dict[str, Any]:
        return {"contact_names": _names(_people_on_page(session, account_id).items)}

    return live_timeline(request, session, after=after, account_id=account_id, extra=names)


def _people_on_page(session: Session, account_id: int) -> Page[Contact]:
    """The account's people the page lists, highest score first."""
    return service.list_contacts(
        session,
        ContactFilters(account_id=account_id),
        sort=ContactSort.SCORE_DESC,
        limit=PEOPLE_ON_PAGE,
    )


def _names(people: Sequence[Contact]) -> dict[int, str]:
    return {c.id: person_name(c) for c in people}


@router.post("/accounts/{account_id}/notes", response_model=None)
def add_account_note(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    account_id: int,
    body: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: service.add_note(session, account_id=account_id, body=body, actor=actor),
        done="Note added.",
        then=f"/accounts/{account_id}#timeline",
        refused=lambda message, status_code: account_page(
            request,
            session,
            user,
            account_id,
            status_code=status_code,
            note_error=message,
            note_draft=body,
        ),
    )
