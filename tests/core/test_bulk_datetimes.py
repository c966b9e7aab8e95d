"""Bulk inserts write moments exactly as the ORM does (the text SQLite orders by)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from sqlalchemy.dialects import sqlite

from huddle.core.bulk import _bind_converter, stored_moment
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


def test_a_moment_that_carries_its_text_is_written_as_any_other() -> None:
    dialect = sqlite.dialect()
    kind = UTCDateTime()
    own = kind.dialect_impl(dialect).bind_processor(dialect)
    fast = _bind_converter(kind, dialect)
    assert own is not None and fast is not None
    carried = stored_moment(date(2024, 2, 29), time(23, 59, 59, 5))
    assert carried == datetime(2024, 2, 29, 23, 59, 59, 5, tzinfo=UTC)
    assert fast(carried) == own(carried) == "2024-02-29 23:59:59.000005"
    # One derived from it carries no text of its own: its own is worked out.
    later = carried + timedelta(seconds=1)
    assert fast(later) == own(later) == "2024-03-01 00:00:00.000005"
    moved = carried.replace(year=2023, day=28)
    assert fast(moved) == own(moved) == "2023-02-28 23:59:59.000005"
