"""The contact list's filters as a browser sends them (strings in a query or a form) and back.

The same parsing serves the list, saving a view and the export link, so a saved view
reproduces exactly what the person saw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError

from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core.comparison import NO_VALUE
from huddle.core.errors import FieldError
from huddle.core.stages import STAGES

FORM_KEYS = (
    "q",
    "stage",
    "owner",
    "score_min",
    "score_max",
    "created_since",
    "account_id",
    "where_field",
    "where_op",
    "where_value",
)
# The filter form's one condition on a custom field (``where_*``), as the list reads it.
WHERE_KEYS = ("where_field", "where_op", "where_value")
# The operators the form offers, in words; the field's type decides which apply.
OPERATOR_LABELS = {
    "eq": "is",
    "ne": "is not",
    "in": "is one of",
    "not_in": "is none of",
    "contains": "contains",
    "starts_with": "starts with",
    "gt": "more than",
    "gte": "at least",
    "lt": "less than",
    "lte": "at most",
    "between": "between (low,high)",
    "before": "before",
    "after": "after",
    "is_true": "is yes",
    "is_false": "is no",
    "is_set": "is filled in",
    "is_empty": "is empty",
}
DEFAULT_SORT = ContactSort.CREATED_AT_DESC


@dataclass
class ListState:
    filters: ContactFilters
    sort: ContactSort
    # The filter form's values as strings, to fill the form and build links.
    form: dict[str, str] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    # A contact custom field sorting the list instead of ``sort`` (``-`` first: descending).
    sort_field: str | None = None

    @property
    def count(self) -> int:
        return sum(1 for key in FORM_KEYS if self.form.get(key) and key not in WHERE_KEYS[1:])

    def params(self) -> dict[str, str]:
        """Query parameters that reproduce this state (sort only when not the default)."""
        values = {k: v for k, v in self.form.items() if v}
        if self.sort != DEFAULT_SORT:
            values["sort"] = self.sort.value
        if self.sort_field:
            values["sort_field"] = self.sort_field
        return values


def _int(raw: str, name: str, errors: list[FieldError]) -> int | None:
    try:
        return int(raw)
    except ValueError:
        errors.append(FieldError(name, f"“{raw}” is not a whole number"))
        return None


def parse(params: Mapping[str, Any], *, stages: list[str], me: int) -> ListState:
    """A list state from query or form values; bad values are dropped and reported."""
    errors: list[FieldError] = []
    form = {key: str(params.get(key) or "").strip() for key in FORM_KEYS}
    values: dict[str, Any] = {}
    chosen = [s for raw in stages for s in raw.split(",") if s in STAGES]
    form["stage"] = chosen[0] if len(chosen) == 1 else ",".join(chosen)
    if chosen:
        values["stage"] = chosen
    if form["q"]:
        values["q"] = form["q"][:200]
    owner = form["owner"]
    if owner == "me":
        values["owner_id"] = me
    elif owner == "unassigned":
        values["owner_id"] = "unassigned"
    elif owner:
        values["owner_id"] = _int(owner, "owner", errors)
    for key in ("score_min", "score_max", "account_id"):
        if form[key]:
            values[key] = _int(form[key], key, errors)
    if form["created_since"]:
        try:
            day = date.fromisoformat(form["created_since"])
            values["created_since"] = datetime(day.year, day.month, day.day, tzinfo=UTC)
        except ValueError:
            errors.append(FieldError("created_since", "is not a date (YYYY-MM-DD)"))
    where = _where(form)
    if where:
        values["where"] = [where]
    values = {k: v for k, v in values.items() if v is not None}
    try:
        sort = ContactSort(str(params.get("sort") or DEFAULT_SORT.value))
    except ValueError:
        sort = DEFAULT_SORT
    try:
        filters = ContactFilters.model_validate(values)
    except ValidationError as exc:
        errors.extend(FieldError(".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors())
        filters = ContactFilters()
    for error in errors:
        form[error.field.split(".")[0]] = ""
    sort_field = str(params.get("sort_field") or "").strip()[:80] or None
    return ListState(filters, sort, form, errors, sort_field)


def _where(form: dict[str, str]) -> str | None:
    """The form's condition on a custom field as ``field:op:value``; None until the form
    says enough (a field, and a value unless the operator takes none)."""
    field, op, value = (form[key] for key in WHERE_KEYS)
    if not field or not op or (not value and op not in NO_VALUE):
        return None
    return f"{field}:{op}:{value}" if value else f"{field}:{op}"


def form_of(filters: ContactFilters, *, me: int) -> dict[str, str]:
    """The form values that select ``filters`` (a saved view's), for ``parse`` to read back."""
    owner = filters.owner_id
    field, _, rest = (filters.where[0] if filters.where else "").partition(":")
    op, _, value = rest.partition(":")
    return {
        "where_field": field,
        "where_op": op,
        "where_value": value,
        "q": filters.q or "",
        "stage": filters.stage[0] if len(filters.stage) == 1 else ",".join(filters.stage),
        "owner": "me" if owner == me else ("" if owner is None else str(owner)),
        "score_min": "" if filters.score_min is None else str(filters.score_min),
        "score_max": "" if filters.score_max is None else str(filters.score_max),
        "created_since": filters.created_since.date().isoformat() if filters.created_since else "",
        "account_id": "" if filters.account_id is None else str(filters.account_id),
    }
