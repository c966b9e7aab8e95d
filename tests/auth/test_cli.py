"""``huddle user create``: the password is asked for or read from standard input, never
taken as an argument (review finding: ``--password`` put it in ps and shell history)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from huddle.auth.models import User
from huddle.auth.passwords import verify_password
from huddle.core.db import make_engine
from huddle.core.migrations import upgrade
from huddle.core.settings import get_settings

PASSWORD = "a long cli password"
EMAIL = "root@huddle.example"


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    monkeypatch.setenv("HUDDLE_DATABASE_URL", url)
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()
    engine.dispose()


def _create(*args: str, typed: str) -> Result:
    from huddle.cli import app as cli

    command = ["user", "create", "--admin", "--email", EMAIL, "--name", "Root", *args]
    return CliRunner().invoke(cli, command, input=typed)


def _root(engine: Engine) -> User | None:
    with Session(engine) as session:
        return session.scalar(select(User).where(User.email == EMAIL))


def test_the_password_is_asked_for_twice_and_not_shown(cli_db: Engine) -> None:
    result = _create(typed=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert PASSWORD not in result.output
    root = _root(cli_db)
    assert root is not None and (root.role, root.is_active) == ("admin", True)
    assert verify_password(root.password_hash, PASSWORD)


def test_two_different_answers_are_asked_again(cli_db: Engine) -> None:
    result = _create(typed=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output


def test_a_script_gives_the_password_on_standard_input(cli_db: Engine) -> None:
    result = _create("--password-stdin", typed=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    root = _root(cli_db)
    assert root is not None and verify_password(root.password_hash, PASSWORD)


def test_the_password_is_never_an_argument(cli_db: Engine) -> None:
    result = _create("--password", PASSWORD, typed="")
    assert result.exit_code == 2
    assert "No such option" in result.output
    assert _root(cli_db) is None


def test_a_short_password_is_refused_and_creates_nobody(cli_db: Engine) -> None:
    result = _create("--password-stdin", typed="short\n")
    assert result.exit_code == 2
    assert "use at least 10 characters" in result.output
    assert _root(cli_db) is None
