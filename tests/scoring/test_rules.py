"""Bad rules are refused with a message naming the rule and the part that is wrong."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from huddle.core.errors import ValidationFailed
from tests.scoring.factories import make_model


def _errors(db: Session, rules: list[Any]) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        make_model(db, rules)
    return {e.field: e.message for e in caught.value.errors}


def test_an_unknown_field_is_named(db: Session) -> None:
    rule = {
        "name": "x",
        "kind": "fit",
        "points": 5,
        "when": {"field": "contact.shoe_size", "op": "eq", "value": "9"},
    }
    errors = _errors(db, [rule])
    assert "shoe_size" in errors["rules.0.when.field"]


def test_an_operator_that_does_not_fit_the_field_is_named(db: Session) -> None:
    good = {
        "name": "ok",
        "kind": "fit",
        "points": 5,
        "when": {"field": "account.is_target", "op": "is_true"},
    }
    bad = {
        "name": "x",
        "kind": "fit",
        "points": 5,
        "when": {"all": [{"field": "account.employee_count", "op": "contains", "value": "5"}]},
    }
    errors = _errors(db, [good, bad])
    assert list(errors) == ["rules.1.when.all.0.op"]
    assert "contains" in errors["rules.1.when.all.0.op"]


def test_a_bad_regex_is_named(db: Session) -> None:
    rule = {
        "name": "pricing",
        "kind": "behaviour",
        "points": 5,
        "event": {
            "types": ["page_view"],
            "where": {"field": "properties.url", "op": "matches", "value": "/pricing("},
        },
    }
    errors = _errors(db, [rule])
    assert "regular expression" in errors["rules.0.event.where.value"]


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"name": "x", "kind": "magic", "points": 5}, "rules.0.kind"),
        (
            {
                "name": "x",
                "kind": "negative",
                "points": 5,
                "when": {"field": "contact.do_not_email", "op": "is_true"},
            },
            "rules.0.points",
        ),
        (
            {"name": "x", "kind": "behaviour", "points": 5, "event": {"types": []}},
            "rules.0.event.types",
        ),
        (
            {"name": "x", "kind": "behaviour", "points": 5, "cap": 0, "event": {"types": ["a"]}},
            "rules.0.cap",
        ),
        (
            {
                "name": "x",
                "kind": "behaviour",
                "points": 5,
                "event": {"types": ["a"], "within_days": -1},
            },
            "rules.0.event.within_days",
        ),
        (
            {
                "name": "x",
                "kind": "fit",
                "points": 5,
                "when": {"field": "account.employee_count", "op": "between", "value": [500, 5]},
            },
            "rules.0.when.value",
        ),
        ({"name": "x", "kind": "fit", "points": 5, "when": {"any": []}}, "rules.0.when.any"),
        (
            {
                "name": "x",
                "kind": "fit",
                "points": 5,
                "when": {"field": "contact.country", "op": "in", "value": "DE"},
            },
            "rules.0.when.value",
        ),
    ],
)
def test_each_malformed_part_is_named(db: Session, rule: dict[str, Any], field: str) -> None:
    assert field in _errors(db, [rule])


def test_nothing_is_saved_when_a_rule_is_wrong(db: Session) -> None:
    from huddle.scoring import service

    before = len(service.list_models(db))
    _errors(
        db,
        [
            {
                "name": "x",
                "kind": "fit",
                "points": 5,
                "when": {"field": "nope", "op": "eq", "value": "1"},
            }
        ],
    )
    assert len(service.list_models(db)) == before
