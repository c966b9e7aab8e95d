"""What every scoring statement is built from: the contacts it covers (``Scope``), a
model's parsed rules (``ModelSpec``), and the cache of statements already built."""

from __future__ import annotations

import json
import math
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, bindparam, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from huddle.core.rawsql import IdList, Prepared, in_ids
from huddle.scoring.models import ScoreModel
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.rules import Rule, parse_rules

LN2 = math.log(2)
CACHE_SIZE = 256


@dataclass(frozen=True)
class Scope:
    """Which contacts a statement covers: everyone, some ids, or an id range. Its values
    are named bound parameters, so a cached statement runs for another set of contacts."""

    kind: str  # "all", "among", "range"
    values: tuple[Any, ...] = ()

    def __call__(self, column: Any) -> ColumnElement[bool]:
        if self.kind == "among":
            return in_ids(column, bindparam("scope_ids", list(self.values), type_=IdList()))
        if self.kind == "range":
            low, high = self.values
            return column.between(bindparam("scope_low", low), bindparam("scope_high", high))
        return true()

    def covers(self) -> Callable[[int], bool]:
        """Whether a contact id is in scope, as a test built once for many ids."""
        if self.kind == "among":
            return frozenset(self.values).__contains__
        if self.kind == "range":
            low, high = self.values
            return lambda contact_id: low <= contact_id <= high
        return lambda _contact_id: True

    @property
    def params(self) -> dict[str, Any]:
        if self.kind == "among":
            return {"scope_ids": list(self.values)}
        if self.kind == "range":
            return {"scope_low": self.values[0], "scope_high": self.values[1]}
        return {}


everyone = Scope("all")


def among(contact_ids: Sequence[int]) -> Scope:
    return Scope("among", tuple(contact_ids))


def id_range(low: int, high: int) -> Scope:
    return Scope("range", (low, high))


class StatementCache:
    """Built statements by what they were built from (dialect, definition, scope kind),
    with the compiler that built them (it knows the moments to re-bind)."""

    def __init__(self) -> None:
        self._built: dict[tuple[Any, ...], tuple[Any, Compiler]] = {}

    def get(
        self, key: tuple[Any, ...], build: Callable[[], tuple[Any, Compiler]]
    ) -> tuple[Any, Compiler]:
        found = self._built.get(key)
        if found is None:
            if len(self._built) >= CACHE_SIZE:
                self._built.clear()
            found = self._built[key] = build()
        return found

    def prepared(
        self, session: Session, key: tuple[Any, ...], build: Callable[[], tuple[Any, Compiler]]
    ) -> tuple[Prepared, Compiler]:
        """The statement compiled once to its SQL text, run through the driver (the hot
        path: a touch arrived). ``key`` names the dialect, like every key here."""

        def compile_() -> tuple[Any, Compiler]:
            statement, compiler = build()
            return Prepared(statement, session.get_bind().dialect), compiler

        prepared, compiler = self.get(("prepared", *key), compile_)
        return typing.cast(Prepared, prepared), compiler


built_statements = StatementCache()


@dataclass(frozen=True)
class ModelSpec:
    id: int
    name: str
    rules: list[Rule]
    half_life_days: int | None
    # A condition over the record: only contacts matching it get a score from the model.
    segment: dict[str, Any] | None = None

    @classmethod
    def of(cls, model: ScoreModel) -> ModelSpec:
        return cls(
            model.id, model.name, parse_rules(model.rules), model.half_life_days, model.segment
        )

    @cached_property
    def key(self) -> tuple[Any, ...]:
        """What a built statement depends on (ids are reused after a rollback in tests)."""
        return (
            self.id,
            self.half_life_days,
            json.dumps([r.source for r in self.rules], sort_keys=True),
            json.dumps(self.segment, sort_keys=True),
        )

    @property
    def touch_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.on_touches]

    @cached_property
    def touch_types(self) -> frozenset[str]:
        """Every type a touch rule of this model counts."""
        return frozenset(t for rule in self.touch_rules for t in (rule.event or {})["types"])

    def reacts_to(self, touch_types: set[str]) -> bool:
        return not self.touch_types.isdisjoint(touch_types)

    @property
    def record_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if not rule.on_touches]


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def insert_for(session: Session) -> Any:
    """The dialect's ``insert`` (the one with ON CONFLICT)."""
    return (postgresql if dialect_of(session) == "postgresql" else sqlite).insert


def unindexed(column: Any) -> ColumnElement[Any]:
    """``+column``: SQLite's planner then uses no index on it."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)
