"""Contact imports as jobs: checked up front, then run a chunk per transaction.

``create_import`` reads only the header (and the file's encoding): an unknown format or a
bad mapping is refused before anything is imported. ``run_import`` streams the file a
chunk at a time; each chunk commits with the import's counts and position (the line the
next unread row starts on, and how long the error report is), so a page polling the
import sees them grow, and a crash loses at most one chunk.

An import whose process died is found out (``runner.why_stopped``) and marked
``interrupted`` whenever it is looked at, and by the worker every minute. Resuming it
(``resume_import``, then ``run_import`` again) goes on from its last committed chunk with
the same chunk boundaries, so it ends with what an uninterrupted run would have; rows
read again would anyway count as unchanged (imports are idempotent by email).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts.enrichment import EnrichmentProvider
from huddle.contacts.importing import repository, runner
from huddle.contacts.importing.ahead import CheckedChunk, ReadAhead
from huddle.contacts.importing.bulk import ChunkContext, apply_chunk
from huddle.contacts.importing.cleaning import (
    TEXT,
    ColumnKind,
    DateFormatFound,
    Placeholders,
    custom_kind,
    detect_date_formats,
    placeholders_from,
)
from huddle.contacts.importing.history import is_history
from huddle.contacts.importing.mapping import (
    CUSTOM_PREFIX,
    STAGE_DATE_PREFIX,
    ColumnMapping,
    detect_mapping,
    manual_mapping,
)
from huddle.contacts.importing.reader import CsvSource, FileFacts, inspect_file
from huddle.contacts.importing.report import ErrorReport
from huddle.contacts.importing.rows import Cleaning, Person, RowParser, UserDirectory
from huddle.contacts.models import (
    CREATED_DATE_INDEXES,
    SPREAD_INDEXES,
    Contact,
    ImportJob,
)
from huddle.contacts.service import list_custom_fields, stage_mover
from huddle.contacts.service.upsert_rules import DEDUPE_KEYS, DedupeKey
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.checkpoints import checkpoints_alongside
from huddle.core.collector import collection_paused
from huddle.core.db import UnitOfWork
from huddle.core.deferred_indexes import deferred, held_by, rebuild_on, worth_deferring
from huddle.core.errors import Conflict, FieldError, ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action

log = logging.getLogger(__name__)

CHUNK_SIZE = 20_000
# A row that dates stages holds about twice a plain row's memory through its chunk (its
# moves, then their stage rows): half as many rows a chunk keep a history import of a
# million rows under 400 MB, for the same speed.
HISTORY_CHUNK_SIZE = 10_000
# A chunk leaves few reference cycles; a collection walks every object the reader has
# built for the next chunk meanwhile (a tenth of a second at each chunk of a million-row
# import: 9% of its time), so the import collects once every few chunks.
CHUNKS_PER_COLLECTION = 10
ENTITY = "contacts"
RESUMABLE = "interrupted"


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
    # The line the next unread row starts on.
    resume_line: int = 0
    # Rows that went in with something to check (an owner nobody in Huddle is).
    reported: int = 0


class ImportTakenOver(Conflict):
    """The import was found stopped and taken by another process while this one ran it."""


def import_actor(job: ImportJob) -> Actor:
    return Actor("import", user_id=job.by_user_id, label=f"import #{job.id}")


def read_mapping(
    session: Session, path: Path, mapping: Mapping[str, object] | None = None
) -> tuple[FileFacts, ColumnMapping]:
    """The file's facts and the mapping its header gets: detected, or the one given."""
    facts = inspect_file(path)
    return facts, _columns(path, facts, _custom_keys(session), mapping)


def user_directory(session: Session) -> UserDirectory:
    """The users an ``owner`` column may name."""
    return UserDirectory(Person(u.id, u.email, u.name) for u in auth_service.list_users(session))


def _custom_keys(session: Session) -> list[str]:
    return [d.key for d in list_custom_fields(session, "contact")]


def _custom_kinds(session: Session) -> dict[str, ColumnKind]:
    return {
        d.key: custom_kind(d.field_type, d.choices or ())
        for d in list_custom_fields(session, "contact")
    }


@dataclass(frozen=True)
class ImportOptions:
    """How an import matches rows and reads values (recorded on the import)."""

    # The key rows are matched by first: "email" (then the external id) or "external_id".
    key: str = "email"
    # Whether an empty cell of a mapped column clears the field of an existing contact.
    clear_empty: bool = False
    # The cell values read as empty; None: ``cleaning.DEFAULT_PLACEHOLDERS``.
    placeholders: tuple[str, ...] | None = None
    # Whether a date like 03/04/2024 is the 3rd of April, where no value of its column
    # tells (None: as the file's other date columns tell, else month first).
    day_first: bool | None = None


def _check_options(options: ImportOptions, columns: ColumnMapping) -> list[FieldError]:
    problems = []
    if options.key not in DEDUPE_KEYS:
        problems.append(
            FieldError("key", f"'{options.key}' is not a key; expected email or external_id")
        )
    elif options.key == "external_id" and "external_id" not in {
        column.target for column in columns.columns
    }:
        problems.append(FieldError("key", f"no column of the file is mapped to '{options.key}'"))
    for word in options.placeholders or ():
        if len(word) > 100:
            problems.append(FieldError("placeholders", "a placeholder is at most 100 characters"))
            break
    return problems


def date_formats(
    path: Path,
    facts: FileFacts,
    columns: ColumnMapping,
    kinds: dict[str, ColumnKind],
    words: Placeholders,
    day_first: bool | None = None,
) -> dict[str, DateFormatFound]:
    """The format of each date column (a custom date field's, or a created or stage date),
    by header, read from the file until each is decided (a column whose first rows cannot
    tell the day from the month may tell further on); the columns without one left out."""
    dated = [
        c.header
        for c in columns.columns
        if is_history(c.target)
        or (
            c.target.startswith(CUSTOM_PREFIX)
            and kinds.get(c.target.removeprefix(CUSTOM_PREFIX), TEXT).kind == "date"
        )
    ]
    if not dated:
        return {}
    with CsvSource(path, facts) as source:
        found = detect_date_formats(
            source.header,
            (row.cells for row in source.rows()),
            dated,
            placeholders=words,
            day_first=day_first,
        )
    return {name: f for name, f in found.items() if f.date_format is not None}


def dry_run_cleaning(
    session: Session,
    path: Path,
    facts: FileFacts,
    columns: ColumnMapping,
    *,
    day_first: bool | None = None,
) -> tuple[Cleaning, dict[str, DateFormatFound]]:
    """How an import of the file with the default options (and ``day_first``) would read
    its values (the wizard's dry run), and the date formats it found."""
    words = placeholders_from(None)
    kinds = _custom_kinds(session)
    found = date_formats(path, facts, columns, kinds, words, day_first)
    formats = {name: f.date_format for name, f in found.items() if f.date_format}
    return Cleaning(placeholders=words, custom_kinds=kinds, date_formats=formats), found


def _columns(
    path: Path, facts: FileFacts, custom_keys: list[str], mapping: Mapping[str, object] | None
) -> ColumnMapping:
    with CsvSource(path, facts) as source:
        header = source.header
    if mapping is None:
        return detect_mapping(header, custom_keys=custom_keys)
    return manual_mapping(header, mapping, custom_keys=custom_keys)


def create_import(
    session: Session,
    path: Path,
    *,
    filename: str,
    mapping: Mapping[str, object] | None = None,
    actor: Actor,
    options: ImportOptions | None = None,
) -> ImportJob:
    """Check the file's header, the mapping and the options, and record a queued import
    of ``path`` (with the date format found in each date column).

    Raises ValidationFailed, naming each problem, when the format is not recognised, the
    mapping does not fit, an option is wrong (a key no column is mapped to), or the file
    cannot be read as CSV; nothing is recorded then.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    options = options or ImportOptions()
    facts, columns = read_mapping(session, path, mapping)
    problems = _check_options(options, columns)
    if problems:
        raise ValidationFailed(
            "the import's options cannot be used; nothing was imported", problems
        )
    words = placeholders_from(options.placeholders)
    job = ImportJob(
        entity=ENTITY,
        filename=filename[:500],
        file_sha256=facts.sha256,
        source_format=columns.source_format,
        mapping=columns.as_json(),
        status="queued",
        by_user_id=actor.user_id,
        started_at=clock.now(),
        encoding=facts.encoding,
        invalid_lines=facts.invalid_lines,
        dedupe_key=options.key,
        clear_empty=options.clear_empty,
        placeholders=list(words.words),
        date_formats={
            name: found.date_format
            for name, found in date_formats(
                path, facts, columns, _custom_kinds(session), words, options.day_first
            ).items()
        },
    )
    session.add(job)
    session.flush()
    return job


def get_import(session: Session, job_id: int, *, actor: Actor) -> ImportJob:
    """An import and its report (its rows are personal data: importers only). One whose
    process died is marked interrupted first."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    job = _job(session, job_id)
    _settle(session, job)
    return job


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
    jobs = list(session.scalars(query))
    for job in jobs:
        _settle(session, job)
    return jobs


def mark_interrupted_imports(session: Session) -> list[int]:
    """Mark ``interrupted`` every running import whose process stopped; returns their ids.

    The worker runs this every minute, so none stays "running" after its process died,
    even when nobody looks at it.
    """
    return [job.id for job in repository.running_imports(session) if _settle(session, job)]


def _settle(session: Session, job: ImportJob, *, mine: int = 0) -> bool:
    """Mark a running import interrupted if its process stopped; whether it did.
    ``mine``: runs of it this thread has registered (and that do not count)."""
    if job.status != "running":
        return False
    reason = runner.why_stopped(job.runner, job.heartbeat_at, job.id, now=clock.now(), besides=mine)
    if reason is None:
        return False
    stopped = repository.stop_import(
        session, job.id, runner=job.runner, status=RESUMABLE, stop_reason=f"Stopped: {reason}."
    )
    session.refresh(job)
    return stopped


def resume_import(session: Session, job_id: int, *, actor: Actor) -> ImportJob:
    """Queue an interrupted import to go on from its last committed chunk.

    Raises Conflict unless the import is interrupted and its file is still where it was
    read from; NotPermitted and ResourceNotFound as ``get_import``. The caller runs it
    (``run_import``) or queues it for the worker.
    """
    job = get_import(session, job_id, actor=actor)
    if job.status != RESUMABLE:
        raise Conflict(f"import {job_id} is {job.status}; only an interrupted import resumes")
    if not job.source_path or not job.report_path or not Path(job.source_path).is_file():
        raise Conflict(
            f"the file of import {job_id} is no longer kept; import it again "
            "(rows already imported are recognised by their email and not duplicated)"
        )
    job.status, job.finished_at = "queued", None
    session.flush()
    return job


@dataclass(frozen=True)
class _Start:
    """What a run needs of the import it took, read in the transaction that took it."""

    job_id: int
    sha256: str
    filename: str
    actor: Actor
    users: UserDirectory
    custom_keys: list[str]
    cleaning: Cleaning
    key: DedupeKey
    mapping: Mapping[str, object] | None
    progress: Progress
    report_bytes: int


def run_import(
    unit_of_work: UnitOfWork,
    job_id: int,
    path: Path,
    *,
    errors_path: Path,
    chunk_size: int | None = None,
    provider: EnrichmentProvider | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> ImportJob:
    """Run a queued or interrupted import of ``path``, one transaction per chunk, from
    where it stopped; returns the import.

    Rows that break a rule go to ``errors_path`` (line, column, reason and the row), the
    others are imported. Raises Conflict when the import is done, failed, or run by a live
    process. A file that is no longer the one checked marks the import failed and raises
    ValidationFailed. Anything else that stops the run (an error of the database, Ctrl-C)
    marks it interrupted, ready to resume from the chunks already committed, and is
    re-raised. Resume with the same ``chunk_size`` for the same counts. By default a chunk
    is ``CHUNK_SIZE`` rows, ``HISTORY_CHUNK_SIZE`` when the file dates stages.
    """
    me = runner.this_process()
    # Registered before the import is taken: a look at it meanwhile must not find it stopped.
    with runner.running(job_id):
        start = _take(unit_of_work, job_id, me, path=path, errors_path=errors_path)
        try:
            facts = _same_file(path, start.sha256)
            columns = _columns(path, facts, start.custom_keys, start.mapping)
        except (OSError, ValidationFailed) as exc:
            _stop(unit_of_work, job_id, me, "failed", _file_problem(exc))
            if isinstance(exc, ValidationFailed):
                raise
            raise ValidationFailed(
                "the file cannot be read", [FieldError("file", _file_problem(exc))]
            ) from exc
        try:
            report = _run(
                unit_of_work,
                start,
                path,
                facts,
                columns,
                errors_path,
                me=me,
                chunk_size=chunk_size or _chunk_size(columns),
                provider=provider,
                on_progress=on_progress,
            )
        except BaseException as exc:
            # A no-op when the import was taken over: it is another process's now.
            _stop(unit_of_work, job_id, me, RESUMABLE, _interruption(exc))
            raise
        return _finish(unit_of_work, job_id, report)


def _chunk_size(columns: ColumnMapping) -> int:
    dated = any(is_history(column.target) for column in columns.columns)
    return HISTORY_CHUNK_SIZE if dated else CHUNK_SIZE


def _take(
    unit_of_work: UnitOfWork, job_id: int, me: str, *, path: Path, errors_path: Path
) -> _Start:
    with unit_of_work() as session:
        job = _job(session, job_id)
        _settle(session, job, mine=1)
        if job.status not in ("queued", RESUMABLE):
            where = " in another process" if job.status == "running" else ""
            raise Conflict(f"import {job_id} is {job.status}{where}")
        taken = repository.take_import(
            session,
            job_id,
            status=job.status,
            runner=me,
            heartbeat_at=clock.now(),
            stop_reason=None,
            finished_at=None,
            source_path=str(path.resolve()),
            report_path=str(errors_path.resolve()),
        )
        if not taken:
            raise Conflict(f"import {job_id} was just taken by another process")
        session.refresh(job)
        return _Start(
            job_id=job.id,
            sha256=job.file_sha256,
            filename=job.filename,
            actor=import_actor(job),
            users=user_directory(session),
            custom_keys=_custom_keys(session),
            cleaning=Cleaning(
                placeholders=placeholders_from(job.placeholders),
                clear_empty=job.clear_empty,
                custom_kinds=_custom_kinds(session),
                date_formats=dict(job.date_formats or {}),
            ),
            key="external_id" if job.dedupe_key == "external_id" else "email",
            mapping=None if job.source_format != "manual" else job.mapping,
            progress=Progress(
                rows=job.rows_total,
                line=job.resume_line or 1,
                total_lines=0,
                created=job.rows_created,
                updated=job.rows_updated,
                unchanged=job.rows_unchanged,
                failed=job.rows_failed,
                resume_line=job.resume_line or 0,
                reported=job.rows_reported,
            ),
            report_bytes=job.report_bytes if job.error_file else 0,
        )


def _same_file(path: Path, sha256: str) -> FileFacts:
    # Read outside any transaction: hashing 200 MB must not hold the database's lock.
    facts = inspect_file(path)
    if facts.sha256 != sha256:
        raise ValidationFailed(
            "the file changed",
            [FieldError("file", "the file is not the one checked when the import was started")],
        )
    return facts


def _run(
    unit_of_work: UnitOfWork,
    start: _Start,
    path: Path,
    facts: FileFacts,
    columns: ColumnMapping,
    errors_path: Path,
    *,
    me: str,
    chunk_size: int,
    provider: EnrichmentProvider | None,
    on_progress: Callable[[Progress], None] | None,
) -> ErrorReport:
    """The chunks of the file from where the import stands; returns its (closed) report."""
    job_id = start.job_id
    progress = replace(start.progress, total_lines=facts.lines)
    with unit_of_work() as session:
        engine = session.get_bind().engine
    with (
        CsvSource(path, facts) as source,
        closing(ErrorReport(errors_path, source.header, keep=start.report_bytes)) as report,
    ):
        parser = RowParser(columns, start.users, width=len(source.header), cleaning=start.cleaning)
        context = ChunkContext(
            actor=start.actor,
            header_of=columns.header_of,
            provider=provider,
            reason=start.actor.label,
            source=start.filename,
            key=start.key,
        )
        rows = source.rows(start=progress.resume_line or None)
        with unit_of_work() as session:
            unordered = _deferred_indexes(session, columns, facts.lines - progress.line, job_id)
        with (
            deferred(engine, unordered, holder=_holder(job_id)),
            # The import collects the young generations itself every few chunks.
            collection_paused(),
            ReadAhead(rows, parser, chunk_size) as ahead,
            checkpoints_alongside(engine) as committed,
        ):
            for number, chunk in enumerate(ahead, start=1):
                # The next chunk is read while the database commits this one.
                with ahead.overlapping(), unit_of_work() as session, ahead.paused():
                    progress = _import_chunk(session, job_id, me, chunk, context, report, progress)
                committed()
                # The chunk's rows go now, by their counts, rather than be walked once more
                # by the collection below (it would also keep them to the next chunk).
                del chunk
                if number % CHUNKS_PER_COLLECTION == 0:
                    gc.collect(1)
                if on_progress is not None:
                    on_progress(progress)
    return report


def _holder(job_id: int) -> str:
    """What the indexes an import defers are recorded as held by."""
    return f"import {job_id}"


def _deferred_indexes(
    session: Session, columns: ColumnMapping, rows: int, job_id: int
) -> list[str]:
    """The indexes that the file's rows reach in no order, if the import is big enough to
    build them at its end instead (``core.deferred_indexes``): the contacts' by company and
    last name; their created dates' when the file gives them; the stage moves' dates' when
    it dates stages. And those a run of this import before left deferred (its process
    stopped), whatever is left of the file."""
    targets = {column.target for column in columns.columns}
    names: list[str] = []
    if worth_deferring(session, Contact.__tablename__, rows):
        names += SPREAD_INDEXES
        if any(is_history(target) for target in targets):
            names += CREATED_DATE_INDEXES
    stages_dated = sum(target.startswith(STAGE_DATE_PREFIX) for target in targets)
    table, indexes = stage_mover().history_indexes()
    if stages_dated and worth_deferring(session, table, rows * stages_dated):
        names += indexes
    return names + [name for name in indexes_deferred_by(session, job_id) if name not in names]


def indexes_deferred_by(session: Session, job_id: int) -> list[str]:
    """The indexes the import builds at its end, while it runs (none once it ended)."""
    return held_by(session, _holder(job_id))


def rebuild_abandoned_indexes(engine: Engine) -> list[str]:
    """Build again the indexes deferred by imports that no longer run (their process
    stopped mid-import); returns their names. Each is built in a transaction of its own and
    sorted on disk (``rebuild_on``): call it outside any transaction on ``engine``. An
    import still marked running is left until it is found stopped."""
    with engine.connect() as connection, Session(bind=connection) as session:
        running = {_holder(job.id) for job in repository.running_imports(session)}
    return rebuild_on(engine, holders=lambda holder: holder not in running)


def _import_chunk(
    session: Session,
    job_id: int,
    me: str,
    chunk: CheckedChunk,
    context: ChunkContext,
    report: ErrorReport,
    before: Progress,
) -> Progress:
    # First, so that on PostgreSQL the import's row stays locked until the chunk commits.
    if not repository.hold_import(session, job_id, runner=me, heartbeat_at=clock.now()):
        raise ImportTakenOver(f"import {job_id} was found stopped and taken over")
    parsed, failed = chunk.parsed, list(chunk.failed)
    outcome = apply_chunk(session, parsed, context)
    failed += outcome.failed
    for bad in sorted([*failed, *outcome.noted], key=lambda r: r.line):
        report.add(bad.line, bad.problems, bad.cells)
    report_bytes = report.flush()
    progress = Progress(
        rows=before.rows + chunk.rows,
        line=chunk.last_line,
        total_lines=before.total_lines,
        created=before.created + outcome.created,
        updated=before.updated + outcome.updated,
        unchanged=before.unchanged + outcome.unchanged,
        failed=before.failed + len(failed),
        resume_line=chunk.resume,
        reported=before.reported + len(outcome.noted),
    )
    # Committed with the chunk's rows: a page polling the job sees counts that are true,
    # and a resumed import starts where this chunk ends.
    repository.record_progress(
        session,
        job_id,
        rows_total=progress.rows,
        rows_created=progress.created,
        rows_updated=progress.updated,
        rows_unchanged=progress.unchanged,
        rows_failed=progress.failed,
        rows_reported=progress.reported,
        error_file=str(report.path) if report.written else None,
        resume_line=progress.resume_line,
        report_bytes=report_bytes,
    )
    return progress


def _finish(unit_of_work: UnitOfWork, job_id: int, report: ErrorReport) -> ImportJob:
    with unit_of_work() as session:
        job = _job(session, job_id)
        # The chunks wrote the counts with plain UPDATEs: read them back.
        session.refresh(job)
        job.status, job.finished_at = "done", clock.now()
        job.error_file = str(report.path) if report.written else None
        session.flush()
        return job


def _stop(unit_of_work: UnitOfWork, job_id: int, me: str, status: str, reason: str) -> None:
    """Record why the run stopped, if the database lets us: otherwise the import is found
    interrupted later, its runner (this process) no longer running it."""
    try:
        with unit_of_work() as session:
            repository.stop_import(
                session,
                job_id,
                runner=me,
                status=status,
                stop_reason=reason[:500],
                finished_at=clock.now() if status == "failed" else None,
            )
    except Exception:
        log.exception("import %s: could not record that it stopped", job_id)


def _interruption(exc: BaseException) -> str:
    if isinstance(exc, KeyboardInterrupt):
        return "Stopped by an interrupt (Ctrl-C)."
    # The error's class, never its message: a database error's may quote row values.
    return f"Stopped by an error: {type(exc).__name__}."


def _file_problem(exc: OSError | ValidationFailed) -> str:
    if isinstance(exc, ValidationFailed):
        return "; ".join(error.message for error in exc.errors) or exc.message
    if isinstance(exc, FileNotFoundError):
        return "the file is no longer there"
    return f"the file cannot be read ({type(exc).__name__})"
