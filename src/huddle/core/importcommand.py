"""The command line of a file import that runs in one go (``huddle import deals``,
``huddle import touches``): the schema checked, the import run a chunk per transaction,
what went in printed, the exit code its help documents."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import typer
from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.columnmap import mapping_from_json
from huddle.core.csvreport import FileImportResult
from huddle.core.db import get_engine, session_factory, unit_of_work
from huddle.core.errors import HuddleError, ValidationFailed
from huddle.core.migrations import SchemaBehind, ensure_schema_current
from huddle.core.settings import get_settings

CLI_ACTOR = Actor.system("command line")

Importer = Callable[..., FileImportResult]


def run_import_command(
    importer: Importer,
    file: Path,
    *,
    errors: Path | None,
    noun: str,
    chunk_size: int,
    mapping_file: Path | None = None,
) -> None:
    """Run ``importer(unit_of_work, file, filename=, actor=, errors_path=, chunk_size=,
    mapping=)`` and exit with the result's code (2 when the file or mapping is refused).
    ``mapping_file``: a JSON file {"csv header": "field"} for a file read by hand."""
    settings = get_settings()
    engine = get_engine(settings)
    try:
        ensure_schema_current(engine)
    except SchemaBehind as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from exc
    factory = session_factory(engine)
    errors_path = errors or settings.data_dir / "imports" / f"{noun}-{file.stem}-errors.csv"

    def work() -> AbstractContextManager[Session]:
        return unit_of_work(factory)

    try:
        mapping = (
            mapping_from_json(mapping_file.read_text(encoding="utf-8")) if mapping_file else None
        )
        result = importer(
            work,
            file,
            filename=file.name,
            actor=CLI_ACTOR,
            errors_path=errors_path,
            chunk_size=chunk_size,
            mapping=mapping,
        )
    except HuddleError as exc:
        typer.secho(exc.message, fg="red", err=True)
        for problem in exc.errors if isinstance(exc, ValidationFailed) else []:
            typer.secho(f"  {problem.field}: {problem.message}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.echo(result.summary(noun))
    if result.failed or result.reported:
        typer.secho(f"The rows to look at, and why: {errors_path}", fg="yellow", err=True)
    raise typer.Exit(result.exit_code)


MappingOption = typer.Option(
    "--mapping",
    exists=True,
    dir_okay=False,
    help='A JSON file {"csv header": "field"} for a file Huddle does not recognise',
)
