"""Score rules as data: what a rule may say, checked before it is saved.

A rule is one of::

    {"name": "VP or Head", "kind": "fit", "points": 10, "when": <record condition>}
    {"name": "Pricing page", "kind": "behaviour", "points": 5, "cap": 25,
     "event": {"types": ["page_view"], "where": {"field": "properties.url",
               "op": "matches", "value": "/pricing"}, "within_days": 30}}
    {"name": "Unsubscribed", "kind": "negative", "points": -50, "when": <record condition>}
    {"name": "Bounced", "kind": "negative", "points": -20, "cap": 20,
     "event": {"types": ["email_bounced"]}}

Fit and negative-attribute rules count once; touch rules count per occurrence, up to
``cap`` points (in absolute value). Behaviour points decay with the model's half-life;
fit and negative points do not (they describe who someone is, not what they did lately).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from huddle.core.errors import FieldError
from huddle.scoring import conditions

RULE_KINDS = ("fit", "behaviour", "negative")
MAX_RULES = 100
MAX_POINTS = 10_000
ROLLUP_METHODS = ("sum", "max", "top_n")


@dataclass(frozen=True)
class Rule:
    index: int
    name: str
    kind: str
    points: int
    when: dict[str, Any] | None = None
    event: dict[str, Any] | None = None
    cap: int | None = None
    source: dict[str, Any] | None = None

    @property
    def on_touches(self) -> bool:
        return self.event is not None

    @property
    def decays(self) -> bool:
        return self.kind == "behaviour"


def check_rules(
    rules: Any, path: str = "rules", *, context: conditions.Context = conditions.RECORD
) -> list[FieldError]:
    """Every problem in a model's rules, each naming the rule and the part that is wrong.
    ``context``: the fields a rule may test (the custom fields defined now among them)."""
    if not isinstance(rules, list):
        return [FieldError(path, "give a list of rules")]
    if len(rules) > MAX_RULES:
        return [FieldError(path, f"at most {MAX_RULES} rules per model")]
    errors: list[FieldError] = []
    for i, rule in enumerate(rules):
        errors += _check_rule(rule, f"{path}.{i}", context)
    return errors


def _check_rule(rule: Any, path: str, context: conditions.Context) -> list[FieldError]:
    if not isinstance(rule, dict):
        return [FieldError(path, "a rule is an object with name, kind, points")]
    allowed = {"name", "kind", "points", "when", "event", "cap"}
    errors = [FieldError(f"{path}.{key}", "unknown key") for key in rule if key not in allowed]
    name = rule.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 120:
        errors.append(FieldError(f"{path}.name", "a name of 1 to 120 characters"))
    kind = rule.get("kind")
    if kind not in RULE_KINDS:
        return [
            *errors,
            FieldError(f"{path}.kind", f"unknown kind {kind!r}; one of {', '.join(RULE_KINDS)}"),
        ]
    errors += _check_points(rule.get("points"), kind, f"{path}.points")
    has_when, has_event = rule.get("when") is not None, rule.get("event") is not None
    if (kind == "fit" and not has_when) or (kind == "behaviour" and not has_event):
        wanted = "when" if kind == "fit" else "event"
        return [*errors, FieldError(f"{path}.{wanted}", f"a {kind} rule needs {wanted}")]
    if has_when == has_event:
        return [*errors, FieldError(path, "give either when (attributes) or event (touches)")]
    if has_when:
        errors += conditions.check(rule["when"], context, f"{path}.when")
        if rule.get("cap") is not None:
            errors.append(FieldError(f"{path}.cap", "a cap applies to touch rules only"))
        return errors
    event = rule["event"]
    if not isinstance(event, dict):
        return [*errors, FieldError(f"{path}.event", "give {types, where?, within_days?}")]
    errors += [
        FieldError(f"{path}.event.{key}", "unknown key")
        for key in event
        if key not in ("types", "where", "within_days")
    ]
    errors += conditions.check_event(event, f"{path}.event")
    cap = rule.get("cap")
    if cap is not None and not (isinstance(cap, int) and not isinstance(cap, bool) and cap > 0):
        errors.append(FieldError(f"{path}.cap", "a whole number of points above 0"))
    return errors


def _check_points(points: Any, kind: str, path: str) -> list[FieldError]:
    if not isinstance(points, int) or isinstance(points, bool) or abs(points) > MAX_POINTS:
        return [FieldError(path, f"a whole number between -{MAX_POINTS} and {MAX_POINTS}")]
    if kind == "negative" and points >= 0:
        return [FieldError(path, "a negative rule takes points below 0")]
    if kind != "negative" and points <= 0:
        return [FieldError(path, f"a {kind} rule takes points above 0 (use a negative rule)")]
    return []


def check_rollup(rollup: Any, path: str = "account_rollup") -> list[FieldError]:
    if rollup in (None, {}):
        return []
    if not isinstance(rollup, dict) or rollup.get("method") not in ROLLUP_METHODS:
        return [FieldError(f"{path}.method", f"one of {', '.join(ROLLUP_METHODS)}")]
    errors = [
        FieldError(f"{path}.{key}", "unknown key")
        for key in rollup
        if key not in ("method", "cap", "n")
    ]
    for key in ("cap", "n"):
        value = rollup.get(key)
        if value is not None and not (
            isinstance(value, int) and not isinstance(value, bool) and value > 0
        ):
            errors.append(FieldError(f"{path}.{key}", "a whole number above 0"))
    if rollup["method"] == "top_n" and rollup.get("n") is None:
        errors.append(FieldError(f"{path}.n", "top_n needs n"))
    return errors


def parse_rules(rules: list[dict[str, Any]]) -> list[Rule]:
    """Checked rules as ``Rule`` values (call ``check_rules`` first)."""
    return [
        Rule(
            index=i,
            name=rule["name"],
            kind=rule["kind"],
            points=rule["points"],
            when=rule.get("when"),
            event=rule.get("event"),
            cap=rule.get("cap"),
            source=rule,
        )
        for i, rule in enumerate(rules)
    ]


def capped(total: float, rule: Rule) -> float:
    """A touch rule's points, held within its cap (on the side of its sign)."""
    if rule.cap is None:
        return total
    return max(total, -rule.cap) if rule.points < 0 else min(total, rule.cap)
