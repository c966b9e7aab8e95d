"""Keyset pagination: pages are index range scans on (sort column, id), never OFFSET."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.base import ExecutableOption


@dataclass(frozen=True)
class SortKey:
    """A sort column with the id as tie-breaker; pages are index range scans, never OFFSET."""

    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    id_column: InstrumentedAttribute[int]
    descending: bool
    nullable: bool = False
    # The sort value of a fetched row, when it is not the row's attribute of the column's
    # name (an expression: a custom field's value out of ``custom``).
    value_of: Callable[[Any], Any] | None = None

    def value(self, row: Any) -> Any:
        """The sort value of a fetched row, for the cursor after it."""
        if self.value_of is not None:
            return self.value_of(row)
        name = self.column.key
        assert name is not None, "an expression sorts with value_of"
        return getattr(row, name)

    def order_by(self, *, plain: bool = False) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        """``plain``: order by the column as an expression no index delivers in order, so
        the planner finds the rows through the filters' indexes and sorts them."""
        column = func.coalesce(self.column, self.column) if plain else self.column
        if self.descending:
            return column.desc(), self.id_column.desc()
        return column.asc(), self.id_column.asc()

    def segments(
        self, after: tuple[Any, int] | None, *, nulls_high: bool
    ) -> list[ColumnElement[bool] | None]:
        """The WHERE of each index range that, read in order, continues after ``after``.

        A nullable column is read as two ranges (values, then NULLs, or the reverse) in the
        database's own NULL order, so both ranges use the (column, id) index: one OR over
        both would make PostgreSQL scan from the start of the index on every page.
        """
        if after is None:
            return [None]
        value, last_id = after
        beyond = operator.lt if self.descending else operator.gt
        at_or_beyond = operator.le if self.descending else operator.ge
        null_tail = and_(self.column.is_(None), beyond(self.id_column, last_id))
        if value is None:
            values = [null_tail]
        else:
            values = [
                and_(
                    at_or_beyond(self.column, value),
                    or_(
                        beyond(self.column, value),
                        and_(self.column == value, beyond(self.id_column, last_id)),
                    ),
                )
            ]
        if not self.nullable:
            return list(values)
        # Where NULLs sit in this scan: PostgreSQL sorts them high, SQLite low.
        nulls_after = nulls_high != self.descending
        if value is None:
            return [null_tail] if nulls_after else [null_tail, self.column.is_not(None)]
        return [*values, self.column.is_(None)] if nulls_after else list(values)


def nulls_sort_high(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def keyset_rows(
    session: Session,
    query: Select[Any],
    key: ListKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    entities: bool = True,
    plain_order: bool = False,
) -> list[Any]:
    """Up to ``limit`` ORM entities (or plain rows) of ``query`` after ``after``, in order
    (``plain_order``: see ``SortKey.order_by``)."""
    found: list[Any] = []
    if plain_order and isinstance(key, JoinedKey):
        key, plain_order = key.looked_up(), False
    if plain_order and isinstance(key, RankedKey):
        return _ranked_in_one(session, query, key, after=after, limit=limit, entities=entities)
    for condition in key.segments(after, nulls_high=nulls_sort_high(session)):
        if isinstance(condition, Unjoined):
            page = condition.page(query)
        else:
            page = query if condition is None else query.where(condition)
            if isinstance(key, JoinedKey):
                page = page.join(key.target, key.onclause)
            page = page.order_by(*key.order_by(plain=plain_order))
        result = session.execute(page.limit(limit - len(found)))
        found.extend(result.scalars() if entities else result)
        if len(found) >= limit:
            break
    return found


def merged_keyset_rows(
    session: Session,
    queries: Sequence[Select[Any]],
    key: SortKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    options: Callable[[Any], Sequence[ExecutableOption]] = lambda entity: (),
) -> list[Any]:
    """``keyset_rows`` of the rows any of ``queries`` (of one entity) finds, when each is one
    index range in ``key``'s order and their OR is not (several stages): each query's first
    rows, merged by one UNION ALL sorted again (a few times ``limit`` rows, never all the
    matches). ``options(entity)``: the loader options of the merged rows' entity."""
    entity = queries[0].column_descriptions[0]["entity"]
    found: list[Any] = []
    for condition in key.segments(after, nulls_high=nulls_sort_high(session)):
        want = limit - len(found)
        parts = [
            select(
                (query if condition is None else query.where(condition))
                .order_by(*key.order_by())
                .limit(want)
                .subquery()
            )
            for query in queries
        ]
        merged = aliased(entity, union_all(*parts).subquery())
        column = key.column.key
        assert column is not None, "a column of the entity, not an expression"
        order = SortKey(getattr(merged, column), getattr(merged, key.id_column.key), key.descending)
        page = select(merged).options(*options(merged)).order_by(*order.order_by()).limit(want)
        found.extend(session.scalars(page))
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class RankedKey:
    """A sort in a given order of a column's values (stages in funnel order, owners by name),
    then by id: one index range scan on (column, id) per value, read in that order, so a
    page never sorts the table. ``order`` must hold every value the column has; NULLs, when
    ``nulls``, come last."""

    column: InstrumentedAttribute[Any]
    id_column: InstrumentedAttribute[int]
    descending: bool
    order: tuple[Any, ...]
    nulls: bool = False

    def value(self, row: Any) -> Any:
        return getattr(row, self.column.key)

    def order_by(self, *, plain: bool = False) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        # Inside one segment the column holds one value, so the id alone orders it; the
        # column is named too so the planner reads the (column, id) index, not all ids.
        if self.descending:
            return self.column.desc(), self.id_column.desc()
        return self.column.asc(), self.id_column.asc()

    def ranks(self) -> list[Any]:
        """The values in the order this sort reads them."""
        ranks = [*self.order, None] if self.nulls else list(self.order)
        return ranks[::-1] if self.descending else ranks

    def rank(self) -> ColumnElement[int]:
        """A row's value's place in ``ranks`` (for sorting few rows in one query)."""
        ranks = self.ranks()
        places = {value: n for n, value in enumerate(ranks) if value is not None}
        last = literal(len(ranks))
        by_value = case(places, value=self.column, else_=last) if places else last
        if None not in ranks:
            return by_value
        return case((self.column.is_(None), ranks.index(None)), else_=by_value)

    def _segment(self, value: Any) -> ColumnElement[bool]:
        return self.column.is_(None) if value is None else self.column == value

    def segments(
        self, after: tuple[Any, int] | None, *, nulls_high: bool
    ) -> list[ColumnElement[bool] | None]:
        ranks = self.ranks()
        if after is None:
            return [self._segment(value) for value in ranks]
        value, last_id = after
        if value not in ranks:
            return []  # a cursor from a sort over other values: nothing follows it
        beyond = operator.lt if self.descending else operator.gt
        rest = ranks[ranks.index(value) + 1 :]
        first = and_(self._segment(value), beyond(self.id_column, last_id))
        return [first, *(self._segment(v) for v in rest)]


def _ranked_in_one(
    session: Session,
    query: Select[Any],
    key: RankedKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    entities: bool,
) -> list[Any]:
    """Few rows match: one query finds them through the filters' indexes and sorts them by
    their value's rank. Range by range, a value with none of them (customers without an
    owner) would read its whole range to find so."""
    rank, by_id = key.rank(), (key.id_column.desc() if key.descending else key.id_column.asc())
    page = query.order_by(rank, by_id).limit(limit)
    if after is not None:
        value, last_id = after
        ranks = key.ranks()
        if value not in ranks:
            return []  # a cursor from a sort over other values: nothing follows it
        beyond = operator.lt if key.descending else operator.gt
        at = ranks.index(value)
        page = page.where(or_(rank > at, and_(rank == at, beyond(key.id_column, last_id))))
    result = session.execute(page)
    return list(result.scalars() if entities else result)


@dataclass(frozen=True)
class Unjoined:
    """The rows a ``JoinedKey`` finds no joined row for (``condition``, on the list's own
    table), read by id alone: their sort value is NULL for every one of them."""

    condition: ColumnElement[bool]
    order: ColumnElement[Any]

    def page(self, query: Select[Any]) -> Select[Any]:
        return query.where(self.condition).order_by(self.order)


@dataclass(frozen=True)
class JoinedKey:
    """A sort by a column of another table (the company: the contact's account's name),
    then by id; rows without one (``missing``, a condition on the list's own table) come
    together where the database sorts NULLs. Read as two ranges: the joined rows through an
    inner join, so the planner walks the other table's index in order and each of its rows'
    list rows (accounts by name, then their contacts by account); then the rest by id,
    without the join. One outer join over both would be read whole and sorted."""

    column: InstrumentedAttribute[Any]
    id_column: InstrumentedAttribute[int]
    descending: bool
    target: Any
    onclause: ColumnElement[bool]
    missing: ColumnElement[bool]
    # The column's value for a list row, as a correlated subquery.
    lookup: ColumnElement[Any]
    value_of: Callable[[Any], Any]

    def value(self, row: Any) -> Any:
        return self.value_of(row)

    def looked_up(self) -> SortKey:
        """The same order with each row's value looked up rather than joined: for few rows,
        found through the list's filters and sorted (a join would read the other table
        whole, to hash it)."""
        return SortKey(
            self.lookup, self.id_column, self.descending, nullable=True, value_of=self.value_of
        )

    def order_by(self, *, plain: bool = False) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        return SortKey(self.column, self.id_column, self.descending).order_by(plain=plain)

    def segments(
        self, after: tuple[Any, int] | None, *, nulls_high: bool
    ) -> list[ColumnElement[bool] | Unjoined | None]:
        beyond = operator.lt if self.descending else operator.gt
        at_or_beyond = operator.le if self.descending else operator.ge
        nulls_after = nulls_high != self.descending
        by_id = self.id_column.desc() if self.descending else self.id_column.asc()
        if after is None:
            joined: list[ColumnElement[bool] | Unjoined | None] = [None]
            missing = [Unjoined(self.missing, by_id)]
            return [*joined, *missing] if nulls_after else [*missing, *joined]
        value, last_id = after
        if value is None:
            tail = Unjoined(and_(self.missing, beyond(self.id_column, last_id)), by_id)
            return [tail] if nulls_after else [tail, None]
        rest = and_(
            at_or_beyond(self.column, value),
            or_(
                beyond(self.column, value),
                and_(self.column == value, beyond(self.id_column, last_id)),
            ),
        )
        return [rest, Unjoined(self.missing, by_id)] if nulls_after else [rest]


# Every way a list is keyset-paged.
ListKey = SortKey | RankedKey | JoinedKey
