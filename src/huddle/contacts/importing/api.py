"""Contact import and export over HTTP (mounted under /api/v1).

An upload is streamed to ``<data_dir>/imports`` a megabyte at a time, its header and
mapping are checked at once (422 naming each problem; nothing is recorded), and the
import runs in the background worker. ``GET /imports/{id}`` shows its counts as each
chunk commits; ``/imports/{id}/errors.csv`` gives the rows that failed;
``POST /imports/{id}/resume`` goes on with an interrupted one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, File, Form, Query, Request, UploadFile, status
from fastapi.responses import FileResponse, StreamingResponse
from sqlalchemy.orm import Session, sessionmaker

from huddle.auth.deps import CurrentActor
from huddle.contacts import service as contacts_service
from huddle.contacts.importing import service, tasks
from huddle.contacts.importing.csvcells import csv_lines
from huddle.contacts.importing.schemas import ImportJobRead
from huddle.contacts.models import ImportJob
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.jobs import enqueue
from huddle.core.settings import Settings
from huddle.web.deps import SessionDep

router = APIRouter()

_BLOCK = 1 << 20


def imports_dir(settings: Settings) -> Path:
    return settings.data_dir / "imports"


def stored_paths(settings: Settings, job_id: int) -> tuple[Path, Path]:
    """Where an uploaded import and its error report are kept."""
    folder = imports_dir(settings)
    return folder / f"{job_id}.csv", folder / f"{job_id}-errors.csv"


def read_job(job: ImportJob) -> ImportJobRead:
    return ImportJobRead.model_validate(
        {
            **{
                name: getattr(job, name)
                for name in ImportJobRead.model_fields
                if name != "has_errors"
            },
            "has_errors": bool(job.error_file),
        }
    )


def _parse_mapping(mapping: str | None) -> dict[str, Any] | None:
    if mapping is None or not mapping.strip():
        return None
    try:
        parsed = orjson.loads(mapping)
    except orjson.JSONDecodeError as exc:
        raise ValidationFailed(
            "the mapping is not JSON", [FieldError("mapping", f"not JSON: {exc}")]
        ) from exc
    if not isinstance(parsed, dict):
        raise ValidationFailed(
            "the mapping must be an object",
            [FieldError("mapping", 'give {"csv header": "huddle field", ...}')],
        )
    return parsed


def _parse_placeholders(placeholders: str | None) -> tuple[str, ...] | None:
    if placeholders is None or not placeholders.strip():
        return None
    try:
        parsed = orjson.loads(placeholders)
    except orjson.JSONDecodeError as exc:
        raise ValidationFailed(
            "the placeholders are not JSON", [FieldError("placeholders", f"not JSON: {exc}")]
        ) from exc
    if not isinstance(parsed, list) or not all(isinstance(word, str) for word in parsed):
        raise ValidationFailed(
            "the placeholders must be a list of words",
            [FieldError("placeholders", 'give ["N/A", "-", ...]')],
        )
    return tuple(parsed)


def start_import(
    session: Session,
    settings: Settings,
    upload: UploadFile,
    *,
    mapping: dict[str, Any] | None,
    actor: Actor,
    options: service.ImportOptions | None = None,
) -> ImportJob:
    """Store the upload, check it, record the import and queue it for the worker."""
    folder = imports_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    incoming = folder / f"upload-{uuid.uuid4().hex}.csv"
    try:
        with incoming.open("wb") as target:
            while block := upload.file.read(_BLOCK):
                target.write(block)
        return queue_stored(
            session,
            settings,
            incoming,
            filename=upload.filename or "upload.csv",
            mapping=mapping,
            actor=actor,
            options=options,
        )
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise


def queue_stored(
    session: Session,
    settings: Settings,
    incoming: Path,
    *,
    filename: str,
    mapping: Mapping[str, object] | None,
    actor: Actor,
    options: service.ImportOptions | None = None,
) -> ImportJob:
    """Check a stored file, record its import and queue it; the file moves to the import's
    own place. A file refused stays where it was."""
    job = service.create_import(
        session, incoming, filename=filename, mapping=mapping, actor=actor, options=options
    )
    path, errors_path = stored_paths(settings, job.id)
    incoming.replace(path)
    enqueue(session, tasks.KIND, tasks.payload(job.id, path, errors_path))
    return job


def queue_resume(session: Session, import_id: int, *, actor: Actor) -> ImportJob:
    """Queue an interrupted import for the worker, to go on from its last committed chunk."""
    job = service.resume_import(session, import_id, actor=actor)
    # An interrupted import has run, so it knows where its file and report are.
    assert job.source_path is not None and job.report_path is not None
    enqueue(
        session, tasks.KIND, tasks.payload(job.id, Path(job.source_path), Path(job.report_path))
    )
    return job


@router.post(
    "/imports",
    operation_id="imports.create",
    response_model=ImportJobRead,
    status_code=status.HTTP_202_ACCEPTED,
    tags=["imports"],
)
def create_import(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    file: Annotated[UploadFile, File(description="A CSV file: HubSpot, Salesforce or Huddle")],
    mapping: Annotated[
        str | None,
        Form(description='JSON {"csv header": "huddle field"}; detected from the header if absent'),
    ] = None,
    key: Annotated[
        Literal["email", "external_id"],
        Form(
            description="What rows are matched to contacts by first: email (then the "
            "external id, for rows without email) or external_id (then the email)"
        ),
    ] = "email",
    clear_empty: Annotated[
        bool,
        Form(
            description="An empty cell of a mapped column clears the field of an existing "
            "contact (never its email, external id, consent or stage)"
        ),
    ] = False,
    placeholders: Annotated[
        str | None,
        Form(
            description='JSON list of the cell values read as empty, e.g. ["N/A", "-"]; '
            "the default list if absent"
        ),
    ] = None,
) -> ImportJobRead:
    """Upload contacts to import. The format is detected from the header row (HubSpot
    contacts, Salesforce Lead or Contact exports, Huddle's own export) unless a mapping is
    given. 202: queued; poll ``GET /imports/{id}``."""
    job = start_import(
        session,
        request.app.state.settings,
        file,
        mapping=_parse_mapping(mapping),
        actor=actor,
        options=service.ImportOptions(
            key=key, clear_empty=clear_empty, placeholders=_parse_placeholders(placeholders)
        ),
    )
    return read_job(job)


@router.get(
    "/imports", operation_id="imports.list", response_model=list[ImportJobRead], tags=["imports"]
)
def list_imports(
    actor: CurrentActor, session: SessionDep, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> list[ImportJobRead]:
    """The most recent imports first."""
    return [read_job(job) for job in service.list_imports(session, actor=actor, limit=limit)]


@router.get(
    "/imports/{import_id}",
    operation_id="imports.get",
    response_model=ImportJobRead,
    tags=["imports"],
)
def get_import(import_id: int, actor: CurrentActor, session: SessionDep) -> ImportJobRead:
    """An import's status and counts (updated as each chunk of rows commits)."""
    return read_job(service.get_import(session, import_id, actor=actor))


@router.post(
    "/imports/{import_id}/resume",
    operation_id="imports.resume",
    response_model=ImportJobRead,
    status_code=status.HTTP_202_ACCEPTED,
    tags=["imports"],
)
def resume_import(import_id: int, actor: CurrentActor, session: SessionDep) -> ImportJobRead:
    """Go on with an interrupted import from its last committed chunk: the rows already
    imported are not read again, and the counts carry on. 202: queued; poll
    ``GET /imports/{id}``. 409 unless the import is interrupted and its file still kept."""
    return read_job(queue_resume(session, import_id, actor=actor))


@router.get(
    "/imports/{import_id}/errors.csv",
    operation_id="imports.errors_csv",
    response_class=FileResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The rows that failed"}},
    tags=["imports"],
)
def import_errors(import_id: int, actor: CurrentActor, session: SessionDep) -> FileResponse:
    """The rows that failed: line in the file (the header is line 1), column, reason, and
    the row as it was. 404 when no row failed."""
    job = service.get_import(session, import_id, actor=actor)
    if not job.error_file or not Path(job.error_file).exists():
        raise ResourceNotFound(f"import {import_id} has no failed rows")
    return FileResponse(
        job.error_file, media_type="text/csv", filename=f"import-{import_id}-errors.csv"
    )


@router.get(
    "/contacts/export.csv",
    operation_id="contacts.export_csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "Contacts as CSV"}},
    tags=["contacts"],
)
def export_contacts(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    filters: Annotated[ContactFilters, Query()],
    sort: ContactSort = ContactSort.CREATED_AT,
) -> StreamingResponse:
    """Every contact matching the same filters as ``GET /contacts``, streamed as CSV that
    spreadsheets cannot run as formulas, and that imports back unchanged."""
    # Checked before the stream starts: afterwards the 200 has been sent.
    contacts_service.authorize_export(actor)
    contacts_service.check_filters(session, filters)
    factory: sessionmaker[Session] = request.app.state.session_factory
    return StreamingResponse(
        _export(factory, filters, sort, actor),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="contacts.csv"'},
    )


def _export(
    factory: sessionmaker[Session], filters: ContactFilters, sort: ContactSort, actor: Actor
) -> Iterator[str]:
    # The request's own session is closed once the endpoint returns; the stream reads on.
    session = factory()
    try:
        header = contacts_service.export_columns(session)
        rows = contacts_service.export_rows(session, filters, sort=sort, actor=actor)
        yield from csv_lines(header, ([row[name] for name in header] for row in rows))
    finally:
        session.close()
