"""What the rule builders offer and say: the fields a condition may test (built-in and
custom, with the operators each type allows and values seen), checks in words, and each
score rule as a plain sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core.comparison import NO_VALUE, OPERATORS
from huddle.core.errors import FieldError
from huddle.scoring import conditions
from huddle.scoring.models import GRADES
from huddle.scoring.repository import suggestions
from huddle.scoring.rules import check_rules
from huddle.scoring.service.definitions import record_context, score_names

# Where a condition is used decides what it may test.
CONDITION_SCOPES = ("record", "criteria", "contact", "account")
OPERATOR_WORDS = {
    "eq": "is",
    "ne": "is not",
    "in": "is one of",
    "not_in": "is none of",
    "contains": "contains",
    "contains_any": "contains any of",
    "starts_with": "starts with",
    "ends_with": "ends with",
    "matches": "matches the pattern",
    "is_set": "is set",
    "is_empty": "is empty",
    "gt": "is above",
    "gte": "is at least",
    "lt": "is below",
    "lte": "is at most",
    "between": "is between",
    "is_true": "is yes",
    "is_false": "is no",
    "includes": "includes",
    "includes_any": "includes any of",
    "before": "is before",
    "after": "is after",
}
# How a rule's sentence says what someone did.
TOUCH_VERBS = {
    "page_view": "visits a page",
    "email_opened": "opens an email",
    "email_clicked": "clicks an email",
    "form_submitted": "submits a form",
    "asset_downloaded": "downloads an asset",
    "webinar_registered": "registers for a webinar",
    "webinar_attended": "attends a webinar",
    "demo_requested": "requests a demo",
    "trial_started": "starts a trial",
    "email_bounced": "bounces an email",
}


@dataclass(frozen=True)
class FieldChoice:
    field: str
    label: str
    kind: str
    operators: tuple[str, ...]
    choices: tuple[str, ...]
    suggestions: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "kind": self.kind,
            "operators": [
                {"op": op, "label": OPERATOR_WORDS.get(op, op), "takes": _takes(op)}
                for op in self.operators
            ],
            "choices": list(self.choices),
            "suggestions": list(self.suggestions),
        }


def _takes(op: str) -> str:
    """What value the operator takes: none, one, a list, or a [low, high] pair."""
    if op in NO_VALUE:
        return "none"
    if op == "between":
        return "range"
    return "list" if op in ("in", "not_in", "contains_any", "includes_any") else "one"


def scope_context(session: Session, scope: str) -> conditions.Context:
    if scope == "criteria":
        return record_context(session, conditions.criteria_context(score_names(session)))
    if scope in ("contact", "account"):
        prefix = f"{scope}."
        own = {k: v for k, v in conditions.RECORD_FIELDS.items() if k.startswith(prefix)}
        return record_context(session, conditions.Context(own))
    return record_context(session)


def _label(field: str, custom_labels: dict[str, str]) -> str:
    table, _, name = field.partition(".")
    name = custom_labels.get(field, name.replace("custom.", "").replace("_", " "))
    return f"{table.capitalize()} · {name[:1].upper()}{name[1:]}"


def condition_fields(session: Session, scope: str) -> list[FieldChoice]:
    """Every field a condition in ``scope`` may test, for the builder's field picker."""
    context = scope_context(session, scope)
    custom_labels = {
        f"{d.entity}.custom.{d.key}": d.label for d in contacts_service.list_custom_fields(session)
    }
    found: list[FieldChoice] = []
    if context.scores:
        for model_id, name in context.scores.items():
            found.append(
                FieldChoice(
                    f"score.{model_id}", f"Score · {name}", "number", OPERATORS["number"], (), ()
                )
            )
    if context.grade:
        found.append(FieldChoice("grade", "Grade", "text", OPERATORS["text"], GRADES, GRADES))
    for field, kind in context.fields.items():
        choices = tuple(context.choices.get(field, ()))
        seen = choices or tuple(suggestions.seen_values(session, field))
        found.append(
            FieldChoice(field, _label(field, custom_labels), kind, OPERATORS[kind], choices, seen)
        )
    return found


def fields_json(session: Session, scope: str) -> str:
    """``condition_fields`` as the JSON a builder's ``data-fields`` attribute carries."""
    return json.dumps([field.as_json() for field in condition_fields(session, scope)])


def check_condition(session: Session, scope: str, condition: Any) -> list[FieldError]:
    return conditions.check(condition, scope_context(session, scope), "condition")


def check_model_rules(session: Session, rules: Any) -> list[FieldError]:
    return check_rules(rules, context=record_context(session))


def describe_rule(rule: dict[str, Any], names: dict[int, str] | None = None) -> str:
    """A score rule in words: "Adds 10 points each time someone visits /pricing, at most
    30, for touches in the last 90 days"."""
    points = rule.get("points", 0)
    verb = "Adds" if points >= 0 else "Takes"
    amount = f"{abs(points)} point{'s' if abs(points) != 1 else ''}"
    head = f"{verb} {amount}" + ("" if points >= 0 else " off")
    event = rule.get("event")
    if isinstance(event, dict):
        sentence = f"{head} each time someone {_did(event)}"
        if rule.get("cap"):
            sentence += f", at most {rule['cap']}"
        if event.get("within_days"):
            sentence += f", for touches in the last {event['within_days']} days"
        return sentence
    when = rule.get("when")
    about = conditions.describe(when, names) if isinstance(when, dict) else "anyone"
    return f"{head} once, to contacts where {about}"


def _did(event: dict[str, Any]) -> str:
    types = [t for t in event.get("types") or [] if isinstance(t, str)]
    where = event.get("where")
    url = where.get("value") if isinstance(where, dict) else None
    if (
        types == ["page_view"]
        and isinstance(where, dict)
        and where.get("field") == "properties.url"
    ):
        return f"visits {url}" if isinstance(url, str) else "visits a page"
    did = " or ".join(TOUCH_VERBS.get(t, f"has a {t.replace('_', ' ')} touch") for t in types)
    if isinstance(where, dict):
        did += f" where {conditions.describe(where)}"
    return did or "does anything"
