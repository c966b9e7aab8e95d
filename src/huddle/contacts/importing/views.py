"""The import page: upload a CSV, watch its counts grow, download the rows that failed,
resume an import that was interrupted.

Uploading and resuming reuse the API's ``start_import`` and ``queue_resume`` (store the
file, check its header, queue the job), so the page and the API accept and refuse exactly
the same files and imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor, CurrentUser, request_actor
from huddle.auth.service import users_by_id
from huddle.contacts.importing import service
from huddle.contacts.importing.api import queue_resume, start_import
from huddle.contacts.importing.mapping import CUSTOM_PREFIX, HISTORY_TARGETS
from huddle.contacts.importing.reader import (
    ENCODING_LABELS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROW_CHARS,
)
from huddle.contacts.importing.schemas import FORMAT_LABELS, source_label
from huddle.contacts.service import list_custom_fields
from huddle.core.dateformats import label as date_format_label
from huddle.core.errors import Conflict, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.templating import flash
from huddle.web.views import error_text, page, see_other

if TYPE_CHECKING:
    from huddle.auth.models import User

router = APIRouter(include_in_schema=False)

RECENT = 20
RUNNING = ("queued", "running")


def imports_page(
    request: Request,
    session: Session,
    user: User,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "jobs": service.list_imports(session, actor=request_actor(request), limit=RECENT),
        "formats": FORMAT_LABELS,
        "source_label": source_label,
        "encodings": ENCODING_LABELS,
        "users": users_by_id(session),
        "running": RUNNING,
        "error": error,
        "limits": {
            "file_mb": request.app.state.settings.max_import_bytes // (1024 * 1024),
            "row": MAX_ROW_CHARS,
            "cell": MAX_CELL_CHARS,
            "columns": MAX_COLUMNS,
        },
    }
    return page(request, "imports/list.html", user, "imports", context, status_code=status_code)


@router.get("/imports", response_class=HTMLResponse)
def imports(request: Request, session: SessionDep, user: CurrentUser) -> HTMLResponse:
    return imports_page(request, session, user)


@router.post("/imports", response_model=None)
def upload(
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
        job = start_import(session, request.app.state.settings, file, mapping=None, actor=actor)
    except ValidationFailed as exc:
        message = f"{file.filename} cannot be imported. {error_text(exc)}"
        return imports_page(request, session, user, error=message, status_code=422)
    flash(request, f"{job.filename} is queued for import.")
    return see_other(f"/imports/{job.id}")


@router.get("/imports/{import_id}", response_class=HTMLResponse)
def import_status(
    request: Request, session: SessionDep, user: CurrentUser, import_id: int
) -> HTMLResponse:
    job = service.get_import(session, import_id, actor=request_actor(request))
    context = {
        "job": job,
        "deferred_indexes": service.indexes_deferred_by(session, job.id),
        # The stage dates and custom fields by their labels; the others' names read well.
        "field_labels": HISTORY_TARGETS
        | {f"{CUSTOM_PREFIX}{d.key}": d.label for d in list_custom_fields(session, "contact")},
        "formats": FORMAT_LABELS,
        "source_label": source_label,
        "encodings": ENCODING_LABELS,
        "users": users_by_id(session),
        "running": RUNNING,
        "dates_read": {
            header: date_format_label(code) for header, code in (job.date_formats or {}).items()
        },
    }
    return page(request, "imports/detail.html", user, "imports", context)


@router.post("/imports/{import_id}/resume", response_model=None)
def resume(request: Request, session: SessionDep, actor: CurrentActor, import_id: int) -> Response:
    try:
        job = queue_resume(session, import_id, actor=actor)
    except Conflict as exc:
        flash(request, error_text(exc), "error")
        return see_other(f"/imports/{import_id}")
    where = f" from line {job.resume_line:,}" if job.resume_line else ""
    flash(request, f"{job.filename} is queued to go on{where}.")
    return see_other(f"/imports/{import_id}")
