"""Contact imports as jobs: checked up front, then run a chunk per transaction.

``create_import`` reads only the header: an unknown format or a bad mapping is refused
before anything is imported. ``run_import`` streams the file a chunk at a time; each
chunk commits with the job's counts, so a page polling the job sees them grow and a
crash loses at most one chunk. Running an import again (after a crash, or the same file
twice) is safe: rows already in are counted as unchanged and change nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts.enrichment import EnrichmentProvider
from huddle.contacts.importing import repository
from huddle.contacts.importing.ahead import CheckedChunk, ReadAhead
from huddle.contacts.importing.bulk import ChunkContext, apply_chunk
from huddle.contacts.importing.mapping import ColumnMapping, detect_mapping, manual_mapping
from huddle.contacts.importing.reader import (
    BrokenCsv,
    CsvSource,
    FileFacts,
    inspect_file,
)
from huddle.contacts.importing.report import ErrorReport
from huddle.contacts.importing.rows import Person, RowParser, UserDirectory
from huddle.contacts.models import ImportJob
from huddle.contacts.service import list_custom_fields
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.checkpoints import checkpoints_alongside
from huddle.core.collector import collection_paused
from huddle.core.errors import ResourceNotFound
from huddle.core.permissions import Action

CHUNK_SIZE = 20_000
ENTITY = "contacts"

UnitOfWork = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Progress:
    """Where a running import is: rows read so far and the physical line reached."""

    rows: int
    line: int
    total_lines: int
    created: int
    updated: int
    unchanged: int
    failed: int


def import_actor(job: ImportJob) -> Actor:
    return Actor("import", user_id=job.by_user_id, label=f"import #{job.id}")


def read_mapping(
    session: Session, path: Path, mapping: Mapping[str, object] | None = None
) -> tuple[FileFacts, ColumnMapping]:
    """The file's facts and the mapping its header gets: detected, or the one given."""
    facts = inspect_file(path)
    custom_keys = [d.key for d in list_custom_fields(session, "contact")]
    with CsvSource(path, encoding=facts.encoding) as source:
        header = source.header
    if mapping is None:
        return facts, detect_mapping(header, custom_keys=custom_keys)
    return facts, manual_mapping(header, mapping, custom_keys=custom_keys)


def create_import(
    session: Session,
    path: Path,
    *,
    filename: str,
    mapping: Mapping[str, object] | None = None,
    actor: Actor,
) -> ImportJob:
    """Check the file's header and the mapping, and record a queued import of ``path``.

    Raises ValidationFailed, naming each problem, when the format is not recognised or
    the mapping does not fit; nothing is recorded then.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    facts, columns = read_mapping(session, path, mapping)
    job = ImportJob(
        entity=ENTITY,
        filename=filename[:500],
        file_sha256=facts.sha256,
        source_format=columns.source_format,
        mapping=columns.as_json(),
        status="queued",
        by_user_id=actor.user_id,
        started_at=clock.now(),
    )
    session.add(job)
    session.flush()
    return job


def get_import(session: Session, job_id: int, *, actor: Actor) -> ImportJob:
    """An import and its report (its rows are personal data: importers only)."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    return _job(session, job_id)


def _job(session: Session, job_id: int) -> ImportJob:
    job = repository.import_job(session, job_id)
    if job is None or job.entity != ENTITY:
        raise ResourceNotFound(f"import {job_id} not found")
    return job


def list_imports(session: Session, *, actor: Actor, limit: int = 20) -> list[ImportJob]:
    permissions.require(actor, Action.CONTACT_IMPORT)
    query = (
        select(ImportJob)
        .where(ImportJob.entity == ENTITY)
        .order_by(ImportJob.id.desc())
        .limit(max(1, min(limit, 200)))
    )
    return list(session.scalars(query))


def run_import(
    unit_of_work: UnitOfWork,
    job_id: int,
    path: Path,
    *,
    errors_path: Path,
    chunk_size: int = CHUNK_SIZE,
    provider: EnrichmentProvider | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> ImportJob:
    """Import the file of a recorded job, one transaction per chunk; returns the job.

    Rows that break a rule go to ``errors_path`` (line, column, reason and the row), the
    others are imported. A file that stops being CSV part-way, or a failure of the
    database, marks the job failed after the chunks already committed, and re-raises.
    """
    with unit_of_work() as session:
        job = _job(session, job_id)
        actor = import_actor(job)
        repository.record_progress(
            session,
            job_id,
            status="running",
            rows_total=0,
            rows_created=0,
            rows_updated=0,
            rows_unchanged=0,
            rows_failed=0,
            error_file=None,
            finished_at=None,
        )
        users = UserDirectory(
            Person(u.id, u.email, u.name) for u in auth_service.list_users(session)
        )
        facts, columns = read_mapping(
            session, path, None if job.source_format != "manual" else job.mapping
        )
        engine = session.get_bind().engine
    errors_path.unlink(missing_ok=True)
    report = ErrorReport(errors_path, [])
    try:
        with CsvSource(path, encoding=facts.encoding) as source:
            report = ErrorReport(errors_path, source.header)
            progress = Progress(0, 1, facts.lines, 0, 0, 0, 0)
            parser = RowParser(columns, users, width=len(source.header))
            context = ChunkContext(
                actor=actor, header_of=columns.header_of, provider=provider, reason=actor.label
            )
            with (
                # The import collects the young generations itself after each chunk.
                collection_paused(),
                ReadAhead(source.rows(), parser, chunk_size) as ahead,
                checkpoints_alongside(engine) as committed,
            ):
                for chunk in ahead:
                    # The next chunk is read while the database commits this one.
                    with ahead.overlapping(), unit_of_work() as session, ahead.paused():
                        progress = _import_chunk(session, job_id, chunk, context, report, progress)
                    committed()
                    # The chunk's few reference cycles; what outlives it is not walked again.
                    gc.collect(1)
                    if on_progress is not None:
                        on_progress(progress)
    except BaseException as exc:
        if isinstance(exc, BrokenCsv):
            # Where the file stops being CSV goes in the report, after the rows that failed.
            report.add(exc.line, [("file", exc.reason)], [])
        report.close()
        _finish(unit_of_work, job_id, "failed", report)
        raise
    report.close()
    return _finish(unit_of_work, job_id, "done", report)


def _import_chunk(
    session: Session,
    job_id: int,
    chunk: CheckedChunk,
    context: ChunkContext,
    report: ErrorReport,
    before: Progress,
) -> Progress:
    parsed, failed = chunk.parsed, list(chunk.failed)
    outcome = apply_chunk(session, parsed, context)
    failed += outcome.failed
    for bad in sorted(failed, key=lambda r: r.line):
        report.add(bad.line, bad.problems, bad.cells)
    report.flush()
    progress = Progress(
        rows=before.rows + chunk.rows,
        line=chunk.last_line,
        total_lines=before.total_lines,
        created=before.created + outcome.created,
        updated=before.updated + outcome.updated,
        unchanged=before.unchanged + outcome.unchanged,
        failed=before.failed + len(failed),
    )
    # Committed with the chunk's rows: a page polling the job sees counts that are true.
    repository.record_progress(
        session,
        job_id,
        rows_total=progress.rows,
        rows_created=progress.created,
        rows_updated=progress.updated,
        rows_unchanged=progress.unchanged,
        rows_failed=progress.failed,
        error_file=str(report.path) if report.written else None,
    )
    return progress


def _finish(unit_of_work: UnitOfWork, job_id: int, status: str, report: ErrorReport) -> ImportJob:
    with unit_of_work() as session:
        job = _job(session, job_id)
        # The chunks wrote the counts with plain UPDATEs: read them back.
        session.refresh(job)
        job.status, job.finished_at = status, clock.now()
        job.error_file = str(report.path) if report.written else None
        session.flush()
        return job
