"""The machine-checked terms of an SLA version: JSON, validated with errors that name the
field (``terms[2].hours``), turned into frozen ``Term`` objects the clocks and the dashboard
read. Pure: no database.

Kinds (each may have ``scope``: {"segment"|"region"|"grade"|"source": [values]}):

- ``mql_volume``        marketing delivers ``count`` MQLs per ``period`` (week/month/quarter)
- ``mql_acceptance``    at least ``percent`` % of the period's MQLs accepted by sales
- ``first_touch``       first sales touch within ``hours`` business hours of the hand-off
- ``decision``          accept/reject decision within ``hours`` business hours
- ``touch_attempts``    at least ``count`` sales touches within ``days`` business days
- ``follow_up``         after each sales touch the next one within ``days`` business days
- ``customer_response`` reply to an inbound request (``touch_types``) within ``hours``
- ``custom``            ``measure`` "duration": from ``start`` to ``stop`` within ``hours``;
                        ``measure`` "count": ``count`` times ``stop`` per ``period``
- ``play_task``         a play's task (of ``task_owner`` "sales" or "success"; absent: both)
                        done within ``hours`` business hours of its opening
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from huddle.core.errors import FieldError, ValidationFailed

KINDS = (
    "mql_volume",
    "mql_acceptance",
    "first_touch",
    "decision",
    "touch_attempts",
    "follow_up",
    "customer_response",
    "custom",
    "play_task",
)
KIND_LABELS = {
    "mql_volume": "Marketing delivers MQLs",
    "mql_acceptance": "MQL acceptance rate",
    "first_touch": "First sales touch",
    "decision": "Accept/reject decision",
    "touch_attempts": "Touch attempts",
    "follow_up": "Follow-up before stale",
    "customer_response": "Reply to inbound request",
    "custom": "Custom",
    "play_task": "Play tasks done in time",
}
# Kinds measured by a clock per lead; the others are counted per period.
CLOCK_KINDS = frozenset(
    {
        "first_touch",
        "decision",
        "touch_attempts",
        "follow_up",
        "customer_response",
        "custom",
        "play_task",
    }
)
TASK_OWNERS = ("sales", "success")
PERIODS = ("week", "month", "quarter")
SCOPE_FIELDS = ("segment", "region", "grade", "source")
CONDITION_EVENTS = ("handed_off", "accepted", "rejected", "recycled")
DEFAULT_REQUEST_TYPES = ("demo_requested", "quote_requested")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
MAX_HOURS = 24 * 365
MAX_DAYS = 365


@dataclass(frozen=True)
class Condition:
    """A point in a lead's life: a stage entered, a touch type, or a hand-off event."""

    stage: str | None = None
    touch: str | None = None
    event: str | None = None

    def describe(self) -> str:
        if self.stage:
            return f"stage {self.stage}"
        if self.touch:
            return f"touch {self.touch}"
        return f"{self.event}"


@dataclass(frozen=True)
class Term:
    key: str
    kind: str
    label: str
    hours: float | None = None
    days: float | None = None
    count: int | None = None
    percent: float | None = None
    period: str | None = None
    touch_types: tuple[str, ...] = ()
    measure: str | None = None
    start: Condition | None = None
    stop: Condition | None = None
    scope: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    warn_fraction: float = 0.75
    pause_when_out_of_office: bool = False
    escalate: bool = True
    reroute: bool = False
    # A ``play_task`` term: the tasks of plays' steps owned by this team (None: both).
    task_owner: str | None = None

    @property
    def is_clock(self) -> bool:
        return self.kind in CLOCK_KINDS and not (self.kind == "custom" and self.measure == "count")

    def describe(self) -> str:
        """One line a person can read: what the term promises."""
        scope = "; ".join(f"{k} {', '.join(v)}" for k, v in self.scope.items())
        scope = f" ({scope})" if scope else ""
        match self.kind:
            case "mql_volume":
                text = f"Marketing delivers {self.count} MQLs per {self.period}"
            case "mql_acceptance":
                text = f"At least {_num(self.percent)}% of MQLs accepted by sales per {self.period}"
            case "first_touch":
                text = f"First sales touch within {_num(self.hours)} business hours of hand-off"
            case "decision":
                text = f"Accept or reject within {_num(self.hours)} business hours of hand-off"
            case "touch_attempts":
                text = (
                    f"At least {self.count} touch attempts within {_num(self.days)} business days"
                )
            case "follow_up":
                text = f"Follow up within {_num(self.days)} business days of the last touch"
            case "customer_response":
                text = (
                    f"Reply to {' / '.join(self.touch_types)} within "
                    f"{_num(self.hours)} business hours"
                )
            case "play_task":
                whose = f"{self.task_owner} " if self.task_owner else ""
                text = f"Play {whose}tasks done within {_num(self.hours)} business hours"
            case _:
                assert self.stop is not None
                if self.measure == "count":
                    text = f"{self.count} times {self.stop.describe()} per {self.period}"
                else:
                    assert self.start is not None
                    text = (
                        f"From {self.start.describe()} to {self.stop.describe()} within "
                        f"{_num(self.hours)} business hours"
                    )
        return text + scope

    def matches(self, facts: Mapping[str, str | None]) -> bool:
        """Whether a lead with these segment/region/grade/source values is in scope."""
        for name, allowed in self.scope.items():
            value = facts.get(name)
            if value is None or value.casefold() not in {a.casefold() for a in allowed}:
                return False
        return True


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, where: str, message: str) -> None:
        self.errors.append(FieldError(where, message))

    def number(
        self, raw: Mapping[str, Any], name: str, where: str, *, low: float, high: float
    ) -> float | None:
        value = raw.get(name)
        if value is None:
            self.fail(f"{where}.{name}", "is required")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{where}.{name}", "must be a number")
            return None
        if not low < value <= high and not (low == 0 and value == 0):
            self.fail(f"{where}.{name}", f"must be more than {_num(low)} and at most {_num(high)}")
            return None
        return float(value)

    def integer(self, raw: Mapping[str, Any], name: str, where: str, high: int) -> int | None:
        value = raw.get(name)
        if value is None:
            self.fail(f"{where}.{name}", "is required")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{where}.{name}", "must be a whole number")
            return None
        if not 1 <= value <= high:
            self.fail(f"{where}.{name}", f"must be between 1 and {high}")
            return None
        return value

    def period(self, raw: Mapping[str, Any], where: str) -> str | None:
        value = raw.get("period")
        if value not in PERIODS:
            self.fail(f"{where}.period", f"must be one of {', '.join(PERIODS)}")
            return None
        return str(value)

    def condition(self, raw: Any, where: str) -> Condition | None:
        if not isinstance(raw, Mapping) or len(raw) != 1:
            self.fail(where, 'give one of {"stage": ...}, {"touch": ...}, {"event": ...}')
            return None
        ((name, value),) = raw.items()
        if name not in ("stage", "touch", "event") or not isinstance(value, str) or not value:
            self.fail(where, 'give one of {"stage": ...}, {"touch": ...}, {"event": ...}')
            return None
        if name == "event" and value not in CONDITION_EVENTS:
            self.fail(f"{where}.event", f"must be one of {', '.join(CONDITION_EVENTS)}")
            return None
        return Condition(**{name: value})

    def scope(self, raw: Any, where: str) -> dict[str, tuple[str, ...]]:
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.fail(where, "must be an object of field -> list of values")
            return {}
        out = {}
        for name, values in raw.items():
            if name not in SCOPE_FIELDS:
                self.fail(f"{where}.{name}", f"scope fields are {', '.join(SCOPE_FIELDS)}")
                continue
            if (
                not isinstance(values, list)
                or not values
                or not all(isinstance(v, str) and v.strip() for v in values)
            ):
                self.fail(f"{where}.{name}", "must be a non-empty list of values")
                continue
            out[name] = tuple(v.strip() for v in values)
        return out


_COMMON = {
    "key",
    "kind",
    "label",
    "scope",
    "warn_at",
    "pause_when_out_of_office",
    "escalate",
    "reroute",
}
FIELDS_OF_KIND = {
    "mql_volume": {"count", "period"},
    "mql_acceptance": {"percent", "period"},
    "first_touch": {"hours"},
    "decision": {"hours"},
    "touch_attempts": {"count", "days"},
    "follow_up": {"days"},
    "customer_response": {"hours", "touch_types"},
    "custom": {"measure", "start", "stop", "hours", "count", "period"},
    "play_task": {"hours", "task_owner"},
}


def parse_terms(raw: Any) -> list[Term]:
    """Validate a version's terms; raise ``ValidationFailed`` naming every bad field."""
    check = _Checker()
    if not isinstance(raw, list):
        raise ValidationFailed("terms must be a list", [FieldError("terms", "must be a list")])
    terms: list[Term] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = f"terms[{i}]"
        if not isinstance(item, Mapping):
            check.fail(where, "must be an object")
            continue
        kind = item.get("kind")
        if kind not in KINDS:
            check.fail(f"{where}.kind", f"must be one of {', '.join(KINDS)}")
            continue
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            check.fail(
                f"{where}.key", "must be lower-case letters, digits and _, starting a letter"
            )
            key = None
        elif key in seen:
            check.fail(f"{where}.key", f"{key!r} is used by another term")
        else:
            seen.add(key)
        for extra in sorted(set(item) - _COMMON - FIELDS_OF_KIND[kind]):
            check.fail(f"{where}.{extra}", f"is not a field of a {kind} term")
        label = item.get("label") or KIND_LABELS[kind]
        if not isinstance(label, str) or len(label) > 120:
            check.fail(f"{where}.label", "must be text of at most 120 characters")
            label = KIND_LABELS[kind]
        warn = item.get("warn_at", 0.75)
        if isinstance(warn, bool) or not isinstance(warn, int | float) or not 0 < warn < 1:
            check.fail(f"{where}.warn_at", "must be a fraction between 0 and 1, e.g. 0.75")
            warn = 0.75
        flags: dict[str, Any] = {}
        for flag, default in (
            ("pause_when_out_of_office", False),
            ("escalate", True),
            ("reroute", False),
        ):
            value = item.get(flag, default)
            if not isinstance(value, bool):
                check.fail(f"{where}.{flag}", "must be true or false")
                value = default
            flags[flag] = value
        values: dict[str, Any] = {}
        match kind:
            case "mql_volume":
                values["count"] = check.integer(item, "count", where, 1_000_000)
                values["period"] = check.period(item, where)
            case "mql_acceptance":
                values["percent"] = check.number(item, "percent", where, low=0, high=100)
                values["period"] = check.period(item, where)
            case "first_touch" | "decision":
                values["hours"] = check.number(item, "hours", where, low=0, high=MAX_HOURS)
            case "touch_attempts":
                values["count"] = check.integer(item, "count", where, 100)
                values["days"] = check.number(item, "days", where, low=0, high=MAX_DAYS)
            case "follow_up":
                values["days"] = check.number(item, "days", where, low=0, high=MAX_DAYS)
            case "customer_response":
                values["hours"] = check.number(item, "hours", where, low=0, high=MAX_HOURS)
                types = item.get("touch_types", list(DEFAULT_REQUEST_TYPES))
                if (
                    not isinstance(types, list)
                    or not types
                    or not all(isinstance(t, str) and t for t in types)
                ):
                    check.fail(f"{where}.touch_types", "must be a non-empty list of touch types")
                    types = list(DEFAULT_REQUEST_TYPES)
                values["touch_types"] = tuple(types)
            case "play_task":
                values["hours"] = check.number(item, "hours", where, low=0, high=MAX_HOURS)
                owner = item.get("task_owner")
                if owner is not None and owner not in TASK_OWNERS:
                    check.fail(f"{where}.task_owner", f"must be one of {', '.join(TASK_OWNERS)}")
                else:
                    values["task_owner"] = owner
            case "custom":
                measure = item.get("measure")
                if measure not in ("duration", "count"):
                    check.fail(f"{where}.measure", 'must be "duration" or "count"')
                else:
                    values["measure"] = measure
                    values["stop"] = check.condition(item.get("stop"), f"{where}.stop")
                    if measure == "duration":
                        values["start"] = check.condition(item.get("start"), f"{where}.start")
                        values["hours"] = check.number(item, "hours", where, low=0, high=MAX_HOURS)
                    else:
                        values["count"] = check.integer(item, "count", where, 1_000_000)
                        values["period"] = check.period(item, where)
        scope = check.scope(item.get("scope"), f"{where}.scope")
        if key is not None and not check.errors:
            terms.append(
                Term(
                    key=key,
                    kind=kind,
                    label=label,
                    scope=scope,
                    warn_fraction=float(warn),
                    **flags,
                    **values,
                )
            )
    if check.errors:
        first = check.errors[0]
        raise ValidationFailed(f"{first.field} {first.message}", check.errors)
    return terms


def term_by_key(raw: Any, key: str) -> Term | None:
    """The term ``key`` of a stored (already validated) version."""
    for term in parse_terms(raw):
        if term.key == key:
            return term
    return None


STARTER_TERMS: list[dict[str, Any]] = [
    {"key": "mql_volume", "kind": "mql_volume", "count": 120, "period": "month"},
    {"key": "mql_acceptance", "kind": "mql_acceptance", "percent": 60, "period": "quarter"},
    {"key": "first_touch", "kind": "first_touch", "hours": 4, "pause_when_out_of_office": True},
    {"key": "decision", "kind": "decision", "hours": 8},
    {"key": "attempts", "kind": "touch_attempts", "count": 3, "days": 5},
    {"key": "demo_reply", "kind": "customer_response", "hours": 2},
]
