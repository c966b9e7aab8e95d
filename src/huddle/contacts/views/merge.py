"""Merging a duplicate: find it by email, compare both records, choose values, merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.contacts.merge import CONTACT_FIELDS
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactFilters
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import permissions
from huddle.core.errors import ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action
from huddle.web.deps import SessionDep
from huddle.web.format import humanize, person_name
from huddle.web.templating import flash
from huddle.web.views import FormDataDep, error_text, page, see_other

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

LABELS = {"account_id": "Company", "owner_id": "Owner"}


@dataclass(frozen=True)
class MergeRow:
    field: str
    label: str
    survivor: str
    merged: str
    # Which side the service would keep without a choice, so the form starts there.
    default: str

    @property
    def same(self) -> bool:
        return self.survivor == self.merged


def _find_by_email(session: Session, email: str) -> Contact:
    try:
        wanted = normalize_email(email)
    except InvalidEmail as exc:
        raise ResourceNotFound(f"{email} is not an email address: {exc}") from exc
    found = service.list_contacts(session, ContactFilters(q=wanted), limit=20).items
    match = next((c for c in found if c.email == wanted), None)
    if match is None:
        raise ResourceNotFound(f"No contact has the email {wanted}.")
    return match


def _shown(session: Session, field: str, value: Any, users: dict[int, User]) -> str:
    if value in (None, ""):
        return ""
    if field == "account_id":
        return service.get_account(session, value).name
    if field == "owner_id":
        owner = users.get(value)
        return owner.name if owner else f"User #{value}"
    return str(value)


def _rows(
    session: Session, keep: Contact, other: Contact, users: dict[int, User]
) -> list[MergeRow]:
    keep_newer = keep.updated_at >= other.updated_at
    rows = []
    for field in CONTACT_FIELDS:
        mine, theirs = getattr(keep, field), getattr(other, field)
        if field == "email":
            default = "survivor"
        elif mine in (None, "") or (theirs not in (None, "") and not keep_newer):
            default = "merged"
        else:
            default = "survivor"
        rows.append(
            MergeRow(
                field,
                LABELS.get(field, humanize(field)),
                _shown(session, field, mine, users),
                _shown(session, field, theirs, users),
                default,
            )
        )
    return rows


def _compare_page(
    request: Request,
    session: Session,
    user: User,
    contact_id: int,
    other: Contact,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    keep = service.get_contact_detail(session, contact_id)
    if keep.id == other.id:
        raise ValidationFailed("A contact cannot be merged with itself.")
    users = users_by_id(session)
    context = {
        "contact": keep,
        "other": other,
        "rows": _rows(session, keep, other, users),
        "error": error,
    }
    return page(request, "contacts/merge.html", user, "contacts", context, status_code=status_code)


@router.get("/contacts/{contact_id}/merge", response_class=HTMLResponse)
def compare(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    email: str = "",
) -> HTMLResponse:
    # The merge itself is refused in the service; this spares the form to those who can't.
    permissions.require(actor, Action.CONTACT_MERGE)
    keep = service.get_contact(session, contact_id)
    permissions.require_owned(actor, Action.CONTACT_MERGE, keep.owner_id)
    return _compare_page(request, session, user, contact_id, _find_by_email(session, email))


@router.post("/contacts/{contact_id}/merge", response_model=None)
def merge(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    contact_id: int,
    form: FormDataDep,
) -> Response:
    merged_id = str(form.get("merged_id", ""))
    if not merged_id.isdigit():
        raise ValidationFailed("Choose the contact to merge.")
    choices: dict[str, Any] = {
        str(key).removeprefix("choice_"): str(value)
        for key, value in form.items()
        if str(key).startswith("choice_")
    }
    try:
        merged = service.get_contact(session, int(merged_id))
        label = person_name(merged)
        service.merge_contacts(session, contact_id, int(merged_id), choices=choices, actor=actor)
    except ValidationFailed as exc:
        other = service.get_contact(session, int(merged_id))
        return _compare_page(
            request,
            session,
            user,
            contact_id,
            other,
            error=error_text(exc),
            status_code=exc.status_code,
        )
    flash(request, f"Merged {label} into this contact.")
    return see_other(f"/contacts/{contact_id}")
