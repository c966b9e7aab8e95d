"""The ``huddle`` command. Domains add their own sub-commands from their ``cli.py``, listed
at the end of this module."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pydantic import ValidationError
from sqlalchemy import Engine

from huddle.auth import cli as user_commands
from huddle.contacts import cli as contact_commands
from huddle.core.backup import BackupError
from huddle.core.backup import backup as backup_database
from huddle.core.backup import restore as restore_database
from huddle.core.db import get_engine, session_factory, unit_of_work
from huddle.core.migrations import SchemaBehind, ensure_schema_current, upgrade
from huddle.core.settings import get_settings
from huddle.demo import cli as demo_commands
from huddle.lifecycle import cli as deal_commands
from huddle.mailing import cli as mailing_commands
from huddle.predictive import cli as model_commands
from huddle.subscribers import describe as describe_subscribers
from huddle.subscribers import register as register_subscribers
from huddle.tracking import cli as touch_commands
from huddle.worker import Worker

app = typer.Typer(
    help="Huddle: one shared record for marketing and sales.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)


@app.callback()
def check_settings() -> None:
    """Settings that cannot work stop every command with one sentence, not a traceback."""
    try:
        get_settings()
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        typer.secho(f"huddle: {message}.", fg="red", err=True)
        raise typer.Exit(2) from None


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    settings = get_settings()
    upgrade(get_engine(settings))
    typer.echo(f"Database is up to date ({settings.database_url}).")


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="Where to write the backup", dir_okay=False)],
) -> None:
    """Back up the whole database into FILE, safely while Huddle runs (SQLite: a copy by
    its online backup API; PostgreSQL: pg_dump's custom format)."""
    engine = get_engine(get_settings())
    started = time.monotonic()
    try:
        revision = backup_database(engine, file)
    except BackupError as exc:
        _fail(str(exc))
    size = file.stat().st_size / 1_000_000
    typer.echo(
        f"Backed up {_shown(engine)} (schema {revision}) to {file}: {size:,.1f} MB "
        f"in {time.monotonic() - started:.1f} s."
    )


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file made by `huddle backup`", dir_okay=False)],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already holds data")
    ] = False,
) -> None:
    """Restore FILE into the configured database. Stop Huddle (serve and workers) first.
    A database holding data is replaced only with --force."""
    engine = get_engine(get_settings())
    try:
        restored = restore_database(engine, file, force=force)
    except BackupError as exc:
        _fail(str(exc))
    typer.echo(f"Restored {file} into {_shown(engine)} (schema {restored.revision}).")
    if restored.migrate_to is not None:
        typer.secho(
            f"The backup was made by an older Huddle: its schema is at {restored.revision}, "
            f"this version runs on {restored.migrate_to}. Run `huddle migrate` before "
            "starting Huddle.",
            fg="yellow",
        )


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _fail(message: str) -> NoReturn:
    typer.secho(f"{message[:1].upper()}{message[1:]}.", fg="red", err=True)
    raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on")] = None,
    embedded_worker: Annotated[
        bool, typer.Option(help="Run background jobs in this process too")
    ] = True,
) -> None:
    """Start the web UI, the API and (unless --no-embedded-worker) the background worker."""
    from huddle.app import create_app
    from huddle.web.serving import serve as serve_app

    settings = get_settings()
    try:
        ensure_schema_current(get_engine(settings))
    except SchemaBehind as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from exc
    host, port = host or settings.host, port or settings.port
    background = (
        Worker(session_factory(get_engine(settings)), threads=settings.background_threads)
        if embedded_worker
        else None
    )
    if background is not None:
        background.start_in_thread()
    typer.secho(f"Huddle is running at http://{host}:{port}/", fg="green", bold=True)
    try:
        serve_app(create_app(settings), host=host, port=port)
    finally:
        if background is not None:
            background.stop()


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Run what is due now, then exit")] = False,
) -> None:
    """Run background jobs (HUDDLE_WORKER_THREADS at once). Start as many workers as you
    like: they never run a job twice."""
    settings = get_settings()
    ensure_schema_current(get_engine(settings))
    runner = Worker(session_factory(get_engine(settings)), threads=settings.background_threads)
    if once:
        typer.echo(f"Ran {runner.run_pending()} job(s).")
        return
    typer.echo("Worker started; Ctrl-C stops it.")
    try:
        runner.run_forever()
    except KeyboardInterrupt:
        runner.stop()


@app.command("subscribers")
def list_subscribers() -> None:
    """Who reacts to what: each event's handlers in the order they run, and each job's."""
    for line in describe_subscribers():
        typer.echo(line)


# The domains' commands: ``huddle user ...``, ``huddle enrich ...``, and the top-level
# import, export and demo.
app.add_typer(user_commands.app, name="user")
app.add_typer(contact_commands.app, name="enrich")
app.add_typer(mailing_commands.app, name="mailing")
app.add_typer(model_commands.app, name="model")
contact_commands.register(app)
deal_commands.register(contact_commands.import_app)
touch_commands.register(contact_commands.import_app)
demo_commands.register(app)
register_subscribers()

__all__ = ["app", "unit_of_work"]
