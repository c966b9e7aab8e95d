"""One comparison of a field with a value: the operators each kind of field allows, the
values they take, and the SQL they compile to.

Shared by the condition language of rules, profiles and criteria (scoring) and by the
contact list's filters (contacts), so "contains" or "before" mean the same thing in a fit
rule, an MQL criterion, a routing rule and a filtered list. Custom fields (JSON values in a
record's ``custom`` column) compile to ``json_extract`` on SQLite and ``->>`` on PostgreSQL,
cast by their defined type.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, cast, func, not_, or_
from sqlalchemy import String as SqlString
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement as Col

from huddle.core.errors import FieldError

TEXT, NUMBER, BOOL, LIST, DATE, CHOICE = "text", "number", "bool", "list", "date", "choice"
OPERATORS: dict[str, tuple[str, ...]] = {
    TEXT: (
        "eq",
        "ne",
        "in",
        "not_in",
        "contains",
        "contains_any",
        "starts_with",
        "ends_with",
        "matches",
        "is_set",
        "is_empty",
    ),
    NUMBER: ("eq", "ne", "gt", "gte", "lt", "lte", "between", "in", "is_set", "is_empty"),
    BOOL: ("is_true", "is_false"),
    LIST: ("includes", "includes_any", "is_empty"),
    DATE: ("eq", "ne", "before", "after", "is_set", "is_empty"),
    CHOICE: ("eq", "ne", "in", "not_in", "is_set", "is_empty"),
}
NO_VALUE = ("is_set", "is_empty", "is_true", "is_false")
LIST_OPERATORS = ("in", "not_in", "contains_any", "includes_any")
NUMBER_OPERATORS = ("gt", "gte", "lt", "lte", "between")
DATE_OPERATORS = ("before", "after")

# A custom field's defined type (``custom_field_definitions.field_type``) -> its kind here.
CUSTOM_KINDS = {"text": TEXT, "number": NUMBER, "boolean": BOOL, "date": DATE, "choice": CHOICE}
CUSTOM_MARK = ".custom."


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_custom(field: str) -> bool:
    """``contact.custom.<key>`` or ``account.custom.<key>``."""
    return CUSTOM_MARK in field


# --- values ----------------------------------------------------------------------------------


def check_value(
    op: str, value: Any, kind: str, path: str, *, choices: tuple[str, ...] = ()
) -> list[FieldError]:
    """The problem with ``value`` for ``op`` on a field of ``kind``, if any: a number where a
    number is compared, a date as YYYY-MM-DD, one of the choices of a choice field."""
    if op in NO_VALUE:
        return [] if value is None else [FieldError(path, f"{op} takes no value")]
    if op == "between":
        ok = isinstance(value, list) and len(value) == 2 and all(is_number(v) for v in value)
        if ok and value[0] > value[1]:
            return [FieldError(path, "between needs [low, high] with low ≤ high")]
        return [] if ok else [FieldError(path, "between needs two numbers: [low, high]")]
    numeric = kind == NUMBER or (kind == "property" and op in NUMBER_OPERATORS)
    if op in LIST_OPERATORS:
        wanted = f"{op} needs a non-empty list of {'numbers' if numeric else 'texts'}"
        if not isinstance(value, list) or not value:
            return [FieldError(path, wanted)]
        for item in value:
            problem = _check_scalar(item, kind, numeric, choices)
            if problem is not None:
                return [FieldError(path, wanted if problem == "type" else problem)]
        return []
    problem = _check_scalar(value, kind, numeric, choices)
    if problem == "type":
        return [FieldError(path, f"{op} needs {'a number' if numeric else _wanted(kind)}")]
    if problem is not None:
        return [FieldError(path, problem)]
    if op == "matches":
        try:
            re.compile(value)
        except re.error as exc:
            return [FieldError(path, f"invalid regular expression {value!r}: {exc}")]
    return []


def _wanted(kind: str) -> str:
    return {DATE: "a date (YYYY-MM-DD)", CHOICE: "one of the choices"}.get(kind, "a non-empty text")


def _check_scalar(value: Any, kind: str, numeric: bool, choices: tuple[str, ...]) -> str | None:
    """None when fine, "type" for a value of the wrong type, else what is wrong with it."""
    if numeric:
        return None if is_number(value) else "type"
    if not isinstance(value, str) or value == "":
        return "type"
    if kind == DATE:
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date (YYYY-MM-DD)"
    if kind == CHOICE and value not in choices:
        return f"{value!r} is not one of {', '.join(choices)}"
    return None


# --- SQL -------------------------------------------------------------------------------------


def custom_kind(op: str, value: Any) -> str:
    """How a checked comparison of a custom field compares, told by its operator and value
    (checked against the field's type already): numbers as numbers, true/false as booleans,
    dates by before/after, anything else (text, a choice, a date's equality) as text."""
    if op in ("is_true", "is_false"):
        return BOOL
    if op in DATE_OPERATORS:
        return DATE
    first = value[0] if isinstance(value, list) and value else value
    return NUMBER if op in NUMBER_OPERATORS or is_number(first) else TEXT


def compare_custom(custom: Any, key: str, op: str, value: Any) -> ColumnElement[bool]:
    """A comparison of the custom field ``key`` of a ``custom`` JSON column."""
    kind = custom_kind(op, value)
    extracted = custom[key]
    if kind == NUMBER:
        column = extracted.as_float()
    elif kind == BOOL:
        column = extracted.as_boolean()
    else:
        column = extracted.as_string()
    return compare(column, kind, op, value)


def one_of(column: Col[Any] | QueryableAttribute[Any], values: list[Any]) -> ColumnElement[bool]:
    """``column IN (?, ?, ...)``, one plain bound parameter per value. ``in_(values)`` would
    bind the list as one expanding parameter, which SQLAlchemy re-renders into the SQL text
    on every execution: a cached scoring statement has one per rule, and re-rendering them
    cost more than running the statement for one contact."""
    if not values:
        return column.in_(values)
    return column.in_([bindparam(None, v, type_=column.type, unique=True) for v in values])


def compare(column: Col[Any], kind: str, op: str, value: Any) -> ColumnElement[bool]:
    """``column <op> value`` for a checked comparison on a field of ``kind``."""
    if op == "is_set":
        return column.is_not(None) if kind != TEXT else and_(column.is_not(None), column != "")
    if op == "is_empty":
        if kind == LIST:
            return or_(column.is_(None), one_of(cast(column, SqlString), ["[]", "null"]))
        return column.is_(None) if kind != TEXT else or_(column.is_(None), column == "")
    if op in ("is_true", "is_false"):
        return column.is_(op == "is_true")
    if kind == LIST:
        # JSON text of a list of names: '"name"' inside it, case-insensitively.
        text = func.lower(cast(column, SqlString))
        names = [value] if op == "includes" else value
        return or_(*(text.contains(f'"{n.lower()}"', autoescape=True) for n in names))
    if kind == NUMBER:
        return _compare_number(column, op, value)
    if kind == DATE:
        # Dates are kept as YYYY-MM-DD, which sorts as it reads.
        return column < value if op == "before" else column > value
    return _compare_text(column, op, value)


def _compare_number(column: Col[Any], op: str, value: Any) -> ColumnElement[bool]:
    if op == "between":
        return column.between(value[0], value[1])
    if op == "in":
        return one_of(column, value)
    return {
        "eq": column == value,
        "ne": column != value,
        "gt": column > value,
        "gte": column >= value,
        "lt": column < value,
        "lte": column <= value,
    }[op]


def _compare_text(column: Col[Any], op: str, value: Any) -> ColumnElement[bool]:
    # Case-insensitive throughout: "VP" and "vp" are the same title to a marketer.
    lower = func.lower(column)
    if op == "matches":
        # An embedded option both Python's re (SQLite) and PostgreSQL's AREs understand.
        return column.regexp_match(f"(?i){value}")
    if op in ("in", "not_in"):
        test = one_of(lower, [v.lower() for v in value])
        return test if op == "in" else or_(column.is_(None), not_(test))
    if op == "contains_any":
        return or_(*(column.icontains(v, autoescape=True) for v in value))
    return {
        "eq": lower == value.lower(),
        "ne": or_(column.is_(None), lower != value.lower()),
        "contains": column.icontains(value, autoescape=True),
        "starts_with": column.istartswith(value, autoescape=True),
        "ends_with": column.iendswith(value, autoescape=True),
    }[op]
