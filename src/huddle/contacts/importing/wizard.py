"""The import wizard: a file uploaded once, previewed, mapped column by column, checked in a
dry run, then imported as any other import.

The upload is stored under the data directory and named by an unguessable token that only
its uploader may use (``get_upload``); each later step reads the stored file again, so a
step never depends on what an earlier page or request held. The dry run reads the whole
file through the import's own row checks and upsert rules (``bulk.preview_chunk``) and
writes nothing.
"""

from __future__ import annotations

import gc
import re
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from huddle.contacts.importing import wizard_repository as repository
from huddle.contacts.importing.bulk import ChunkContext, preview_chunk
from huddle.contacts.importing.mapping import CUSTOM_PREFIX, TARGETS, known_format
from huddle.contacts.importing.models import ImportUpload
from huddle.contacts.importing.profile import ColumnProfile, profile_columns
from huddle.contacts.importing.reader import CsvSource, SourceRow, inspect_file
from huddle.contacts.importing.rows import FailedRow, ParsedRow, Problem, RowParser
from huddle.contacts.importing.saved_mappings import matching_mappings
from huddle.contacts.importing.schemas import (
    ColumnPreview,
    ImportDryRun,
    ImportMappingRead,
    ImportPreview,
    RefusalReason,
    TargetOption,
)
from huddle.contacts.importing.service import (
    CHUNK_SIZE,
    dry_run_cleaning,
    read_mapping,
    user_directory,
)
from huddle.contacts.importing.suggest import Suggestion, suggest_targets
from huddle.contacts.service import list_custom_fields
from huddle.contacts.service.upsert_rules import DEDUPE_KEYS
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.collector import collection_paused
from huddle.core.csvfiles import DELIMITER_NAMES
from huddle.core.errors import NotPermitted, ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action

# An upload nobody imported is deleted after this long.
EXPIRY = timedelta(hours=24)
PREVIEW_ROWS = 10
SAMPLES = 3
TOP_REASONS = 8
SAMPLE_LINES = 5
_BLOCK = 1 << 20
# A reason's quoted value ('guru', 'x@y'): reasons that differ only there are one reason.
_QUOTED = re.compile(r"'[^']*'")


def stage_upload(
    session: Session, folder: Path, stream: BinaryIO, *, filename: str, actor: Actor
) -> ImportUpload:
    """Store an uploaded file for the wizard and return it with its token.

    The file must be CSV with a readable header (ValidationFailed naming why, and nothing
    is kept); its columns need not be a known export's: the next step maps them.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    if actor.user_id is None:
        raise NotPermitted("the import wizard keeps a file for the person who uploaded it")
    expire_uploads(session, folder)
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    path = folder / f"{token}.csv"
    try:
        with path.open("wb") as target:
            while block := stream.read(_BLOCK):
                target.write(block)
        with CsvSource(path, inspect_file(path)):
            pass  # the header is read and checked on opening
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    upload = ImportUpload(
        token=token,
        user_id=actor.user_id,
        filename=filename[:500],
        path=str(path),
        size=path.stat().st_size,
        created_at=clock.now(),
    )
    session.add(upload)
    session.flush()
    return upload


def get_upload(session: Session, token: str, *, actor: Actor) -> ImportUpload:
    """The actor's own upload; anyone else's, or one expired or imported, is not found."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    upload = repository.upload(session, token)
    if (
        upload is None
        or upload.user_id != actor.user_id
        or upload.created_at < clock.now() - EXPIRY
        or not Path(upload.path).is_file()
    ):
        raise ResourceNotFound("this upload is not kept any more; upload the file again")
    return upload


def forget_upload(session: Session, upload: ImportUpload) -> None:
    """Drop the upload's token (its file has been handed to an import, or is deleted)."""
    repository.delete_upload(session, upload.token)
    session.expunge(upload)


def expire_uploads(session: Session, folder: Path) -> int:
    """Delete the uploads older than ``EXPIRY``, files and tokens; how many."""
    old = repository.uploads_before(session, clock.now() - EXPIRY)
    for upload in old:
        path = Path(upload.path)
        if path.parent == folder:
            path.unlink(missing_ok=True)
        forget_upload(session, upload)
    return len(old)


def choose_mapping(upload: ImportUpload, mapping: Mapping[str, str | None]) -> None:
    """Remember the mapping the page shows next (the check and import steps read it)."""
    upload.mapping = dict(mapping)


def preview_upload(session: Session, upload: ImportUpload, *, actor: Actor) -> ImportPreview:
    """The file's first rows, each column's counts, suggested field and inferred type, and
    the saved mappings it fits."""
    path = Path(upload.path)
    facts = inspect_file(path)
    with CsvSource(path, facts) as source:
        header, separator = source.header, DELIMITER_NAMES[source.delimiter]
        first: list[list[str]] = []
        counted = _Counted(source.rows(), first)
        profiles = profile_columns(counted, len(header))
    custom = {d.key: d.label for d in list_custom_fields(session, "contact")}
    known = known_format(header)
    detected = known.key if known is not None else None
    suggestions = suggest_targets(header, custom_fields=custom, known_format=detected)
    columns = [
        _column(index, name, profile, suggestion)
        for index, (name, profile, suggestion) in enumerate(
            zip(header, profiles, suggestions, strict=True)
        )
    ]
    return ImportPreview(
        token=upload.token,
        filename=upload.filename,
        encoding=facts.encoding,
        encoding_label=facts.encoding_label,
        separator=separator,
        rows=counted.count,
        header=header,
        sample_rows=first,
        columns=columns,
        detected_format=detected,
        suggested_mapping={c.header: c.suggested for c in columns if c.header},
        saved_mappings=[
            ImportMappingRead.model_validate(saved)
            for saved in matching_mappings(session, header, actor=actor)
        ],
        targets=targets(custom),
    )


def _column(
    index: int, name: str, profile: ColumnProfile, suggestion: Suggestion | None
) -> ColumnPreview:
    inferred = profile.inferred()
    return ColumnPreview(
        index=index,
        header=name,
        samples=list(dict.fromkeys(profile.values))[:SAMPLES],
        empty_cells=profile.counts.empty,
        placeholder_cells=profile.counts.placeholder,
        suggested=suggestion.target if suggestion else None,
        suggested_by=suggestion.source if suggestion else None,
        inferred_type=inferred.field_type,
        inferred_choices=list(inferred.choices),
    )


def targets(custom_fields: Mapping[str, str]) -> list[TargetOption]:
    """What a column may fill: Huddle's fields, then the custom fields of contacts."""
    return [
        TargetOption(value=key, label=label, custom=False) for key, label in TARGETS.items()
    ] + [
        TargetOption(value=CUSTOM_PREFIX + key, label=label, custom=True)
        for key, label in custom_fields.items()
    ]


def known_format_or(
    session: Session, upload: ImportUpload, mapping: Mapping[str, str | None]
) -> Mapping[str, str | None] | None:
    """``mapping``, or None when it is what the file's known export maps anyway: the import
    then records that format ("HubSpot contacts export") rather than a manual mapping."""
    try:
        _, detected = read_mapping(session, Path(upload.path))
    except ValidationFailed:
        return mapping
    chosen = {header: target for header, target in mapping.items() if target}
    return None if detected.as_json() == chosen else mapping


def target_labels(session: Session) -> dict[str, str]:
    """Each field a column may fill -> its label."""
    custom = {d.key: d.label for d in list_custom_fields(session, "contact")}
    return {option.value: option.label for option in targets(custom)}


class _Counted:
    """The rows' cells, counting the rows and keeping the first few readable ones."""

    def __init__(self, rows: Iterator[SourceRow], first: list[list[str]]) -> None:
        self._rows = rows
        self.first = first
        self.count = 0

    def __iter__(self) -> Iterator[list[str]]:
        for row in self._rows:
            self.count += 1
            if row.broken is not None:
                continue
            if len(self.first) < PREVIEW_ROWS:
                self.first.append(row.cells)
            yield row.cells


@dataclass
class _Reasons:
    """Rows counted by their reasons: (column, reason with its quoted values elided) -> the
    first such reason, counted."""

    rows: int = 0
    found: dict[tuple[str, str], RefusalReason] = field(default_factory=dict)

    def add(self, line: int, problems: list[Problem]) -> None:
        self.rows += 1
        for column, reason in problems:
            key = (column, _QUOTED.sub("'…'", reason))
            found = self.found.get(key)
            if found is None:
                found = self.found[key] = RefusalReason(
                    column=column, reason=reason, rows=0, sample_lines=[]
                )
            found.rows += 1
            if len(found.sample_lines) < SAMPLE_LINES:
                found.sample_lines.append(line)

    def ranked(self) -> list[RefusalReason]:
        """The most frequent first."""
        return sorted(self.found.values(), key=lambda r: (-r.rows, r.sample_lines[0]))


@dataclass
class _Tally:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: _Reasons = field(default_factory=_Reasons)
    # Rows that would go in with something to check (``ParsedRow.notes``).
    noted: _Reasons = field(default_factory=_Reasons)


def _keys(row: ParsedRow) -> list[int]:
    """The keys a row names its contact by (its email, its external id, or both), hashed
    as ``dry_run`` keeps them."""
    return [hash((key, value)) for key in DEDUPE_KEYS if (value := row.data.get(key)) is not None]


def dry_run(
    session: Session,
    upload: ImportUpload,
    mapping: Mapping[str, object],
    *,
    actor: Actor,
    day_first: bool | None = None,
) -> ImportDryRun:
    """What importing the upload with ``mapping`` would do, row by row, without writing:
    how many contacts it would create, update or leave unchanged, and the rows it would
    refuse, grouped by reason (the most frequent first).

    Raises ValidationFailed naming each problem of the mapping, as the import would.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    path = Path(upload.path)
    facts, columns = read_mapping(session, path, mapping)
    cleaning, dates = dry_run_cleaning(session, path, facts, columns, day_first=day_first)
    tally = _Tally()
    # The keys (email, external id) of the contacts earlier chunks would create, hashed (a
    # million-row file's keys would take hundreds of megabytes): a later row naming one of
    # them updates it.
    created: set[int] = set()
    # As the import does: the chunks' short-lived objects are not walked by the collector.
    with CsvSource(path, facts) as source, collection_paused():
        parser = RowParser(
            columns, user_directory(session), width=len(source.header), cleaning=cleaning
        )
        context = ChunkContext(actor=actor, header_of=columns.header_of)
        rows = source.rows()
        while chunk := list(islice(rows, CHUNK_SIZE)):
            parsed: list[ParsedRow] = []
            for row in chunk:
                result = parser.parse(row)
                if isinstance(result, FailedRow):
                    tally.refused.add(result.line, result.problems)
                else:
                    parsed.append(result)
            tally.rows += len(chunk)
            again = [p for p in parsed if not created.isdisjoint(_keys(p))]
            tally.updated += len(again)
            for repeated in again:
                if repeated.notes:
                    tally.noted.add(repeated.line, list(repeated.notes))
            outcome, new = preview_chunk(
                session, [p for p in parsed if created.isdisjoint(_keys(p))], context
            )
            created.update(map(hash, new))
            tally.created += outcome.created
            tally.updated += outcome.updated
            tally.unchanged += outcome.unchanged
            for failed in outcome.failed:
                tally.refused.add(failed.line, failed.problems)
            for noted in outcome.noted:
                tally.noted.add(noted.line, noted.problems)
            gc.collect(1)
    ranked = tally.refused.ranked()
    return ImportDryRun(
        rows_total=tally.rows,
        would_create=tally.created,
        would_update=tally.updated,
        unchanged=tally.unchanged,
        refused=tally.refused.rows,
        reasons=ranked[:TOP_REASONS],
        other_reasons=sum(r.rows for r in ranked[TOP_REASONS:]),
        to_check=tally.noted.rows,
        to_check_reasons=tally.noted.ranked()[:TOP_REASONS],
        mapping=columns.as_json(),
        dates_read={header: found.describe() for header, found in dates.items()},
        dates_ambiguous=any(found.ambiguous for found in dates.values()),
        day_first=day_first,
    )
