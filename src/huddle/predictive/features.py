"""Features of a contact as of a moment (its cut-off), from facts read by the repository.

Only what was known at the cut-off enters: touches up to it (counted by type in windows of
7, 30 and 90 days before it, and the days since the last one), and the record's attributes
(source, industry, country, seniority, department, city, do-not-email/call flags,
employees, revenue, custom fields). Stage
changes never are features: the label is made of them. Rule scores are left out as well:
they are stored as of now, not as of the cut-off, so they would carry what happened after it.

Attributes are the record's current values: Huddle keeps no history of attribute edits, so
a field filled in by sales after qualification would leak. Such a column shows up in the
leak check (filled almost only for one outcome) and is excluded like a leaking CSV column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from huddle.predictive.learning import Kind, Table
from huddle.predictive.tabular import is_placeholder, positive_value, typed_column

WINDOWS_DAYS = (7, 30, 90)
LONGEST = timedelta(days=max(WINDOWS_DAYS))
MAX_TOUCH_TYPES = 30
EMAIL_ENGAGEMENT = ("email_opened", "email_clicked")
ATTRIBUTES: dict[str, Kind] = {
    "source": "category",
    "industry": "category",
    "country": "category",
    "seniority": "category",
    "department": "category",
    "city": "category",
    "do_not_email": "category",
    "do_not_call": "category",
    "employees": "number",
    "revenue": "number",
}


@dataclass
class ContactFacts:
    """A contact as the repository reads it: its attributes, the moment features are taken
    (its cut-off), and when it first reached the target stage (None: never)."""

    contact_id: int
    cutoff: datetime
    attributes: dict[str, Any]
    custom: dict[str, Any] = field(default_factory=dict)
    reached_at: datetime | None = None


@dataclass(frozen=True)
class TouchFact:
    contact_id: int
    type: str
    occurred_at: datetime


def touch_column(touch_type: str, days: int) -> str:
    return f"touches.{touch_type}.{days}d"


def touch_types_in(columns: Iterable[str]) -> list[str]:
    """The touch types a model's columns count (to build the same columns for scoring)."""
    found = []
    for name in columns:
        if name.startswith("touches.") and name.endswith(f".{WINDOWS_DAYS[0]}d"):
            found.append(name.removeprefix("touches.").rsplit(".", 1)[0])
    return found


def common_touch_types(touches: Iterable[TouchFact]) -> list[str]:
    counts = Counter(t.type for t in touches)
    return sorted(kind for kind, _ in counts.most_common(MAX_TOUCH_TYPES))


def feature_table(
    contacts: Sequence[ContactFacts],
    touches: Iterable[TouchFact],
    *,
    touch_types: Sequence[str],
    label: Sequence[int] | None = None,
) -> tuple[Table, dict[str, str]]:
    """One row per contact (in the order given), with the columns set aside and why."""
    by_contact: dict[int, list[TouchFact]] = {}
    for touch in touches:
        by_contact.setdefault(touch.contact_id, []).append(touch)
    columns: dict[str, list[Any]] = {name: [] for name in ATTRIBUTES}
    kinds: dict[str, Kind] = dict(ATTRIBUTES)
    counted = {
        (kind, days): touch_column(kind, days) for kind in touch_types for days in WINDOWS_DAYS
    }
    for name in [*counted.values(), "days_since_last_touch", "email_engagement.90d"]:
        columns[name], kinds[name] = [], "number"
    custom_keys = sorted({key for facts in contacts for key in facts.custom})
    custom_values: dict[str, list[Any]] = {key: [] for key in custom_keys}
    for facts in contacts:
        for name in ATTRIBUTES:
            columns[name].append(_clean(facts.attributes.get(name)))
        for key in custom_keys:
            custom_values[key].append(_clean(facts.custom.get(key)))
        known = [t for t in by_contact.get(facts.contact_id, ()) if t.occurred_at <= facts.cutoff]
        for (kind, days), name in counted.items():
            since = facts.cutoff - timedelta(days=days)
            columns[name].append(sum(1 for t in known if t.type == kind and t.occurred_at > since))
        last = max((t.occurred_at for t in known), default=None)
        columns["days_since_last_touch"].append(
            None if last is None else (facts.cutoff - last).total_seconds() / 86400
        )
        recent = facts.cutoff - LONGEST
        columns["email_engagement.90d"].append(
            sum(1 for t in known if t.type in EMAIL_ENGAGEMENT and t.occurred_at > recent)
        )
    set_aside: dict[str, str] = {}
    for key, values in custom_values.items():
        kind, typed, reason = typed_column([None if v is None else str(v) for v in values])
        if reason:
            set_aside[f"custom.{key}"] = reason
        else:
            columns[f"custom.{key}"], kinds[f"custom.{key}"] = typed, kind
    labels = list(label) if label is not None else [0] * len(contacts)
    return Table(columns, kinds, labels), set_aside


def _clean(value: Any) -> Any:
    """Placeholders ("N/A", "Select"...) are missing, as in a CSV."""
    if isinstance(value, str):
        value = value.strip()
        return None if is_placeholder(value) else value
    if isinstance(value, bool):
        return str(value).lower()
    return value


def labelled(
    contacts: Sequence[ContactFacts], *, horizon: timedelta, as_of: datetime
) -> tuple[list[ContactFacts], list[int]]:
    """The contacts whose outcome is known at ``as_of``, oldest cut-off first, with their
    label: reached the target within ``horizon`` after the cut-off. A contact that had
    reached it by its cut-off has nothing to predict; one whose horizon has not ended and
    has not reached it yet has no outcome yet."""
    rows: list[tuple[ContactFacts, int]] = []
    for facts in contacts:
        reached = facts.reached_at
        if reached is not None and reached <= facts.cutoff:
            continue
        if reached is not None and reached <= facts.cutoff + horizon:
            rows.append((facts, 1))
        elif facts.cutoff + horizon <= as_of:
            rows.append((facts, 0))
    rows.sort(key=lambda pair: (pair[0].cutoff, pair[0].contact_id))
    return [facts for facts, _ in rows], [outcome for _, outcome in rows]


def labelled_by_field(
    contacts: Sequence[ContactFacts], *, key: str, positive: str | None = None
) -> tuple[list[ContactFacts], list[int], str]:
    """The contacts whose custom field ``key`` holds an outcome (an imported "Converted"
    column), oldest cut-off first, with their label: the field holds ``positive`` (by
    default: yes/true/1/won/converted, else the rarer of its two values). Contacts with the
    field empty have no known outcome and are left out. Returns the positive value too."""
    read = [(facts, _outcome_text(facts.custom.get(key))) for facts in contacts]
    known = [(facts, value) for facts, value in read if value is not None]
    chosen = positive or positive_value([value for _, value in known])
    known.sort(key=lambda pair: (pair[0].cutoff, pair[0].contact_id))
    label = [int(value.casefold() == chosen.casefold()) for _, value in known]
    return [facts for facts, _ in known], label, chosen


def _outcome_text(value: Any) -> str | None:
    """An outcome field's value as text: a number field's 1.0 reads "1" (a yes)."""
    cleaned = _clean(value)
    if isinstance(cleaned, float) and cleaned.is_integer():
        return str(int(cleaned))
    return None if cleaned is None else str(cleaned)
