"""A new contact entered by hand, from the list's "New contact" button."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.auth.service import users_by_id
from huddle.contacts import service
from huddle.contacts.schemas import ContactCreate
from huddle.core.errors import ResourceAlreadyExists, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.templating import flash
from huddle.web.views import FormDataDep, form_schema, page, see_other

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

FIELDS = ("first_name", "last_name", "email", "company", "job_title", "phone", "owner_id")


def _form_page(
    request: Request,
    session: SessionDep,
    user: User,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
    existing: str | None = None,
) -> HTMLResponse:
    context: dict[str, Any] = {
        "values": values,
        "errors": errors,
        "existing": existing,
        "users": users_by_id(session),
    }
    return page(request, "contacts/new.html", user, "contacts", context, status_code=status_code)


@router.get("/contacts/new", response_class=HTMLResponse)
def new_contact(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _form_page(request, session, user, dict.fromkeys(FIELDS, ""), {})


@router.post("/contacts/new", response_model=None)
def create_contact(
    request: Request, session: SessionDep, user: CurrentUser, actor: CurrentActor, form: FormDataDep
) -> Response:
    values = {name: str(form.get(name) or "").strip() for name in FIELDS}
    given: dict[str, Any] = {k: v for k, v in values.items() if v}
    try:
        data = form_schema(lambda: ContactCreate.model_validate(given))
        contact = service.create_contact(session, data, actor=actor)
    except ValidationFailed as exc:
        errors = {e.field.split(".")[0]: e.message for e in exc.errors}
        return _form_page(request, session, user, values, errors or {"email": exc.message}, 422)
    except ResourceAlreadyExists as exc:
        existing = exc.message.split()[1]  # "contact <id> already has this email"
        errors = {"email": "another contact has this email already"}
        return _form_page(request, session, user, values, errors, 409, existing)
    flash(request, "Contact created.")
    return see_other(f"/contacts/{contact.id}")
