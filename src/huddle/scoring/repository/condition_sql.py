"""Conditions (``huddle.scoring.conditions``, checked) compiled to SQL over contacts' and
accounts' tables (and touches' for touch conditions): bound parameters only, so the same
definition runs set-at-a-time over any number of contacts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    and_,
    bindparam,
    exists,
    false,
    func,
    not_,
    or_,
    select,
    true,
)

from huddle.contacts.models import Account, Contact, Touch
from huddle.core.comparison import compare, compare_custom, is_custom, is_number, one_of
from huddle.core.models import UTCDateTime
from huddle.scoring.conditions import (
    NUMBER,
    PROPERTY_PREFIX,
    RECORD_FIELDS,
    SCORE_PREFIX,
    TEXT,
    is_group,
)

__all__ = ["Compiler", "TouchCompiler", "combine", "one_of"]

ScoreColumn = Callable[[int], ColumnElement[Any]]


@dataclass
class Compiler:
    """Compiles checked conditions to SQL over ``contacts``/``accounts`` (and ``touches``
    for touch conditions). ``as_of`` is "now" for windows (a back-test moves it).

    Every moment derived from ``as_of`` is a *named* bound parameter (``moment``), so a
    statement built once can run again at another time with ``params(as_of)``: building
    a statement of many rules costs more than running it for one contact.
    """

    dialect: str
    as_of: datetime
    score: ScoreColumn | None = None
    grade: Any = None
    offsets: dict[str, int] = field(default_factory=dict)

    def moment(self, days_before: int = 0) -> BindParameter[datetime]:
        name = f"as_of_minus_{days_before}"
        self.offsets[name] = days_before
        value = self.as_of - timedelta(days=days_before)
        return bindparam(name, value, type_=UTCDateTime())

    def as_of_text(self) -> BindParameter[str]:
        """``as_of`` as SQLite keeps times (naive UTC text), for ``julianday``."""
        return bindparam("as_of_text", _naive_text(self.as_of))

    def params(self, as_of: datetime) -> dict[str, Any]:
        """The bound values of a statement this compiler built, for another ``as_of``."""
        values: dict[str, Any] = {
            name: as_of - timedelta(days=days) for name, days in self.offsets.items()
        }
        return values | {"as_of_text": _naive_text(as_of)}

    def condition(self, node: dict[str, Any]) -> ColumnElement[bool]:
        return combine(node, self.condition) if is_group(node) else self._leaf(node)

    def _leaf(self, node: dict[str, Any]) -> ColumnElement[bool]:
        if "touched" in node:
            return self._touched(node["touched"])
        if is_custom(node["field"]):
            table, key = node["field"].split(".custom.", 1)
            custom = Contact.custom if table == "contact" else Account.custom
            return compare_custom(custom, key, node["op"], node.get("value"))
        column, kind = self._column(node["field"])
        return compare(column, kind, node["op"], node.get("value"))

    def event(self, spec: dict[str, Any], touch: Any = Touch) -> ColumnElement[bool]:
        """Touch ``type in types``, the property filters, and the window, over ``touch``."""
        clauses: list[ColumnElement[bool]] = [one_of(touch.type, spec["types"])]
        if spec.get("where") is not None:
            clauses.append(TouchCompiler(touch).condition(spec["where"]))
        if spec.get("within_days"):
            clauses.append(touch.occurred_at >= self.moment(spec["within_days"]))
        return and_(*clauses)

    def _touched(self, spec: dict[str, Any]) -> ColumnElement[bool]:
        other = Touch.__table__.alias("touched")
        return exists(
            select(1).where(
                other.c.contact_id == Contact.id,
                other.c.occurred_at <= self.moment(),
                self.event(spec, other.c),
            )
        )

    def _column(self, field: str) -> tuple[ColumnElement[Any], str]:
        if field == "grade":
            assert self.grade is not None
            return self.grade, TEXT
        if field.startswith(SCORE_PREFIX):
            assert self.score is not None
            return self.score(int(field[len(SCORE_PREFIX) :])), NUMBER
        if field == "contact.email_domain":
            if self.dialect == "postgresql":
                return func.split_part(Contact.email, "@", 2), TEXT
            return func.substr(Contact.email, func.instr(Contact.email, "@") + 1), TEXT
        table, name = field.split(".", 1)
        model = Contact if table == "contact" else Account
        return getattr(model, name), RECORD_FIELDS[field]


def combine(
    node: dict[str, Any], compile_: Callable[[dict[str, Any]], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """all / any / not over the compiled parts (``true``/``false`` keep SQL valid)."""
    if "all" in node:
        return and_(true(), *(compile_(item) for item in node["all"]))
    if "any" in node:
        return or_(false(), *(compile_(item) for item in node["any"]))
    return not_(compile_(node["not"]))


def _naive_text(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


class TouchCompiler:
    """Property filters over one touch row (``Touch`` or an alias's columns)."""

    def __init__(self, touch: Any) -> None:
        self.touch = touch

    def condition(self, node: dict[str, Any]) -> ColumnElement[bool]:
        return combine(node, self.condition) if is_group(node) else self._leaf(node)

    def _leaf(self, node: dict[str, Any]) -> ColumnElement[bool]:
        field, op = node["field"], node["op"]
        value: Any = node.get("value")
        if field.startswith(PROPERTY_PREFIX):
            prop = self.touch.properties[field[len(PROPERTY_PREFIX) :]]
            numeric = op in ("gt", "gte", "lt", "lte", "between") or (
                op in ("eq", "ne", "in") and is_number(value if op != "in" else value[0])
            )
            column = prop.as_float() if numeric else prop.as_string()
            return compare(column, NUMBER if numeric else TEXT, op, value)
        return compare(getattr(self.touch, field.split(".", 1)[1]), NUMBER, op, value)
