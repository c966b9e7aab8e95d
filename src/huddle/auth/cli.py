"""``huddle user ...``"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from pydantic import ValidationError

from huddle.auth import service
from huddle.auth.passwords import password_problem
from huddle.auth.schemas import UserCreate
from huddle.core.actor import Actor
from huddle.core.db import unit_of_work
from huddle.core.errors import HuddleError

app = typer.Typer(help="Manage users.", no_args_is_help=True, rich_markup_mode="markdown")
# Whoever runs the command line administers this installation.
CLI_ACTOR = Actor.system("command line")


def read_password(*, from_stdin: bool) -> str:
    """The new password: the first line of standard input, or typed at a hidden prompt,
    twice. Never an argument: those are visible to every user of the machine (ps,
    /proc) and stay in the shell's history."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = password_problem(password)
    if problem:
        typer.secho(f"password: {problem}", fg="red", err=True)
        raise typer.Exit(2)
    return password


@app.command("create")
def create(
    email: Annotated[str, typer.Option(prompt=True)],
    name: Annotated[str, typer.Option(prompt=True)],
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the password from the first line of standard input "
            "(for scripts) instead of asking for it",
        ),
    ] = False,
    admin: Annotated[bool, typer.Option("--admin", help="Create an administrator")] = False,
    team: Annotated[str, typer.Option(help="Team")] = "revops",
    role: Annotated[str, typer.Option(help="Role")] = "marketing",
) -> None:
    """Create a user (``--admin`` for the first administrator). The password is asked for
    (hidden, twice) or read from standard input with ``--password-stdin``."""
    password = read_password(from_stdin=password_stdin)
    try:
        data = UserCreate(
            email=email, name=name, password=password, team=team, role="admin" if admin else role
        )
        with unit_of_work() as session:
            user = service.create_user(session, data, actor=CLI_ACTOR)
            typer.echo(f"Created user {user.email} ({user.role}, id {user.id}).")
    except ValidationError as exc:
        for error in exc.errors():
            typer.secho(f"{'.'.join(map(str, error['loc']))}: {error['msg']}", fg="red", err=True)
        raise typer.Exit(2) from exc
    except HuddleError as exc:
        typer.secho(exc.message, fg="red", err=True)
        raise typer.Exit(1) from exc


@app.command("list")
def list_all() -> None:
    """List active users."""
    with unit_of_work() as session:
        for user in service.list_users(session):
            typer.echo(f"{user.id:>5}  {user.email:<40} {user.team:<18} {user.role}")
