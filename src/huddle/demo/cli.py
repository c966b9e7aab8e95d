"""``huddle demo``: load Northwind Analytics, a realistic demo company, into an empty database."""

from __future__ import annotations

from typing import Annotated

import typer

from huddle.core.db import get_engine, unit_of_work
from huddle.core.errors import HuddleError
from huddle.core.migrations import SchemaBehind, ensure_schema_current
from huddle.core.settings import get_settings
from huddle.demo import catalog
from huddle.demo.load import has_contacts, load_demo


def demo(
    if_empty: Annotated[
        bool,
        typer.Option("--if-empty", help="Do nothing, successfully, if there are contacts already."),
    ] = False,
    contacts: Annotated[
        int, typer.Option(min=1, max=200_000, help="How many contacts to create.")
    ] = 3000,
    seed: Annotated[
        int, typer.Option(help="The same seed on the same day gives the same data.")
    ] = (2026),
) -> None:
    """Load Northwind Analytics, a demo company, into an empty database:
    18 months of contacts, accounts, touches, stage moves and deals.

    Every demo user's password is huddle-demo-2026. Sign in as
    admin@huddle.example (admin), maya.chen@huddle.example (marketer)
    or noah.kim@huddle.example (sales rep).
    Demo email addresses all end in .example: none reaches a real inbox.
    """
    settings = get_settings()
    try:
        ensure_schema_current(get_engine(settings))
    except SchemaBehind as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(1) from exc
    with unit_of_work() as session:
        if has_contacts(session):
            if if_empty:
                typer.echo("The database already has contacts; the demo was not loaded.")
                _print_logins(prefix="If it is the demo company, sign in")
                return
            typer.secho(
                "The database already has contacts. The demo loads only into an empty "
                "database: point HUDDLE_DATABASE_URL at a new one and run `huddle migrate`.",
                fg="red",
                err=True,
            )
            raise typer.Exit(1)
        typer.echo(f"Loading {catalog.COMPANY} ({contacts} contacts, seed {seed})...")
        try:
            summary = load_demo(session, seed=seed, contacts=contacts)
        except HuddleError as exc:
            typer.secho(f"The demo could not be loaded: {exc.message}", fg="red", err=True)
            raise typer.Exit(1) from exc
    typer.secho(f"Loaded {catalog.COMPANY} in {summary.seconds:.1f} s:", fg="green", bold=True)
    for name, count in summary.counts.items():
        typer.echo(f"  {count:>7,}  {name}")
    typer.echo("")
    _print_logins(prefix="Sign in")


def _print_logins(*, prefix: str) -> None:
    typer.echo(f"{prefix} as {catalog.ADMIN_EMAIL} / {catalog.DEMO_PASSWORD}")
    typer.echo(f"  a marketer: {catalog.MARKETER_EMAIL} / {catalog.DEMO_PASSWORD}")
    typer.echo(f"  a sales rep: {catalog.REP_EMAIL} / {catalog.DEMO_PASSWORD}")
    typer.echo(f"  (every demo user has the password {catalog.DEMO_PASSWORD})")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
