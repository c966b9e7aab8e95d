"""A timeline merged from several sources (a contact's touches, notes, merges, stage
changes...), newest first, paged by keyset on (at, kind, id).

Each source reads at most one page of its own rows off its own index, strictly before the
last item shown; merging the sources' pages and keeping the newest ``limit`` is then the
timeline's page. The sources may belong to several domains: this keyset is what they share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session


@dataclass(frozen=True)
class Before:
    """Timeline keyset: items strictly before (at, kind, id) in newest-first order."""

    at: datetime
    kind: str
    id: int

    def condition(
        self,
        kind: str,
        at_column: InstrumentedAttribute[Any],
        id_column: InstrumentedAttribute[int],
    ) -> ColumnElement[bool]:
        # The kind is constant per source, so the three-part comparison folds to two.
        if kind < self.kind:
            return at_column <= self.at
        if kind > self.kind:
            return at_column < self.at
        return and_(at_column <= self.at, or_(at_column < self.at, id_column < self.id))


def newest(
    session: Session,
    query: Select[Any],
    *,
    kind: str,
    at_column: InstrumentedAttribute[Any],
    id_column: InstrumentedAttribute[int],
    before: Before | None,
    limit: int,
) -> list[Any]:
    """One source's page: its ``limit`` newest rows before ``before``."""
    if before is not None:
        query = query.where(before.condition(kind, at_column, id_column))
    query = query.order_by(at_column.desc(), id_column.desc()).limit(limit)
    return list(session.scalars(query))
