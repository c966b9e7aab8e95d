"""Settings > Custom fields: the fields your contacts and companies carry beyond Huddle's
own, defined and edited with forms (label, key, type, choices), archived when retired."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from huddle.auth.deps import CurrentUser, request_actor
from huddle.contacts import service
from huddle.contacts.schemas import CustomFieldDefinitionCreate, CustomFieldDefinitionUpdate
from huddle.core.errors import ResourceAlreadyExists
from huddle.core.permissions import Action, require
from huddle.web.deps import SessionDep
from huddle.web.views import form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
SETTINGS = "/settings/fields"
ENTITIES = {"contact": "Contact", "account": "Company"}
FIELD_TYPES = {
    "text": "Text",
    "number": "Number",
    "date": "Date",
    "boolean": "Yes / no",
    "choice": "Choice (a list of options)",
}


def _choices(text: str) -> list[str]:
    """One option a line (commas too, for a quick list typed on one line)."""
    return [part.strip() for line in text.splitlines() for part in line.split(",") if part.strip()]


def _settings_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    editing: str | None = None,
    error: str | None = None,
    draft: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    require(request_actor(request), Action.FIELDS_CONFIGURE)
    fields = service.list_custom_fields(session)
    return page(
        request,
        "contacts/fields.html",
        user,
        "fields",
        {
            "active": [f for f in fields if not f.archived],
            "archived": [f for f in fields if f.archived],
            "entities": ENTITIES,
            "field_types": FIELD_TYPES,
            "editing": editing,
            "error": error,
            "draft": draft or {},
        },
        status_code=status_code,
    )


@router.get(SETTINGS, response_class=HTMLResponse)
def custom_fields_settings(
    request: Request, session: SessionDep, user: CurrentUser
) -> HTMLResponse:
    return _settings_page(request, session, user)


def _refused(
    request: Request, session: SessionDep, user: User, editing: str, draft: dict[str, str]
) -> Callable[[str, int], Response]:
    def refused(message: str, status_code: int) -> Response:
        return _settings_page(
            request,
            session,
            user,
            editing=editing,
            error=message,
            draft=draft,
            status_code=status_code,
        )

    return refused


@router.post(SETTINGS, response_model=None)
def define_field(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    entity: Annotated[str, Form()] = "",
    key: Annotated[str, Form()] = "",
    label: Annotated[str, Form()] = "",
    field_type: Annotated[str, Form()] = "",
    choices: Annotated[str, Form()] = "",
) -> Response:
    draft = {"entity": entity, "key": key, "label": label, "field_type": field_type}
    draft["choices"] = choices
    refused = _refused(request, session, user, "field-new", draft)

    def change() -> object:
        data = form_schema(
            lambda: CustomFieldDefinitionCreate(
                entity=entity,
                key=key.strip(),
                label=label,
                field_type=field_type,
                choices=_choices(choices),
            )
        )
        return service.define_custom_field(session, data, actor=request_actor(request))

    try:
        return submit(
            request,
            change,
            done=f"Custom field “{label.strip()}” added",
            then=SETTINGS,
            refused=refused,
        )
    except ResourceAlreadyExists as exc:
        return refused(exc.message, exc.status_code)


@router.post(f"{SETTINGS}/{{field_id:int}}", response_model=None)
def edit_field(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    field_id: int,
    label: Annotated[str, Form()] = "",
    choices: Annotated[str | None, Form()] = None,
) -> Response:
    draft = {"label": label, "choices": choices or ""}
    definition = service.get_custom_field(session, field_id)

    # Only a choice field has choices; the form of another type sends none (and a field
    # left out of an update stays as it is).
    changes: dict[str, object] = {"label": label}
    if definition.field_type == "choice" and choices is not None:
        changes["choices"] = _choices(choices)

    def change() -> object:
        data = form_schema(lambda: CustomFieldDefinitionUpdate.model_validate(changes))
        return service.update_custom_field(session, field_id, data, actor=request_actor(request))

    return submit(
        request,
        change,
        done=f"Custom field “{label.strip()}” saved",
        then=SETTINGS,
        refused=_refused(request, session, user, f"field-{field_id}", draft),
    )


@router.post(f"{SETTINGS}/{{field_id:int}}/archive", response_model=None)
@router.post(f"{SETTINGS}/{{field_id:int}}/restore", response_model=None)
def archive_field(
    request: Request, session: SessionDep, user: CurrentUser, field_id: int
) -> Response:
    archived = request.url.path.endswith("/archive")
    definition = service.get_custom_field(session, field_id)
    return submit(
        request,
        lambda: service.update_custom_field(
            session,
            field_id,
            CustomFieldDefinitionUpdate(archived=archived),
            actor=request_actor(request),
        ),
        done=f"Custom field “{definition.label}” {'archived' if archived else 'restored'}",
        then=SETTINGS,
        refused=_refused(request, session, user, f"field-{field_id}", {}),
    )
