"""Tracking settings: sites and their snippet, forms, and the event-type registry."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from huddle.auth.deps import CurrentActor, CurrentUser, request_actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, may
from huddle.tracking import service
from huddle.tracking.importing import TOUCH_FIELDS, import_touches
from huddle.tracking.models import EVENT_CATEGORIES
from huddle.tracking.schemas import (
    EventTypeCreate,
    EventTypeUpdate,
    FormCreate,
    FormUpdate,
    SiteCreate,
    SiteUpdate,
)
from huddle.web.deps import SessionDep
from huddle.web.uploads import columns_fragment, import_page
from huddle.web.views import FormDataDep, form_schema, page, submit

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)
PATH = "/settings/tracking"


DEFAULT_FIELDS = """email, Work email, email, required
first_name, First name, text
last_name, Last name, text
company, Company, text
consent, Send me product news by email, checkbox"""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fields(text: str) -> list[dict[str, Any]]:
    """'name, Label, type, required' per line; a label with a comma goes in double quotes
    ("Yes, send me news"), a quote in it doubled, as in CSV."""
    fields = []
    for number, line in enumerate(_lines(text), start=1):
        try:
            cells = next(csv.reader([line], skipinitialspace=True, strict=True))
        except csv.Error as exc:
            reason = f'line {number}: quotes enclose a whole label, e.g. "Yes, send me news"'
            raise ValidationFailed("bad fields", [FieldError("fields", reason)]) from exc
        parts = [p.strip() for p in cells]
        fields.append(
            {
                "name": parts[0],
                "label": parts[1] if len(parts) > 1 and parts[1] else parts[0],
                "type": parts[2] if len(parts) > 2 and parts[2] else "text",
                "required": len(parts) > 3 and parts[3].lower() == "required",
            }
        )
    return fields


def fields_text(fields: list[dict[str, Any]]) -> str:
    """A form's fields as the settings page's text, which ``_fields`` reads back."""

    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if "," in value or '"' in value else value

    lines = []
    for field in fields:
        parts = [field["name"], cell(field["label"]), field["type"]]
        lines.append(", ".join(parts + (["required"] if field.get("required") else [])))
    return "\n".join(lines)


def _settings_page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    # Everyone signed in sees the set-up (read-only for those who may not configure it);
    # each change is refused by the service.
    actor = request_actor(request)
    sites = service.list_sites(session)
    forms = service.list_forms(session)
    activity = (
        service.event_type_activity(session, actor=actor)
        if may(actor, Action.TRACKING_CONFIGURE)
        else {}
    )
    return page(
        request,
        "tracking/settings.html",
        user,
        "tracking",
        {
            "sites": sites,
            "forms_by_site": {s.id: [f for f in forms if f.site_id == s.id] for s in sites},
            "event_types": service.list_event_types(session),
            "activity": activity,
            "page_views": activity.get("page_view"),
            "categories": EVENT_CATEGORIES,
            "base_url": str(request.base_url).rstrip("/"),
            "default_fields": DEFAULT_FIELDS,
            "fields_text": fields_text,
            "error": error,
        },
        status_code=status_code,
    )


@router.get(PATH, response_class=HTMLResponse)
def tracking_settings(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return _settings_page(request, session, user)


def _refused(request: Request, session: SessionDep, user: User) -> Any:
    def answer(message: str, status_code: int) -> Response:
        return _settings_page(request, session, user, error=message, status_code=status_code)

    return answer


@router.post(f"{PATH}/sites", response_model=None)
def add_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()],
    allowed_origins: Annotated[str, Form()] = "",
    allowed_redirects: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: service.create_site(
            session,
            form_schema(
                lambda: SiteCreate(
                    name=name,
                    allowed_origins=_lines(allowed_origins),
                    allowed_redirects=_lines(allowed_redirects),
                )
            ),
            actor=request_actor(request),
        ),
        done=f"Site {name} added. Paste its snippet into every page.",
        then=PATH,
        refused=_refused(request, session, user),
    )


@router.post(f"{PATH}/sites/{{site_id}}", response_model=None)
def edit_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    site_id: int,
    allowed_origins: Annotated[str, Form()] = "",
    allowed_redirects: Annotated[str, Form()] = "",
) -> Response:
    return submit(
        request,
        lambda: service.update_site(
            session,
            site_id,
            form_schema(
                lambda: SiteUpdate(
                    allowed_origins=_lines(allowed_origins),
                    allowed_redirects=_lines(allowed_redirects),
                )
            ),
            actor=request_actor(request),
        ),
        done="Site saved.",
        then=PATH,
        refused=_refused(request, session, user),
    )


class FormSettingsIn(BaseModel):
    """A form's settings as the page's fields give them."""

    name: str
    fields: str
    thank_you_url: str
    consent_field: str = ""
    consent_text: str = ""
    min_fill_seconds: int = 3

    def values(self) -> dict[str, Any]:
        """For ``FormCreate``/``FormUpdate``: the fields parsed, an empty consent none."""
        return {
            "name": self.name,
            "fields": _fields(self.fields),
            "thank_you_url": self.thank_you_url,
            "consent_field": self.consent_field.strip() or None,
            "consent_text": self.consent_text.strip() or None,
            "min_fill_seconds": self.min_fill_seconds,
        }


@router.post(f"{PATH}/forms", response_model=None)
def add_form(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    site_id: Annotated[int, Form()],
    given: Annotated[FormSettingsIn, Form()],
) -> Response:
    return submit(
        request,
        lambda: service.create_form(
            session,
            form_schema(lambda: FormCreate.model_validate({"site_id": site_id, **given.values()})),
            actor=request_actor(request),
        ),
        done=f"Form {given.name} added.",
        then=PATH,
        refused=_refused(request, session, user),
    )


@router.post(f"{PATH}/forms/{{form_id}}", response_model=None)
def edit_form(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    form_id: int,
    given: Annotated[FormSettingsIn, Form()],
) -> Response:
    """Change a form in place: its key, and so the pages that post to it, stay."""
    return submit(
        request,
        lambda: service.update_form(
            session,
            form_id,
            form_schema(lambda: FormUpdate.model_validate(given.values())),
            actor=request_actor(request),
        ),
        done=f"Form {given.name} saved.",
        then=PATH,
        refused=_refused(request, session, user),
    )


@router.post(f"{PATH}/event-types", response_model=None)
def add_event_type(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()],
    label: Annotated[str, Form()],
    category: Annotated[str, Form()],
    identifies: Annotated[bool, Form()] = False,
    creates_contacts: Annotated[bool, Form()] = False,
) -> Response:
    return submit(
        request,
        lambda: service.create_event_type(
            session,
            form_schema(
                lambda: EventTypeCreate.model_validate(
                    {
                        "name": name.strip(),
                        "label": label,
                        "category": category,
                        "identifies": identifies,
                        "creates_contacts": creates_contacts,
                    }
                )
            ),
            actor=request_actor(request),
        ),
        done=f"Event type {name} registered.",
        then=PATH,
        refused=_refused(request, session, user),
    )


@router.post(f"{PATH}/event-types/{{event_type_id}}", response_model=None)
def edit_event_type(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    event_type_id: int,
    label: Annotated[str, Form()],
    category: Annotated[str, Form()],
    identifies: Annotated[bool, Form()] = False,
    creates_contacts: Annotated[bool, Form()] = False,
) -> Response:
    """Relabel or recategorise a type, or change whether it identifies people and creates
    contacts (an unticked box is no). Its name stays: touches and rules refer to it."""
    return submit(
        request,
        lambda: service.update_event_type(
            session,
            event_type_id,
            form_schema(
                lambda: EventTypeUpdate.model_validate(
                    {
                        "label": label,
                        "category": category,
                        "identifies": identifies,
                        "creates_contacts": creates_contacts,
                    }
                )
            ),
            actor=request_actor(request),
        ),
        done=f"Event type {label} saved.",
        then=f"{PATH}#event-types",
        refused=_refused(request, session, user),
    )


@router.post("/imports/touches", response_class=HTMLResponse)
def import_touches_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    form: FormDataDep,
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """The imports page's activities form: the result, with every row to look at. The
    columns are read as the form's drop-downs map them, or by the file's header."""
    return import_page(
        request,
        session,
        user,
        file,
        importer=import_touches,
        actor=actor,
        what="activities",
        choices=form,
    )


@router.post("/imports/touches/columns", response_class=HTMLResponse)
def touch_file_columns(
    request: Request, actor: CurrentActor, file: Annotated[UploadFile | None, File()] = None
) -> HTMLResponse:
    """An activities file's columns, each with the field it fills (the form's next step)."""
    return columns_fragment(request, file, actor=actor, kind="touches", fields=TOUCH_FIELDS)
