"""Imports that run while the request waits (deals, touches): the uploaded file is
streamed to the data directory a megabyte at a time, imported in the request's
transaction, and removed; what went in, and every problem row, is the answer."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.columnmap import ImportFields, mapping_from_form
from huddle.core.csvfiles import CsvSource, inspect_file
from huddle.core.csvreport import LISTED_PROBLEMS, FileImportResult
from huddle.core.errors import ValidationFailed
from huddle.core.permissions import Action, require
from huddle.core.settings import Settings
from huddle.web.templating import render
from huddle.web.views import error_text, page

if TYPE_CHECKING:
    from huddle.auth.models import User

_BLOCK = 1 << 20

Importer = Callable[..., FileImportResult]
PAGE = "imports/file_result.html"


class RowProblemRead(BaseModel):
    line: int = Field(description="The row's line in the file (the header is line 1)")
    column: str = Field(description="The column at fault; empty when the row as a whole is")
    reason: str


class FileImportRead(BaseModel):
    """What an import did, row by row."""

    source_format: str = Field(description="The export recognised (hubspot, salesforce, ...)")
    source_label: str | None = Field(
        default=None, description='What the file was read as ("HubSpot deals export")'
    )
    rows: int
    created: int
    updated: int
    unchanged: int
    failed: int = Field(description="Rows that did not go in (each in problems, with why)")
    reported: int = Field(
        description="Rows that went in with something to check (a won deal's contact that "
        "could not become a customer, an unknown owner or contact): in problems too"
    )
    left_out: int = Field(
        default=0,
        description="Rows left out on purpose (an open task: nothing happened yet): in "
        "problems too, with why",
    )
    contacts_moved: int = Field(
        description="Contacts the import moved to another stage (a won deal's to Customer)"
    )
    problems: list[RowProblemRead] = Field(
        description=f"The rows that failed or need a look, with why (the first {LISTED_PROBLEMS:,})"
    )
    dates_read: dict[str, str] = Field(
        description='How each date column\'s dates were read, by header ("DD/MM/YYYY"): the '
        "format found over the file, said ambiguous when no value tells the day from the month"
    )


@contextmanager
def stored_upload(upload: UploadFile, settings: Settings) -> Iterator[Path]:
    """The upload as a file of its own for the length of the block."""
    folder = settings.data_dir / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"upload-{uuid.uuid4().hex}.csv"
    try:
        with path.open("wb") as target:
            while block := upload.file.read(_BLOCK):
                target.write(block)
        yield path
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def _the_request(session: Session) -> Iterator[Session]:
    # Every chunk in the request's one transaction: it commits once the answer is ready.
    yield session
    session.flush()


def import_upload(
    importer: Importer,
    session: Session,
    settings: Settings,
    upload: UploadFile,
    *,
    actor: Actor,
    mapping: Mapping[str, str] | None = None,
    choices: Mapping[str, object] | None = None,
) -> FileImportRead:
    """Run ``importer`` (``import_deals``, ``import_touches``) over the upload, its columns
    read by their header, by ``mapping`` ({column: field}), or by the page's drop-downs
    (``choices``: ``map.<position>`` -> field)."""
    with stored_upload(upload, settings) as path:
        if choices is not None:
            mapping = mapping_from_form(_header(path), choices)
        result = importer(
            lambda: _the_request(session),
            path,
            filename=upload.filename or "upload.csv",
            actor=actor,
            mapping=mapping,
        )
    return FileImportRead.model_validate(
        {
            **{
                name: getattr(result, name)
                for name in FileImportRead.model_fields
                if name != "problems"
            },
            "problems": [
                RowProblemRead.model_validate(p, from_attributes=True) for p in result.problems
            ],
        }
    )


def _header(path: Path) -> list[str]:
    with CsvSource(path, inspect_file(path)) as source:
        return source.header


def import_page(
    request: Request,
    session: Session,
    user: User,
    upload: UploadFile | None,
    *,
    importer: Importer,
    actor: Actor,
    what: str,
    choices: Mapping[str, object] | None = None,
) -> HTMLResponse:
    """The page's upload form for ``importer``: the result, every problem row listed, or
    why the file or its mapping was refused (422; nothing imported). ``choices``: the
    form's column drop-downs, when the person mapped the file's columns."""
    context: dict[str, object] = {"what": what, "result": None, "error": None}
    if upload is None or not upload.filename:
        context |= {"filename": "No file", "error": "Choose a CSV file to import."}
        return page(request, PAGE, user, "imports", context, status_code=422)
    context["filename"] = upload.filename
    settings = request.app.state.settings
    try:
        context["result"] = import_upload(
            importer, session, settings, upload, actor=actor, choices=choices
        )
    except ValidationFailed as exc:
        context["error"] = f"{upload.filename} cannot be imported. {error_text(exc)}"
        return page(request, PAGE, user, "imports", context, status_code=422)
    return page(request, PAGE, user, "imports", context)


SAMPLE_ROWS = 3


def columns_fragment(
    request: Request,
    upload: UploadFile | None,
    *,
    actor: Actor,
    kind: str,
    fields: ImportFields,
) -> HTMLResponse:
    """The imports page's "map the columns" step for a file just chosen: each column with
    its first values and a drop-down of the fields, preset to what its header names in a
    known export. Reads the upload and keeps nothing."""
    require(actor, Action.CONTACT_IMPORT)
    context: dict[str, object] = {"kind": kind, "fields": fields.labels, "error": None}
    if upload is None or not upload.filename:
        context["error"] = "Choose a CSV file to see its columns."
        return render(request, COLUMNS_FRAGMENT, context, status_code=422)
    settings = request.app.state.settings
    try:
        with stored_upload(upload, settings) as path, CsvSource(path, inspect_file(path)) as source:
            header = source.header
            samples = [row.cells for row in islice(source.rows(), SAMPLE_ROWS)]
    except ValidationFailed as exc:
        context["error"] = f"{upload.filename} cannot be read. {error_text(exc)}"
        return render(request, COLUMNS_FRAGMENT, context, status_code=422)
    context |= {
        "columns": [
            (position, name, [row[position] for row in samples if _filled(row, position)])
            for position, name in enumerate(header)
            if name
        ],
        "suggested": fields.suggested(header),
    }
    return render(request, COLUMNS_FRAGMENT, context)


COLUMNS_FRAGMENT = "imports/_columns.html"


def _filled(row: list[str], position: int) -> bool:
    return position < len(row) and bool(row[position].strip())
