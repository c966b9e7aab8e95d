"""Alembic, driven from code: ``huddle migrate`` and the start-up schema check."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session

from huddle.core.deferred_indexes import DeferredIndex, rebuild

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# What the migrations make that no model describes: the full-text indexes of the contact
# search, on SQLite FTS5 tables (and their shadow tables) kept in step by triggers (and
# the table whose row sets the insert trigger aside while an import indexes a chunk), on
# PostgreSQL GIN indexes over expressions.
UNMODELLED = {
    "table": re.compile(r"(contact|account)_search(_(data|idx|docsize|config|content|deferred))?"),
    "index": re.compile(r"ix_(contacts|accounts)_\w+_words"),
}


def modelled(name: str | None, type_: str, _parents: Any = None) -> bool:
    """Alembic's ``include_name``: leave what no model describes out of comparisons."""
    pattern = UNMODELLED.get(type_)
    return not (pattern and name and pattern.fullmatch(name))


class SchemaBehind(RuntimeError):
    pass


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would choke on "%" in passwords.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``; first build again any index a stopped bulk load left
    deferred, so that the migrations find the schema they were written for."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if inspect(connection).has_table(DeferredIndex.__tablename__):
            with Session(bind=connection) as session:
                rebuild(session)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revision() -> str | None:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def is_known_revision(revision: str) -> bool:
    """Whether this code's migrations have ``revision`` (a newer Huddle's are unknown)."""
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    return any(script.revision == revision for script in scripts.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def ensure_schema_current(engine: Engine) -> None:
    """Refuse to run on a database whose schema is behind the code."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaBehind(
            f"The database schema is at {current or 'nothing (empty database)'} but this "
            f"version of Huddle needs {head}. Run `huddle migrate` first."
        )
