"""``huddle import contacts`` and ``resume``, ``huddle export contacts``, ``huddle enrich load``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from huddle.auth import service as auth_service
from huddle.contacts import service
from huddle.contacts.importing.cleaning import DEFAULT_PLACEHOLDERS, CellError
from huddle.contacts.importing.companies import load_companies_csv
from huddle.contacts.importing.csvcells import csv_lines
from huddle.contacts.importing.new_fields import define_new_fields, plan_new_fields
from huddle.contacts.importing.reader import ENCODING_LABELS
from huddle.contacts.importing.rows import Person, UserDirectory
from huddle.contacts.importing.schemas import FORMAT_LABELS
from huddle.contacts.importing.service import CHUNK_SIZE, ImportOptions, create_import, run_import
from huddle.contacts.importing.service import Progress as ImportProgress
from huddle.contacts.importing.service import resume_import as resume_service
from huddle.contacts.models import ImportJob
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core.actor import Actor
from huddle.core.db import get_engine, session_factory, unit_of_work
from huddle.core.errors import FieldError, HuddleError, ValidationFailed
from huddle.core.migrations import SchemaBehind, ensure_schema_current
from huddle.core.settings import get_settings

app = typer.Typer(help="Company enrichment.", no_args_is_help=True, rich_markup_mode="markdown")
import_app = typer.Typer(
    help="Import records from CSV.", no_args_is_help=True, rich_markup_mode="markdown"
)
export_app = typer.Typer(
    help="Export records as CSV.", no_args_is_help=True, rich_markup_mode="markdown"
)

err = Console(stderr=True)
CLI_ACTOR = Actor.system("command line")
# Rows per transaction; a resumed import gives the same counts with the same size.
_CHUNK_OPTION = typer.Option("--chunk-size", min=1, hidden=True)


def register(root: typer.Typer) -> None:
    root.add_typer(import_app, name="import")
    root.add_typer(export_app, name="export")


def _fail(exc: HuddleError, code: int) -> typer.Exit:
    err.print(f"[red]{exc.message}[/red]", highlight=False)
    for problem in exc.errors if isinstance(exc, ValidationFailed) else []:
        err.print(f"  {problem.field}: {problem.message}", highlight=False)
    return typer.Exit(code)


def _factory() -> Any:
    engine = get_engine(get_settings())
    try:
        ensure_schema_current(engine)
    except SchemaBehind as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    return session_factory(engine)


@import_app.command("contacts")
def import_contacts(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file")],
    mapping: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help='JSON {"csv header": "huddle field"} file'),
    ] = None,
    errors: Annotated[
        Path | None, typer.Option(help="Where to write the rows that fail (CSV)")
    ] = None,
    key: Annotated[
        str,
        typer.Option(
            help="Match rows by email (then the external id, for rows without email) or by "
            "external_id (then the email)"
        ),
    ] = "email",
    clear_empty: Annotated[
        bool,
        typer.Option(
            "--clear-empty",
            help="An empty cell of a mapped column clears the field of an existing contact",
        ),
    ] = False,
    placeholder: Annotated[
        list[str] | None,
        typer.Option(
            help="A cell value read as empty (repeat for more; replaces the default list: "
            + ", ".join(repr(word) for word in DEFAULT_PLACEHOLDERS if word)
            + ")"
        ),
    ] = None,
    day_first: Annotated[
        bool | None,
        typer.Option(
            "--day-first/--month-first",
            help="Read a date like 03/04/2024 as the 3rd of April (or March 4) in the date "
            "columns where no value tells; by default as the file's other date columns "
            "tell, else month first",
            show_default=False,
        ),
    ] = None,
    new_fields: Annotated[
        bool,
        typer.Option(
            "--new-fields",
            help="Define the custom fields the mapping names that do not exist yet, and one "
            "for every column the mapping leaves out (keyed after its header: 'Lead Origin' "
            "-> custom.lead_origin), each typed from the file's values",
        ),
    ] = False,
    chunk_size: Annotated[int, _CHUNK_OPTION] = CHUNK_SIZE,
) -> None:
    """Import contacts from a HubSpot, Salesforce (Lead or Contact) or Huddle export, or any
    CSV with --mapping. Exit code: 0 every row went in (created, updated or unchanged), 1
    some rows failed, or went in with a problem to check (an owner nobody in Huddle is: the
    contact goes in unassigned), and the others went in (see --errors), 2 nothing was
    imported (the file or mapping was refused, every row failed, or the file has no rows),
    130 interrupted (go on with `huddle import resume ID`)."""
    factory = _factory()
    given: dict[str, Any] | None = None
    if mapping is not None:
        try:
            given = json.loads(mapping.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            err.print(f"[red]{mapping} is not JSON: {exc}[/red]")
            raise typer.Exit(2) from exc
        if not isinstance(given, dict):
            err.print('[red]the mapping must be a JSON object {"csv header": "field"}[/red]')
            raise typer.Exit(2)
    try:
        with unit_of_work(factory) as session:
            if new_fields:
                given = _define_new_fields(session, file, given)
            job = create_import(
                session,
                file,
                filename=str(file),
                mapping=given,
                actor=CLI_ACTOR,
                options=ImportOptions(
                    key=key,
                    clear_empty=clear_empty,
                    placeholders=tuple(placeholder) if placeholder is not None else None,
                    day_first=day_first,
                ),
            )
            job_id, detected, encoding = job.id, job.source_format, job.encoding
            invalid = job.invalid_lines
    except HuddleError as exc:
        raise _fail(exc, 2) from exc
    read_as = (
        "columns mapped by --mapping"
        if detected == "manual"
        else f"{FORMAT_LABELS.get(detected, detected)} detected"
    )
    typer.echo(
        f"Import #{job_id}: {read_as}, read as {ENCODING_LABELS.get(encoding or '', encoding)}."
    )
    if invalid:
        typer.secho(
            f"{invalid:,} line(s) are not UTF-8, the encoding the rest of the file is in: "
            "each is reported as a failed row.",
            fg="yellow",
            err=True,
        )
    errors_path = errors or get_settings().data_dir / "imports" / f"{job_id}-errors.csv"
    _run(factory, job_id, file, errors_path, chunk_size=chunk_size)


def _define_new_fields(session: Any, file: Path, given: dict[str, Any] | None) -> dict[str, Any]:
    """The mapping extended to the file's left-out columns, their fields defined."""
    mapping, planned = plan_new_fields(session, file, given)
    define_new_fields(session, planned, actor=CLI_ACTOR)
    for new in planned:
        typer.echo(
            f"Custom field defined: {new.header} -> custom.{new.key} ({new.inferred.field_type})"
        )
    return mapping


@import_app.command("resume")
def resume_import(
    import_id: Annotated[int, typer.Argument(help="The import's number (#12: 12)")],
    chunk_size: Annotated[int, _CHUNK_OPTION] = CHUNK_SIZE,
) -> None:
    """Go on with an interrupted import from its last committed chunk: rows already
    imported are not read again. Exit codes as `huddle import contacts`."""
    factory = _factory()
    try:
        with unit_of_work(factory) as session:
            job = resume_service(session, import_id, actor=CLI_ACTOR)
            path, errors_path, line = job.source_path, job.report_path, job.resume_line
    except HuddleError as exc:
        raise _fail(exc, 2) from exc
    assert path is not None and errors_path is not None
    typer.echo(f"Import #{import_id}: going on from line {line or 2:,} of {path}.")
    _run(factory, import_id, Path(path), Path(errors_path), chunk_size=chunk_size)


def _run(factory: Any, job_id: int, file: Path, errors_path: Path, *, chunk_size: int) -> None:
    """Run the import with a progress bar, then say how it went (and exit accordingly)."""
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("Importing lines", total=None)

        def advance(progress: ImportProgress) -> None:
            bar.update(task, completed=progress.line, total=progress.total_lines)

        try:
            done = run_import(
                lambda: unit_of_work(factory),
                job_id,
                file,
                errors_path=errors_path,
                chunk_size=chunk_size,
                on_progress=advance,
            )
        except HuddleError as exc:
            raise _fail(exc, 2) from exc
        except KeyboardInterrupt:
            err.print(
                f"[yellow]Import #{job_id} interrupted; the rows of the chunks committed are "
                f"in. Go on with: huddle import resume {job_id}[/yellow]",
                highlight=False,
            )
            raise typer.Exit(130) from None
    reported = (
        f", {done.rows_reported:,} imported with a problem to check" if done.rows_reported else ""
    )
    typer.echo(
        f"{done.rows_total:,} rows: {done.rows_created:,} created, {done.rows_updated:,} updated, "
        f"{done.rows_unchanged:,} unchanged, {done.rows_failed:,} failed{reported}."
    )
    if done.rows_failed or done.rows_reported:
        typer.secho(f"The rows to look at, and why: {errors_path}", fg="yellow", err=True)
    raise typer.Exit(exit_code(done))


def exit_code(job: ImportJob) -> int:
    """What `huddle import contacts` documents: 0 all in, 1 some failed or went in with a
    problem to check, 2 nothing in."""
    went_in = job.rows_created + job.rows_updated + job.rows_unchanged
    if went_in == 0:
        return 2
    return 1 if job.rows_failed or job.rows_reported else 0


@export_app.command("contacts")
def export_contacts(
    file: Annotated[Path, typer.Argument(dir_okay=False, help='Where to write; "-" for stdout')],
    stage: Annotated[
        list[str] | None, typer.Option(help="Only this stage (repeat for more)")
    ] = None,
    owner: Annotated[
        str | None, typer.Option(help='Owner: a user\'s email, name or id, or "unassigned"')
    ] = None,
    account_id: Annotated[int | None, typer.Option(help="Only this account's contacts")] = None,
    q: Annotated[str | None, typer.Option(help="Text in the name, email or account name")] = None,
) -> None:
    """Export contacts as CSV (the columns Huddle imports back), with the list's filters."""
    factory = _factory()
    count = 0
    with factory() as session:
        try:
            filters = ContactFilters.model_validate(
                {
                    "stage": stage or [],
                    "owner_id": _owner(session, owner),
                    "account_id": account_id,
                    "q": q,
                }
            )
        except HuddleError as exc:
            raise _fail(exc, 2) from exc
        except ValueError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from exc
        header = service.export_columns(session)

        def rows() -> Any:
            nonlocal count
            for row in service.export_rows(
                session, filters, sort=ContactSort.CREATED_AT, actor=CLI_ACTOR
            ):
                count += 1
                yield [row[name] for name in header]

        handle = sys.stdout if str(file) == "-" else file.open("w", encoding="utf-8", newline="")
        try:
            for text in csv_lines(header, rows()):
                handle.write(text)
        finally:
            if handle is not sys.stdout:
                handle.close()
    if str(file) != "-":
        typer.echo(f"Exported {count:,} contacts to {file}.")


def _owner(session: Any, owner: str | None) -> int | str | None:
    if owner is None or owner == "unassigned":
        return owner
    users = UserDirectory(Person(u.id, u.email, u.name) for u in auth_service.list_users(session))
    try:
        return users.check_id(owner) if owner.isdigit() else users.resolve(owner)
    except CellError as exc:
        raise ValidationFailed("unknown owner", [FieldError("--owner", str(exc))]) from exc


@app.command("load")
def load(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="companies.csv")],
) -> None:
    """Load companies for enrichment: columns domain, name, industry, employee_count,
    annual_revenue, country, region, city, technologies (";"-separated). All or nothing."""
    factory = _factory()
    try:
        with unit_of_work(factory) as session:
            loaded = load_companies_csv(session, file)
    except HuddleError as exc:
        raise _fail(exc, 1) from exc
    typer.echo(f"Loaded {loaded:,} companies from {file}.")
