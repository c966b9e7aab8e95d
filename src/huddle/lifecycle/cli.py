"""``huddle import deals``: a HubSpot deals or Salesforce opportunities export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from huddle.core.actor import Actor
from huddle.core.db import get_engine, session_factory, unit_of_work
from huddle.core.errors import HuddleError, ValidationFailed
from huddle.core.migrations import SchemaBehind, ensure_schema_current
from huddle.core.settings import get_settings
from huddle.lifecycle.importing.deals import CHUNK_SIZE, import_deals

CLI_ACTOR = Actor.system("command line")


def register(import_app: typer.Typer) -> None:
    """Adds ``deals`` to ``huddle import``."""
    import_app.command("deals")(import_deals_command)


def import_deals_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The CSV file")],
    errors: Annotated[
        Path | None, typer.Option(help="Where to write the rows that fail (CSV)")
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, hidden=True)] = CHUNK_SIZE,
) -> None:
    """Import deals from a HubSpot deals export or a Salesforce opportunities export, with
    their dates, amounts, stages and reasons, linked to contacts by email and to accounts.
    A re-import updates the deals it imported before. A won deal makes its contacts
    customers with its close date. Exit code: 0 all rows in, 1 some rows failed or need a
    look (see --errors), 2 nothing imported."""
    settings = get_settings()
    engine = get_engine(settings)
    try:
        ensure_schema_current(engine)
    except SchemaBehind as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from exc
    factory = session_factory(engine)
    errors_path = errors or settings.data_dir / "imports" / f"deals-{file.stem}-errors.csv"
    try:
        result = import_deals(
            lambda: unit_of_work(factory),
            file,
            filename=file.name,
            actor=CLI_ACTOR,
            errors_path=errors_path,
            chunk_size=chunk_size,
        )
    except HuddleError as exc:
        typer.secho(exc.message, fg="red", err=True)
        for problem in exc.errors if isinstance(exc, ValidationFailed) else []:
            typer.secho(f"  {problem.field}: {problem.message}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.echo(result.summary("deals"))
    if result.failed or result.reported:
        typer.secho(f"The rows to look at, and why: {errors_path}", fg="yellow", err=True)
    raise typer.Exit(result.exit_code)
