"""A workflow's typed condition in scoring's condition language (its checks, its SQL)."""

from __future__ import annotations

from typing import Any

from huddle.workflows.schemas import Condition


def condition_json(condition: Condition) -> dict[str, Any]:
    """A typed condition as the scoring condition language writes it."""
    rules = [
        {
            "field": rule.field,
            "op": rule.op,
            **({} if rule.value is None else {"value": rule.value}),
        }
        for rule in condition.rules
    ]
    return {condition.match: rules}
