"""The small declarative condition language rules, profiles and criteria are written in.

A condition is JSON, never code::

    {"all": [cond, ...]}  {"any": [cond, ...]}  {"not": cond}
    {"field": "account.employee_count", "op": "between", "value": [50, 500]}
    {"touched": {"types": ["demo_requested"], "within_days": 30}}     (criteria only)

``check`` validates one against the fields a context offers and returns every problem with
its path (``rules.2.when.any.0.op``), so a 422 says which rule, field, operator or regex is
wrong. ``describe`` puts one in words. Compiling a checked condition to SQL is the
repository's part (``huddle.scoring.repository.condition_sql``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any

from huddle.core.comparison import (
    BOOL,
    LIST,
    NO_VALUE,
    NUMBER,
    OPERATORS,
    TEXT,
    check_value,
    is_custom,
)
from huddle.core.errors import FieldError

# Touch properties are free-form JSON: text and number operators both apply.
PROPERTY_OPERATORS = tuple(dict.fromkeys(OPERATORS[TEXT] + OPERATORS[NUMBER]))
SYMBOLS = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}

# Fields of the shared record a fit rule, a profile or criteria may test, with their type.
RECORD_FIELDS: dict[str, str] = {
    "contact.job_title": TEXT,
    "contact.seniority": TEXT,
    "contact.department": TEXT,
    "contact.country": TEXT,
    "contact.city": TEXT,
    "contact.email": TEXT,
    "contact.email_domain": TEXT,
    "contact.email_opt_in": TEXT,
    "contact.do_not_email": BOOL,
    "contact.lifecycle_stage": TEXT,
    "account.name": TEXT,
    "account.domain": TEXT,
    "account.industry": TEXT,
    "account.country": TEXT,
    "account.region": TEXT,
    "account.employee_count": NUMBER,
    "account.annual_revenue": NUMBER,
    "account.technologies": LIST,
    "account.is_target": BOOL,
}
TOUCH_FIELDS: dict[str, str] = {"touch.campaign_id": NUMBER, "touch.asset_id": NUMBER}
PROPERTY_PREFIX = "properties."
PROPERTY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,59}$")
SCORE_PREFIX = "score."
MAX_DEPTH = 6


@dataclass(frozen=True)
class Context:
    """Which fields a condition may name. ``scores``: model id -> name (criteria only);
    ``choices``: a choice field's choices, by field."""

    fields: dict[str, str]
    properties: bool = False
    scores: dict[int, str] | None = None
    grade: bool = False
    touched: bool = False
    choices: Mapping[str, tuple[str, ...]] = dataclass_field(default_factory=dict)

    def with_custom(self, custom: Mapping[str, tuple[str, tuple[str, ...]]]) -> Context:
        """This context plus custom fields (``contact.custom.<key>`` -> (kind, choices)),
        those of the tables it already names (an ICP tests accounts only)."""
        tables = {name.split(".", 1)[0] for name in self.fields}
        mine = {name: spec for name, spec in custom.items() if name.split(".", 1)[0] in tables}
        return replace(
            self,
            fields=self.fields | {name: kind for name, (kind, _) in mine.items()},
            choices={name: choices for name, (_, choices) in mine.items() if choices},
        )


RECORD = Context(RECORD_FIELDS)
TOUCH = Context(TOUCH_FIELDS, properties=True)


def criteria_context(scores: dict[int, str]) -> Context:
    return Context(RECORD_FIELDS, scores=scores, grade=True, touched=True)


# --- validation ------------------------------------------------------------------------------


def check(condition: Any, context: Context, path: str) -> list[FieldError]:
    """Every problem of ``condition`` in ``context``, each naming where it is."""
    return _check(condition, context, path, 0)


def _check(node: Any, context: Context, path: str, depth: int) -> list[FieldError]:
    if depth > MAX_DEPTH:
        return [FieldError(path, f"nested deeper than {MAX_DEPTH} levels")]
    if not isinstance(node, dict):
        return [FieldError(path, "a condition is an object with all, any, not, field or touched")]
    for group in ("all", "any"):
        if group in node:
            return _check_group(node, group, context, path, depth)
    if "not" in node:
        return _check_extra(node, {"not"}, path) + _check(
            node["not"], context, f"{path}.not", depth + 1
        )
    if "touched" in node:
        return _check_touched(node, context, path)
    if "field" in node:
        return _check_comparison(node, context, path)
    return [FieldError(path, "a condition needs one of all, any, not, field or touched")]


def _check_extra(node: dict[str, Any], allowed: set[str], path: str) -> list[FieldError]:
    return [FieldError(f"{path}.{key}", "unknown key") for key in node if key not in allowed]


def _check_group(
    node: dict[str, Any], group: str, context: Context, path: str, depth: int
) -> list[FieldError]:
    items = node[group]
    errors = _check_extra(node, {group}, path)
    if not isinstance(items, list) or not items:
        return [*errors, FieldError(f"{path}.{group}", "give a non-empty list of conditions")]
    for i, item in enumerate(items):
        errors += _check(item, context, f"{path}.{group}.{i}", depth + 1)
    return errors


def field_type(field: Any, context: Context) -> str | None:
    if not isinstance(field, str):
        return None
    if field in context.fields:
        return context.fields[field]
    if context.properties and field.startswith(PROPERTY_PREFIX):
        return "property" if PROPERTY_NAME.match(field[len(PROPERTY_PREFIX) :]) else None
    if context.grade and field == "grade":
        return TEXT
    if context.scores is not None and field.startswith(SCORE_PREFIX):
        model = field[len(SCORE_PREFIX) :]
        return NUMBER if model.isdigit() and int(model) in context.scores else None
    return None


def _known_fields(context: Context) -> str:
    names = [name for name in context.fields if not is_custom(name)]
    tables = {name.split(".", 1)[0] for name in context.fields} & {"contact", "account"}
    names += [f"{table}.custom.<key>" for table in sorted(tables)]
    if context.properties:
        names.append("properties.<name>")
    if context.grade:
        names.append("grade")
    if context.scores is not None:
        names.append("score.<model id>")
    return ", ".join(names)


def _check_comparison(node: dict[str, Any], context: Context, path: str) -> list[FieldError]:
    errors = _check_extra(node, {"field", "op", "value"}, path)
    kind = field_type(node["field"], context)
    if kind is None:
        return [
            *errors,
            FieldError(
                f"{path}.field",
                f"unknown field {node['field']!r}; one of {_known_fields(context)}",
            ),
        ]
    op = node.get("op")
    operators = PROPERTY_OPERATORS if kind == "property" else OPERATORS[kind]
    if op not in operators:
        return [
            *errors,
            FieldError(
                f"{path}.op",
                f"unknown operator {op!r} for {node['field']}; one of {', '.join(operators)}",
            ),
        ]
    choices = tuple(context.choices.get(node["field"], ()))
    return errors + check_value(op, node.get("value"), kind, f"{path}.value", choices=choices)


def _check_touched(node: dict[str, Any], context: Context, path: str) -> list[FieldError]:
    if not context.touched:
        return [FieldError(f"{path}.touched", "touched is only allowed in qualification criteria")]
    spec = node["touched"]
    errors = _check_extra(node, {"touched"}, path)
    if not isinstance(spec, dict):
        return [*errors, FieldError(f"{path}.touched", "give {types, where?, within_days?}")]
    errors += _check_extra(spec, {"types", "where", "within_days"}, f"{path}.touched")
    return errors + check_event(spec, f"{path}.touched")


def check_event(spec: dict[str, Any], path: str) -> list[FieldError]:
    """An event filter: touch types, optional property conditions, optional window."""
    errors: list[FieldError] = []
    types = spec.get("types")
    if not isinstance(types, list) or not types or not all(isinstance(t, str) and t for t in types):
        errors.append(FieldError(f"{path}.types", "give a non-empty list of touch types"))
    if spec.get("where") is not None:
        errors += check(spec["where"], TOUCH, f"{path}.where")
    window = spec.get("within_days")
    if window is not None and not (
        isinstance(window, int) and not isinstance(window, bool) and window > 0
    ):
        errors.append(FieldError(f"{path}.within_days", "a whole number of days above 0"))
    return errors


def is_group(node: dict[str, Any]) -> bool:
    return "all" in node or "any" in node or "not" in node


# --- words -----------------------------------------------------------------------------------


def describe(node: Any, scores: dict[int, str] | None = None) -> str:
    """A condition in words, for reasons recorded on a stage change and for the UI."""
    if "all" in node:
        return " and ".join(_group_part(item, scores) for item in node["all"])
    if "any" in node:
        return " or ".join(_group_part(item, scores) for item in node["any"])
    if "not" in node:
        return f"not ({describe(node['not'], scores)})"
    if "touched" in node:
        spec = node["touched"]
        window = f" in the last {spec['within_days']} days" if spec.get("within_days") else ""
        return f"touched {' or '.join(spec['types'])}{window}"
    field = node["field"]
    if field.startswith(SCORE_PREFIX) and scores:
        field = scores.get(int(field[len(SCORE_PREFIX) :]), field)
    op, value = node["op"], node.get("value")
    if op in NO_VALUE:
        return f"{field} {op.replace('_', ' ')}"
    if isinstance(value, list):
        shown = f"{value[0]} to {value[1]}" if op == "between" else ", ".join(map(str, value))
    else:
        shown = str(value)
    return f"{field} {SYMBOLS.get(op, op.replace('_', ' '))} {shown}"


def _group_part(node: Any, scores: dict[int, str] | None) -> str:
    text = describe(node, scores)
    return (
        f"({text})"
        if ("all" in node or "any" in node) and len(node.get("all", node.get("any", []))) > 1
        else text
    )
