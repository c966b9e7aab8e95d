"""The SLA pages and the contact search at a million contacts

**SLA.** The dashboard's compliance reads the period's clocks from one covering index
(started_at, state, term_key, team, owner_id) instead of the rows; stage entries per period
are counted from (to_stage, at, contact_id). Each clock records, when it stops, the
business time it ran (``elapsed_seconds``): the quarterly review's medians read that
instead of working through thousands of calendars per view. Clocks that stopped before
this migration get it here, in the calendars as they are now (as the review counted them).

**Search.** A search word matches the start of a word in a contact's first or last name,
email or company name (``huddle.contacts.search``). At a million contacts
``LIKE '%word%'`` read every row; these indexes answer from the words instead.

SQLite: FTS5 tables over the columns searched (external content: they keep only the index,
the text stays in ``contacts`` and ``accounts``), tokenizer unicode61 with diacritics
removed, so case and accents fold in the index; triggers keep them in step with every
insert, update of those columns and delete, whoever writes. A future migration that
rebuilds ``contacts`` or ``accounts`` on SQLite (batch mode) drops these triggers with the
old table and must create them again (``tests/contacts/test_search.py`` notices).

PostgreSQL: GIN indexes over tsvectors of the same columns in a text search configuration
``huddle_search`` (simple, behind the unaccent dictionary), through IMMUTABLE functions
the queries call by name, so they always match the indexed expression. Needs the unaccent
extension (trusted since PostgreSQL 13: the database owner may create it).

Revision ID: 0018
Revises: 0017
"""

import json
import string
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from huddle.sla.calendar import (
    BusinessCalendar,
    business_time_between,
    owner_calendar,
    stored_calendars,
)

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# FTS table -> (content table, its searched columns)
SQLITE_INDEXES = {
    "contact_search": ("contacts", ("first_name", "last_name", "email")),
    "account_search": ("accounts", ("name",)),
}
TOKENIZER = "unicode61 remove_diacritics 2"
# PostgreSQL's parser reads some punctuated text as one token (an email, a host, a URL, a
# hyphenated word, a number with a point) and drops others (<tags>). With all ASCII
# punctuation turned into spaces first, it splits text into words as SQLite's tokenizer
# does: at everything that is not a letter or a digit.
SEPARATORS = string.punctuation
WORD_TOKENS = (
    "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, "
    "hword_numpart"
)


COVERING = {
    # table: (old index, its columns, new index, its columns)
    "sla_clocks": (
        "ix_sla_clocks_started_at",
        ["started_at"],
        "ix_sla_clocks_started_at_state",
        ["started_at", "state", "term_key", "team", "owner_id"],
    ),
    "stage_transitions": (
        "ix_stage_transitions_to_stage_at",
        ["to_stage", "at"],
        "ix_stage_transitions_to_stage_at_contact_id",
        ["to_stage", "at", "contact_id"],
    ),
}
BATCH = 5000


def upgrade() -> None:
    for table, (old, _, new, columns) in COVERING.items():
        op.create_index(new, table, columns)
        op.drop_index(old, table_name=table)
    op.add_column("sla_clocks", sa.Column("elapsed_seconds", sa.Integer(), nullable=True))
    _record_elapsed_time()
    # Planner statistics for the new indexes (on SQLite sampled, as after an import).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit=1000")
    for table in COVERING:
        op.execute(f"ANALYZE {table}")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgresql_upgrade()


def _record_elapsed_time() -> None:
    """Every stopped clock's business time from start to stop, in its owner's calendar."""
    bind = op.get_bind()
    stored = stored_calendars(
        (scope, zone, _json(hours), _json(holidays))
        for scope, zone, hours, holidays in bind.execute(
            sa.text("SELECT scope, time_zone, hours, holidays FROM sla_calendars")
        )
    )
    users = {
        user_id: (team, _json(hours), zone)
        for user_id, team, hours, zone in bind.execute(
            sa.text("SELECT id, team, working_hours, time_zone FROM users")
        )
    }
    calendars: dict[tuple[int | None, str | None], BusinessCalendar] = {}
    update = sa.text("UPDATE sla_clocks SET elapsed_seconds = :seconds WHERE id = :id")
    for batch in _stopped_clocks():
        values = []
        for clock_id, owner_id, team, started, stopped in batch:
            key = (owner_id, team)
            if key not in calendars:
                user = users.get(owner_id) if owner_id is not None else None
                calendars[key] = owner_calendar(
                    stored,
                    team=user[0] if user else team,
                    rep_hours=user[1] if user else None,
                    rep_time_zone=user[2] if user else None,
                )
            elapsed = business_time_between(_utc(started), _utc(stopped), calendars[key])
            values.append({"id": clock_id, "seconds": round(elapsed.total_seconds())})
        bind.execute(update, values)


def _stopped_clocks() -> Iterator[Sequence[Any]]:
    bind, last = op.get_bind(), 0
    query = sa.text(
        "SELECT id, owner_id, team, started_at, stopped_at FROM sla_clocks"
        " WHERE stopped_at IS NOT NULL AND id > :last ORDER BY id LIMIT :batch"
    )
    while batch := bind.execute(query, {"last": last, "batch": BATCH}).all():
        yield batch
        last = batch[-1][0]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _utc(value: datetime | str) -> datetime:
    # SQLite hands back the naive UTC text it stores; PostgreSQL an aware datetime.
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _sqlite_upgrade() -> None:
    for fts, (table, columns) in SQLITE_INDEXES.items():
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
            f"content_rowid='id', tokenize='{TOKENIZER}')"
        )
        # External content: a delete must hand over the values that were indexed, which
        # the row held until now (old.*).
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "  # noqa: S608 - fixed names
            f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "  # noqa: S608 - fixed names
            f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "  # noqa: S608 - fixed names
            f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {new}); END"
        )
        # The rows already there.
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")  # noqa: S608


def _postgresql_upgrade() -> None:
    bind = op.get_bind()
    # Two migrations at once on one server (a test run beside another) would both try to
    # create the extension; one waits for the other instead of failing.
    bind.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('huddle: create extension'))"))
    bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public"))
    # Wherever it was installed, and wherever this schema is: names are spelt in full, so
    # neither the index nor a query depends on the search_path of the session.
    unaccent = bind.execute(
        sa.text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
            " WHERE e.extname = 'unaccent'"
        )
    ).scalar_one()
    here = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    config = f'"{here}".huddle_search'
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.simple)")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR {WORD_TOKENS} "
        f'WITH "{unaccent}".unaccent, pg_catalog.simple'
    )
    separators, spaces = SEPARATORS.replace("'", "''"), " " * len(SEPARATORS)
    # PL/pgSQL with its true cost (working out a row's words is expensive: COST 1000):
    # inlined as SQL, to_tsvector looks cheap to the planner, which then reads the whole
    # contact list in order checking every row for a word nobody has, rather than asking
    # the index. Parallel restricted: starting workers took longer than the searches they
    # would share.
    words = (
        "LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED COST 1000 AS $words$ BEGIN RETURN {} ;"
        " END $words$"
    )
    op.execute(
        f'CREATE FUNCTION "{here}".huddle_words(value text) RETURNS tsvector '
        + words.format(
            f"to_tsvector('{config}'::regconfig, "
            f"translate(coalesce(value, ''), '{separators}', '{spaces}'))"
        )
    )
    op.execute(
        f'CREATE FUNCTION "{here}".huddle_name_words(first text, last text) RETURNS tsvector '
        + words.format(f"\"{here}\".huddle_words(coalesce(first, '') || ' ' || coalesce(last, ''))")
    )
    op.execute(
        f'CREATE FUNCTION "{here}".huddle_query(words text) RETURNS tsquery '
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT to_tsquery('{config}'::regconfig, words) $$"
    )
    op.execute(
        "CREATE INDEX ix_contacts_name_words ON contacts "
        f'USING gin ("{here}".huddle_name_words(first_name, last_name))'
    )
    op.execute(
        f'CREATE INDEX ix_contacts_email_words ON contacts USING gin ("{here}".huddle_words(email))'
    )
    op.execute(
        f'CREATE INDEX ix_accounts_name_words ON accounts USING gin ("{here}".huddle_words(name))'
    )
    # Statistics of the indexed words, for the planner's estimates from the start.
    op.execute("ANALYZE contacts")
    op.execute("ANALYZE accounts")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts in SQLITE_INDEXES:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {fts}_{event}")
            op.execute(f"DROP TABLE {fts}")
    else:
        for index in (
            "ix_contacts_name_words",
            "ix_contacts_email_words",
            "ix_accounts_name_words",
        ):
            op.execute(f"DROP INDEX {index}")
        for function in (
            "huddle_query(text)",
            "huddle_name_words(text, text)",
            "huddle_words(text)",
        ):
            op.execute(f"DROP FUNCTION {function}")
        op.execute("DROP TEXT SEARCH CONFIGURATION huddle_search")
    with op.batch_alter_table("sla_clocks") as batch_op:
        batch_op.drop_column("elapsed_seconds")
    for table, (old, columns, new, _) in COVERING.items():
        op.create_index(old, table, columns)
        op.drop_index(new, table_name=table)
