"""Bulk inserts write moments exactly as the ORM does (the text SQLite orders by)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy.dialects import sqlite

from huddle.core.bulk import _bind_converter
from huddle.core.models import UTCDateTime


def test_the_bulk_conversion_of_a_moment_is_the_types_own_on_sqlite() -> None:
    dialect = sqlite.dialect()
    kind = UTCDateTime()
    own = kind.dialect_impl(dialect).bind_processor(dialect)
    fast = _bind_converter(kind, dialect)
    assert own is not None and fast is not None and fast is not own
    moments = [
        datetime(2024, 3, 14, 9, 30, tzinfo=UTC),
        datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2024, 3, 31, 1, 30, 0, 5, tzinfo=timezone(timedelta(hours=2))),
        datetime(2024, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
        datetime(999, 12, 31, 12, 0, tzinfo=UTC),
    ]
    assert [fast(m) for m in moments] == [own(m) for m in moments]
