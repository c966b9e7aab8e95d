"""Bulk inserts (``executemany_converted``) store what the ORM would, row for row, in order,
whether a column varies or holds one value in every row (bound once on SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from huddle.core.bulk import _all_the_same, executemany_converted
from huddle.lifecycle.models import StageTransition
from tests.contacts.factories import make_contact

_COLUMNS = ("contact_id", "from_stage", "to_stage", "at", "reason", "by_rule", "source")
_TABLE = cast(Table, StageTransition.__table__)


def _stored(db: Session) -> list[tuple[Any, ...]]:
    query = select(*(_TABLE.c[name] for name in _COLUMNS)).order_by(_TABLE.c.id)
    return [tuple(row) for row in db.execute(query)]


def test_rows_go_in_as_given_and_in_order_with_shared_and_varying_columns(db: Session) -> None:
    contacts = [make_contact(db).id for _ in range(3)]
    start = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    # More rows than one block holds, and a remainder: both kinds of statement.
    rows = [
        (
            contacts[n % 3],
            None if n % 2 else "lead",
            "marketing_qualified_lead" if n % 2 else "customer",
            start + timedelta(minutes=n, microseconds=n % 7),
            None,
            "the bench",
            "hubspot.csv",
        )
        for n in range(2_003)
    ]
    executemany_converted(db, _TABLE, _COLUMNS, rows)
    assert _stored(db) == rows


def test_rows_alike_in_every_column_are_each_inserted(db: Session) -> None:
    contact = make_contact(db).id
    at = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    row = (contact, None, "lead", at, "imported", None, "a.csv")
    executemany_converted(db, _TABLE, _COLUMNS, [row] * 3)
    assert _stored(db) == [row] * 3


def test_equal_values_of_different_types_are_not_one_shared_value() -> None:
    assert _all_the_same((None, None, None))
    assert _all_the_same(("a", "a"))
    assert _all_the_same((0, 0))
    assert not _all_the_same((1, True))
    assert not _all_the_same((1, 1.0))
    assert not _all_the_same(("a", "b"))


def test_values_every_row_shares_are_given_once(db: Session) -> None:
    contact = make_contact(db).id
    start = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
    own = [(contact, "lead", start + timedelta(days=n)) for n in range(5)]
    shared = {"from_stage": None, "reason": None, "by_rule": "import #3", "source": "a.csv"}
    executemany_converted(db, _TABLE, ("contact_id", "to_stage", "at"), own, shared=shared)
    assert _stored(db) == [
        (contact, None, "lead", at, None, "import #3", "a.csv") for _, _, at in own
    ]
