"""Plain parameterised SQL for the hottest set-at-a-time statements, on both databases.

At thousands of rows a statement, SQLAlchemy's per-row, per-column bind processing costs
more than the database's own work. These statements are fixed SQL text whose values are
all bound parameters, converted here once, the way the column types would store them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy.orm import Session

# Naive-UTC text of times converted lately: a batch's rows meet each occurred_at in the
# INSERT and again in the first/last-touch UPDATE, and share created_at. (Formatting a
# datetime costs about 20 times a dict lookup.) Bounded: cleared when full.
_AT_TEXT: dict[datetime, str] = {}
_AT_TEXT_SIZE = 50_000


class Driver:
    """The few differences between SQLite and PostgreSQL the raw statements meet. Column
    and table names in the SQL are the caller's constants, never input."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"

    def at(self, value: datetime | None) -> Any:
        # What UTCDateTime stores: naive UTC text on SQLite (text order is time order).
        if value is None or not self.sqlite:
            return value
        text = _AT_TEXT.get(value)
        if text is None:
            if len(_AT_TEXT) >= _AT_TEXT_SIZE:
                _AT_TEXT.clear()
            utc = value if value.tzinfo is UTC else value.astimezone(UTC)
            # "2026-03-02 09:00:00.000000+00:00" without its zone: what the column stores.
            text = _AT_TEXT[value] = utc.isoformat(" ", "microseconds")[:26]
        return text

    def read_at(self, value: Any) -> datetime | None:
        if value is None or isinstance(value, datetime):
            return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)
        try:
            # Appending the zone is several times cheaper than .replace(tzinfo=UTC).
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text with a zone of its own
            return datetime.fromisoformat(value).replace(tzinfo=UTC)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, Any]:
        """``column`` in a list passed as ONE parameter (no statement per list length)."""
        if self.sqlite:
            listed = orjson.dumps(list(values)).decode()
            return f"{column} IN (SELECT value FROM json_each(?))", listed  # noqa: S608
        return f"{column} = ANY(%s)", list(values)

    def rows(self, sql: str, params: Any) -> list[Any]:
        """The rows as the driver returns them (tuples): no result processing, no types
        applied, so callers convert what they read (``read_at``)."""
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()
