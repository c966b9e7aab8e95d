"""The import wizard's pages: upload → map the columns (a new custom field inline) → check
the whole file in a dry run → import, then watch it on the import's page.

Each step is a page of its own (POST-redirect-GET), so going back and forth, reloading or
opening a step in another tab shows what was chosen: the mapping is kept with the upload.
The pages use the same services as the API (``wizard``, ``api.import_staged``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.contacts.importing import saved_mappings, wizard
from huddle.contacts.importing.mapping import CUSTOM_PREFIX
from huddle.contacts.importing.models import ImportUpload
from huddle.contacts.importing.new_fields import header_key
from huddle.contacts.importing.schemas import FORMAT_LABELS, ColumnPreview, ImportPreview
from huddle.contacts.importing.views import imports_page
from huddle.contacts.importing.wizard_api import import_staged, staged_dir
from huddle.contacts.schemas import CustomFieldDefinitionCreate
from huddle.contacts.service import define_custom_field
from huddle.core.actor import Actor
from huddle.core.errors import HuddleError, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.templating import flash
from huddle.web.views import FormDataDep, error_text, page, see_other

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

NEW_FIELD = "__new__"
FIELD_TYPES = {
    "text": "Text",
    "number": "Number",
    "date": "Date (YYYY-MM-DD)",
    "boolean": "Yes / no",
    "choice": "Choice (one of a list)",
}
STEPS = ("Upload", "Map columns", "Check", "Import")


def _wizard_url(token: str, step: str = "") -> str:
    return f"/imports/wizard/{token}" + (f"/{step}" if step else "")


@router.post("/imports/wizard", response_model=None)
def upload_for_mapping(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if file is None or not file.filename:
        return imports_page(
            request, session, user, error="Choose a CSV file to import.", status_code=422
        )
    try:
        upload = wizard.stage_upload(
            session,
            staged_dir(request.app.state.settings),
            file.file,
            filename=file.filename,
            actor=actor,
        )
    except ValidationFailed as exc:
        message = f"{file.filename} cannot be imported. {error_text(exc)}"
        return imports_page(request, session, user, error=message, status_code=422)
    return see_other(_wizard_url(upload.token))


@router.get("/imports/wizard/{token}", response_class=HTMLResponse)
def mapping_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    token: str,
    saved: int | None = None,
) -> HTMLResponse:
    upload = wizard.get_upload(session, token, actor=actor)
    preview = wizard.preview_upload(session, upload, actor=actor)
    chosen, using = _initial_choice(session, upload, preview, saved, actor=actor)
    return _mapping_page(request, user, upload, preview, chosen, using=using)


def _initial_choice(
    session: Session,
    upload: ImportUpload,
    preview: ImportPreview,
    saved_id: int | None,
    *,
    actor: Actor,
) -> tuple[dict[str, str | None], str | None]:
    """The saved mapping asked for, else the one chosen last, else the suggestions."""
    if saved_id is not None:
        saved = saved_mappings.get_mapping(session, saved_id, actor=actor)
        return {h: saved.mapping.get(h) for h in preview.header}, saved.name
    if upload.mapping is not None:
        return dict(upload.mapping), None
    return dict(preview.suggested_mapping), None


def _mapping_page(
    request: Request,
    user: User,
    upload: ImportUpload,
    preview: ImportPreview,
    chosen: dict[str, str | None],
    *,
    using: str | None = None,
    new_fields: dict[int, dict[str, str]] | None = None,
    errors: dict[int, str] | None = None,
    error: str | None = None,
) -> HTMLResponse:
    context = {
        "upload": upload,
        "preview": preview,
        "chosen": chosen,
        "mapped": sum(1 for target in chosen.values() if target),
        "using": using,
        "new_fields": new_fields or {},
        "column_errors": errors or {},
        "error": error,
        "formats": FORMAT_LABELS,
        "field_types": FIELD_TYPES,
        "new_field": NEW_FIELD,
        "steps": STEPS,
        "step": 1,
        "builtin": [t for t in preview.targets if not t.custom],
        "custom": [t for t in preview.targets if t.custom],
    }
    status = 422 if error or errors else 200
    return page(request, "imports/wizard_map.html", user, "imports", context, status_code=status)


@router.post("/imports/wizard/{token}/mapping", response_model=None)
def choose_mapping(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    token: str,
    form: FormDataDep,
) -> Response:
    """Create the new fields asked for, keep the mapping, and go on to the check."""
    upload = wizard.get_upload(session, token, actor=actor)
    preview = wizard.preview_upload(session, upload, actor=actor)
    chosen, new_fields = _read_form(form, preview.columns)
    errors = _create_fields(session, preview.columns, chosen, new_fields, actor=actor)
    problem = None
    if not errors:
        try:
            saved_mappings.check_mapping(session, chosen)
        except ValidationFailed as exc:
            errors, problem = _mapping_errors(exc, preview.columns)
    if errors or problem:
        preview = wizard.preview_upload(session, upload, actor=actor)
        message = problem or "Some columns cannot be imported as mapped; see below."
        return _mapping_page(
            request,
            user,
            upload,
            preview,
            chosen,
            new_fields=new_fields,
            errors=errors,
            error=message,
        )
    wizard.choose_mapping(upload, chosen)
    return see_other(_wizard_url(token, "check"))


def _read_form(
    form: FormData, columns: list[ColumnPreview]
) -> tuple[dict[str, str | None], dict[int, dict[str, str]]]:
    """The target chosen for each named column, and the new fields asked for by column."""
    chosen: dict[str, str | None] = {}
    new_fields: dict[int, dict[str, str]] = {}
    for column in columns:
        if not column.header:
            continue
        target = str(form.get(f"map-{column.index}") or "") or None
        chosen[column.header] = target
        if target == NEW_FIELD:
            new_fields[column.index] = {
                "label": str(form.get(f"new-label-{column.index}") or column.header).strip(),
                "field_type": str(form.get(f"new-type-{column.index}") or column.inferred_type),
                "choices": str(form.get(f"new-choices-{column.index}") or ""),
            }
    return chosen, new_fields


def _create_fields(
    session: Session,
    columns: list[ColumnPreview],
    chosen: dict[str, str | None],
    new_fields: dict[int, dict[str, str]],
    *,
    actor: Actor,
) -> dict[int, str]:
    """Define each new custom field and map its column to it; the problems by column."""
    errors: dict[int, str] = {}
    for column in columns:
        asked = new_fields.get(column.index)
        if asked is None:
            continue
        try:
            data = _definition(asked)
            define_custom_field(session, data, actor=actor)
        except HuddleError as exc:
            errors[column.index] = error_text(exc)
            continue
        except ValueError as exc:  # pydantic's, from the definition's own rules
            errors[column.index] = _first_message(exc)
            continue
        chosen[column.header] = CUSTOM_PREFIX + data.key
        del new_fields[column.index]
    return errors


def _definition(asked: dict[str, str]) -> CustomFieldDefinitionCreate:
    kind = asked["field_type"]
    choices = [c.strip() for c in asked["choices"].split("\n") if c.strip()]
    return CustomFieldDefinitionCreate(
        entity="contact",
        key=header_key(asked["label"]),
        label=asked["label"],
        field_type=kind,
        choices=choices if kind == "choice" else [],
    )


def _first_message(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        found: list[dict[str, Any]] = errors(include_url=False)
        if found:
            where = ".".join(str(p) for p in found[0]["loc"])
            return f"{where}: {str(found[0]['msg']).removeprefix('Value error, ')}"
    return str(exc)


def _mapping_errors(
    exc: ValidationFailed, columns: list[ColumnPreview]
) -> tuple[dict[int, str], str | None]:
    """The mapping's problems: by column where one is named, else for the whole form."""
    index = {f"mapping.{c.header}": c.index for c in columns}
    errors: dict[int, str] = {}
    general: list[str] = []
    for problem in exc.errors:
        if problem.field in index:
            errors[index[problem.field]] = problem.message
        else:
            general.append(problem.message[:1].upper() + problem.message[1:] + ".")
    return errors, " ".join(general) or None


# The check page's answer to "dates like 03/04/2024 are ..." (absent: not asked).
_DATE_ORDERS = {"day_first": True, "month_first": False}


@router.get("/imports/wizard/{token}/check", response_class=HTMLResponse, response_model=None)
def check_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    actor: CurrentActor,
    token: str,
    dates: str | None = None,
) -> Response:
    upload = wizard.get_upload(session, token, actor=actor)
    if upload.mapping is None:
        return see_other(_wizard_url(token))
    try:
        result = wizard.dry_run(
            session, upload, upload.mapping, actor=actor, day_first=_DATE_ORDERS.get(dates or "")
        )
    except ValidationFailed as exc:
        flash(request, f"The mapping cannot be used any more. {error_text(exc)}", "error")
        return see_other(_wizard_url(token))
    context = {
        "upload": upload,
        "result": result,
        "steps": STEPS,
        "step": 2,
        "skipped": [h for h, target in upload.mapping.items() if not target],
        "labels": wizard.target_labels(session),
    }
    return page(request, "imports/wizard_check.html", user, "imports", context)


@router.post("/imports/wizard/{token}/import", response_model=None)
def import_upload(
    request: Request,
    session: SessionDep,
    actor: CurrentActor,
    token: str,
    form: FormDataDep,
) -> Response:
    upload = wizard.get_upload(session, token, actor=actor)
    if upload.mapping is None:
        return see_other(_wizard_url(token))
    save_as = str(form.get("save_as") or "").strip() or None
    try:
        job = import_staged(
            session,
            request.app.state.settings,
            token,
            mapping=upload.mapping,
            save_as=save_as,
            actor=actor,
            day_first=_DATE_ORDERS.get(str(form.get("dates") or "")),
        )
    except ValidationFailed as exc:
        flash(request, error_text(exc), "error")
        return see_other(_wizard_url(token, "check"))
    saved = f" The mapping is saved as “{save_as}”." if save_as else ""
    flash(request, f"{job.filename} is queued for import.{saved}")
    return see_other(f"/imports/{job.id}")
