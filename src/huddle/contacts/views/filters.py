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

from huddle.contacts.schemas import ContactColumn, ContactFilters, ContactSort
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
    "source",
    "buying_stage",
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
COLUMN_LABELS = {
    "company": "Company",
    "stage": "Stage",
    "owner": "Owner",
    "score": "Score",
    "buying_stage": "Buying stage",
    "last_touch": "Last touch",
    "updated": "Updated",
    "created": "Created",
}
# Filters that take several values (any of them): repeated parameters or comma-separated.
MULTI_KEYS = ("stage", "owner", "source", "buying_stage")


@dataclass
class ListState:
    filters: ContactFilters
    sort: ContactSort
    # The filter form's values as strings, to fill the form and build links.
    form: dict[str, str] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    # A contact custom field sorting the list instead of ``sort`` (``-`` first: descending).
    sort_field: str | None = None
    # The columns chosen (none: every column).
    columns: list[ContactColumn] = field(default_factory=list)

    def shows(self, column: str) -> bool:
        return not self.columns or column in self.columns

    @property
    def shown(self) -> frozenset[str]:
        """The columns shown (a set: the table asks on each of its rows)."""
        return frozenset(self.columns or COLUMN_LABELS)

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
        if self.columns:
            values["columns"] = ",".join(self.columns)
        return values


def _int(raw: str, name: str, errors: list[FieldError]) -> int | None:
    try:
        return int(raw)
    except ValueError:
        errors.append(FieldError(name, f"“{raw}” is not a whole number"))
        return None


def _many(params: Mapping[str, Any], key: str) -> list[str]:
    """Every value of a multi-value filter: a query's or form's repeated parameter, or one
    comma-separated string (a saved view's form, a link)."""
    getlist = getattr(params, "getlist", None)
    raw = [str(v) for v in getlist(key)] if getlist else [str(params.get(key) or "")]
    return [value.strip() for item in raw for value in item.split(",") if value.strip()]


def _owners(chosen: list[str], me: int, errors: list[FieldError]) -> list[int | str]:
    owners: list[int | str] = []
    for owner in chosen:
        if owner == "me":
            owners.append(me)
        elif owner == "unassigned":
            owners.append(owner)
        elif (number := _int(owner, "owner", errors)) is not None:
            owners.append(number)
    return owners


def parse(params: Mapping[str, Any], *, me: int) -> ListState:
    """A list state from query or form values; bad values are dropped and reported."""
    errors: list[FieldError] = []
    form = {key: str(params.get(key) or "").strip() for key in FORM_KEYS}
    values: dict[str, Any] = {}
    chosen = [s for s in _many(params, "stage") if s in STAGES]
    owners = _many(params, "owner")
    sources = _many(params, "source")
    buying = _many(params, "buying_stage")
    form.update(stage=",".join(chosen), owner=",".join(owners), source=",".join(sources))
    form.update(buying_stage=",".join(buying))
    values.update(stage=chosen, owner_id=_owners(owners, me, errors), source=sources)
    values.update(buying_stage=buying)
    if form["q"]:
        values["q"] = form["q"][:200]
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
    for error in errors:
        form[error.field] = ""  # a value that is not a number: said, and cleared
    filters = _valid_filters(values, errors, form)
    sort_field = str(params.get("sort_field") or "").strip()[:80] or None
    columns = [ContactColumn(c) for c in _many(params, "columns") if c in COLUMN_LABELS]
    return ListState(filters, sort, form, errors, sort_field, columns)


def _valid_filters(
    values: dict[str, Any], errors: list[FieldError], form: dict[str, str]
) -> ContactFilters:
    """The filters without the values that were refused (each reported), the others kept."""
    try:
        return ContactFilters.model_validate(values)
    except ValidationError as exc:
        refused = exc.errors()
    for error in refused:
        name = str(error["loc"][0]) if error["loc"] else ""
        if error["type"] == "reversed_range":
            # Kept in the form, so the person sees the two numbers the message is about.
            errors.append(FieldError(name, f"Score: {error['msg']}, so the range is left out."))
            values.pop("score_min", None)
        else:
            errors.append(FieldError(".".join(map(str, error["loc"])), error["msg"]))
            form[name] = ""
        values.pop(name, None)
    try:
        return ContactFilters.model_validate(values)
    except ValidationError:
        return ContactFilters()


def _where(form: dict[str, str]) -> str | None:
    """The form's condition on a custom field as ``field:op:value``; None until the form
    says enough (a field, and a value unless the operator takes none)."""
    field, op, value = (form[key] for key in WHERE_KEYS)
    if not field or not op or (not value and op not in NO_VALUE):
        return None
    return f"{field}:{op}:{value}" if value else f"{field}:{op}"


def form_of(filters: ContactFilters, *, me: int) -> dict[str, str]:
    """The form values that select ``filters`` (a saved view's), for ``parse`` to read back."""
    owners = ["me" if owner == me else str(owner) for owner in filters.owner_id]
    field, _, rest = (filters.where[0] if filters.where else "").partition(":")
    op, _, value = rest.partition(":")
    return {
        "where_field": field,
        "where_op": op,
        "where_value": value,
        "q": filters.q or "",
        "stage": ",".join(filters.stage),
        "owner": ",".join(owners),
        "source": ",".join(filters.source),
        "buying_stage": ",".join(filters.buying_stage),
        "score_min": "" if filters.score_min is None else str(filters.score_min),
        "score_max": "" if filters.score_max is None else str(filters.score_max),
        "created_since": filters.created_since.date().isoformat() if filters.created_since else "",
        "account_id": "" if filters.account_id is None else str(filters.account_id),
    }
