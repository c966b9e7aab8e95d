"""The import wizard over HTTP (mounted under /api/v1): upload a file to preview it
(``imports.preview``), check it in a dry run that writes nothing (``imports.dry_run``), import
it with a mapping (``imports.start``), and mappings saved by name (``import_mappings.*``).
The wizard's pages use the same services.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile, status
from sqlalchemy.orm import Session

from huddle.auth.deps import CurrentActor
from huddle.contacts.importing import saved_mappings, wizard
from huddle.contacts.importing.api import imports_dir, queue_stored, read_job
from huddle.contacts.importing.schemas import (
    ImportDryRun,
    ImportDryRunRequest,
    ImportJobRead,
    ImportMappingCreate,
    ImportMappingRead,
    ImportMappingUpdate,
    ImportPreview,
    ImportStartRequest,
)
from huddle.contacts.importing.service import ImportOptions
from huddle.contacts.models import ImportJob
from huddle.core.actor import Actor
from huddle.core.settings import Settings
from huddle.web.deps import SessionDep

router = APIRouter()

# The token-named steps of the wizard: the only 404 their route cannot tell.
_NO_UPLOAD: dict[int | str, dict[str, Any]] = {
    status.HTTP_404_NOT_FOUND: {
        "description": "No upload of yours has this token (expired, imported, or another's)"
    }
}


def staged_dir(settings: Settings) -> Path:
    """Where the import wizard keeps the files it previews until they are imported."""
    return imports_dir(settings) / "staged"


def import_staged(
    session: Session,
    settings: Settings,
    token: str,
    *,
    mapping: Mapping[str, str | None],
    save_as: str | None,
    actor: Actor,
    day_first: bool | None = None,
) -> ImportJob:
    """Import a file of the wizard with the mapping chosen (saved under ``save_as`` too).

    Everything that can refuse is checked before the file moves to its import's place."""
    upload = wizard.get_upload(session, token, actor=actor)
    if save_as is not None:
        save_as = saved_mappings.check_name(save_as)
    job = queue_stored(
        session,
        settings,
        Path(upload.path),
        filename=upload.filename,
        mapping=wizard.known_format_or(session, upload, mapping),
        actor=actor,
        options=ImportOptions(day_first=day_first),
    )
    if save_as:
        saved_mappings.save_mapping_as(session, save_as, mapping, actor=actor)
    wizard.forget_upload(session, upload)
    return job


@router.post(
    "/imports/preview",
    operation_id="imports.preview",
    response_model=ImportPreview,
    status_code=status.HTTP_201_CREATED,
    tags=["import wizard"],
)
def preview_import(
    request: Request,
    actor: CurrentActor,
    session: SessionDep,
    file: Annotated[UploadFile, File(description="A CSV file with a header row")],
) -> ImportPreview:
    """Upload a file to map before importing it: its first rows, each column's empty and
    placeholder cells, suggested field and inferred type, and the saved mappings it fits.
    The file is kept for 24 hours under ``token``, for you alone: check it with
    ``POST /imports/dry-run`` and import it with ``POST /imports/start``."""
    upload = wizard.stage_upload(
        session,
        staged_dir(request.app.state.settings),
        file.file,
        filename=file.filename or "upload.csv",
        actor=actor,
    )
    return wizard.preview_upload(session, upload, actor=actor)


@router.post(
    "/imports/dry-run",
    operation_id="imports.dry_run",
    responses=_NO_UPLOAD,
    response_model=ImportDryRun,
    tags=["import wizard"],
)
def dry_run_import(
    actor: CurrentActor, session: SessionDep, data: ImportDryRunRequest
) -> ImportDryRun:
    """Read the whole uploaded file with a mapping as the import would, writing nothing:
    the contacts it would create, update or leave unchanged, and the rows it would refuse,
    grouped by reason with sample lines. 422 names each problem of the mapping."""
    upload = wizard.get_upload(session, data.token, actor=actor)
    return wizard.dry_run(session, upload, data.mapping, actor=actor, day_first=data.day_first)


@router.post(
    "/imports/start",
    operation_id="imports.start",
    responses=_NO_UPLOAD,
    response_model=ImportJobRead,
    status_code=status.HTTP_202_ACCEPTED,
    tags=["import wizard"],
)
def start_staged_import(
    request: Request, actor: CurrentActor, session: SessionDep, data: ImportStartRequest
) -> ImportJobRead:
    """Import an uploaded file (``POST /imports/preview``) with a mapping, saving the
    mapping by name if ``save_as`` is given (replacing the one of that name). 202: queued;
    poll ``GET /imports/{id}``. The token is used up."""
    job = import_staged(
        session,
        request.app.state.settings,
        data.token,
        mapping=data.mapping,
        save_as=data.save_as,
        actor=actor,
        day_first=data.day_first,
    )
    return read_job(job)


@router.get(
    "/import-mappings",
    operation_id="import_mappings.list",
    response_model=list[ImportMappingRead],
    tags=["import wizard"],
)
def list_import_mappings(actor: CurrentActor, session: SessionDep) -> list[ImportMappingRead]:
    """The saved mappings, by name."""
    return [
        ImportMappingRead.model_validate(m)
        for m in saved_mappings.list_mappings(session, actor=actor)
    ]


@router.post(
    "/import-mappings",
    operation_id="import_mappings.create",
    response_model=ImportMappingRead,
    status_code=status.HTTP_201_CREATED,
    tags=["import wizard"],
)
def create_import_mapping(
    actor: CurrentActor, session: SessionDep, data: ImportMappingCreate
) -> ImportMappingRead:
    """Save a mapping by name (409 if the name is taken); its fields are checked as an
    import checks them."""
    return ImportMappingRead.model_validate(
        saved_mappings.create_mapping(session, data, actor=actor)
    )


@router.get(
    "/import-mappings/{mapping_id}",
    operation_id="import_mappings.get",
    response_model=ImportMappingRead,
    tags=["import wizard"],
)
def get_import_mapping(
    mapping_id: int, actor: CurrentActor, session: SessionDep
) -> ImportMappingRead:
    return ImportMappingRead.model_validate(
        saved_mappings.get_mapping(session, mapping_id, actor=actor)
    )


@router.patch(
    "/import-mappings/{mapping_id}",
    operation_id="import_mappings.update",
    response_model=ImportMappingRead,
    tags=["import wizard"],
)
def update_import_mapping(
    mapping_id: int, actor: CurrentActor, session: SessionDep, data: ImportMappingUpdate
) -> ImportMappingRead:
    """Rename a saved mapping or replace its columns."""
    return ImportMappingRead.model_validate(
        saved_mappings.update_mapping(session, mapping_id, data, actor=actor)
    )


@router.delete(
    "/import-mappings/{mapping_id}",
    operation_id="import_mappings.delete",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["import wizard"],
)
def delete_import_mapping(mapping_id: int, actor: CurrentActor, session: SessionDep) -> None:
    saved_mappings.delete_mapping(session, mapping_id, actor=actor)
