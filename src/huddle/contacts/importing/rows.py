"""From a CSV record to checked contact values, or to the reasons it cannot be one.

The row is checked as ``ContactCreate`` (the schema of the API and ``upsert_contact``)
checks it, so an import accepts and refuses exactly what the rest of Huddle does. Most
rows are plain: short texts, a valid address. For those, ``fast`` applies the
schema's own rules without building a model (a tenth of an import's time otherwise);
anything it is not sure of goes through ``ContactCreate`` itself, errors included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import ValidationError

from huddle.contacts.importing import fast
from huddle.contacts.importing.cleaning import (
    CATEGORY,
    CATEGORY_FIELDS,
    TEXT,
    CellError,
    ColumnCleaner,
    ColumnKind,
    Placeholders,
)
from huddle.contacts.importing.csvcells import unescape_cell
from huddle.contacts.importing.history import HistoryReader, RowHistory, is_history
from huddle.contacts.importing.mapping import CUSTOM_PREFIX, FIELD_OF_TARGET, ColumnMapping
from huddle.contacts.importing.reader import SourceRow
from huddle.contacts.schemas import ContactCreate
from huddle.contacts.service.upsert_rules import CLEARABLE
from huddle.core.recordids import is_salesforce_id

# (column header, reason)
Problem = tuple[str, str]


class ParsedRow(NamedTuple):
    line: int
    cells: list[str]
    # The fields the row gives, checked: what ``ContactCreate`` holds for them. A field
    # not given keeps its default (``fast.DEFAULTS``).
    data: dict[str, Any]
    # What the row's date columns say of the past (``history``); None without any.
    history: RowHistory | None = None
    # What a person should know of a row that goes in all the same (an owner nobody in
    # Huddle is: the contact goes in unassigned), reported like a failure's problems.
    notes: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class FailedRow:
    line: int
    cells: list[str]
    problems: list[Problem]


@dataclass(frozen=True)
class Person:
    id: int
    email: str
    name: str


class UserDirectory:
    """The users an ``owner`` cell may name, by email address or by full name."""

    def __init__(self, users: Iterable[Person]) -> None:
        self._ids: set[int] = set()
        self._by_email: dict[str, int] = {}
        self._by_name: dict[str, list[int]] = {}
        for user in users:
            self._ids.add(user.id)
            self._by_email[user.email.lower()] = user.id
            self._by_name.setdefault(user.name.casefold(), []).append(user.id)

    def resolve(self, value: str) -> int:
        found = self._by_email.get(value.lower())
        if found is not None:
            return found
        named = self._by_name.get(value.casefold(), [])
        if len(named) == 1:
            return named[0]
        if named:
            raise CellError(f"several users are called '{value}'; use their email address")
        raise CellError(unknown_owner(value))

    def check_id(self, value: str) -> int:
        try:
            user_id = int(value)
        except ValueError:
            raise CellError(f"'{value}' is not a user id") from None
        if user_id not in self._ids:
            raise CellError(f"no user with id {user_id}")
        return user_id


def unknown_owner(value: str) -> str:
    """Why an owner cell names no Huddle user, and what to give instead."""
    if is_salesforce_id(value):
        return (
            f"'{value}' is a Salesforce user id; Huddle finds users by email address or "
            "name (map an owner email column, from Salesforce's User export)"
        )
    return f"no user with the email address or name '{value}'"


@dataclass(frozen=True)
class _Step:
    index: int
    header: str
    # The ContactCreate field filled, or the key of the custom field.
    field: str
    custom: bool
    translate: Callable[[str], object] | None
    # For the cheap check: the length limit of a plain text column (its cells are trimmed
    # text already), else the field's check.
    limit: int | None
    check: fast.Check
    # Whether an empty cell clears the field (the import's ``clear_empty``).
    clears: bool
    # Whether a cell that cannot be read leaves the field out with a note instead of
    # failing the row (an owner column: the contact goes in unassigned).
    noted: bool = False


@dataclass(frozen=True)
class Cleaning:
    """How an import reads values: placeholders, clearing, custom fields' kinds, dates."""

    placeholders: Placeholders = field(default_factory=Placeholders)
    clear_empty: bool = False
    # Custom field key -> how its cells are read.
    custom_kinds: dict[str, ColumnKind] | None = None
    # Header -> the date format found in that column.
    date_formats: dict[str, str] | None = None


class RowParser:
    def __init__(
        self,
        mapping: ColumnMapping,
        users: UserDirectory,
        *,
        width: int,
        cleaning: Cleaning | None = None,
    ) -> None:
        self._mapping = mapping
        self._width = width
        # Where a row without either key is reported: the email column, if the file has one.
        targets = {column.target for column in mapping.columns}
        self._email_header = mapping.header_of(
            "external_id" if "email" not in targets and "external_id" in targets else "email"
        )
        cleaning = self.cleaning = cleaning or Cleaning()
        owner = {"owner": users.resolve, "owner_id": users.check_id}
        self._history = HistoryReader.of(mapping, cleaning.date_formats)
        self._steps = []
        # Each column's cleaner: what it does to the cells is counted there.
        self.cleaners: dict[str, ColumnCleaner] = {}
        for column in mapping.columns:
            if is_history(column.target):
                continue  # read by ``self._history``
            target = "owner_id" if column.target in owner else column.target
            target = FIELD_OF_TARGET.get(target, target)
            is_custom = target.startswith(CUSTOM_PREFIX)
            name = target.removeprefix(CUSTOM_PREFIX)
            cleaner = self.cleaners[column.header] = ColumnCleaner(
                column.header,
                self._kind(name, is_custom),
                placeholders=cleaning.placeholders,
                date_format=(cleaning.date_formats or {}).get(column.header),
            )
            translate = owner.get(column.target, column.translate) or cleaner.convert
            self._steps.append(
                _Step(
                    column.index,
                    column.header,
                    name,
                    is_custom,
                    translate,
                    None if translate or is_custom else fast.text_limit(target),
                    fast.check_for(target),
                    cleaning.clear_empty and ("custom" if is_custom else target) in CLEARABLE,
                    noted=column.target in owner,
                )
            )
        placeholders = cleaning.placeholders
        self._is_placeholder = placeholders.__contains__
        self._placeholder_length = placeholders.longest
        self._placeholder_words = placeholders.folded
        # The steps as plain tuples, for the hot loop.
        self._plan = [
            (s.index, s.field, s.custom, s.translate, s.limit, s.check, s.clears)
            for s in self._steps
        ]

    def _kind(self, name: str, is_custom: bool) -> ColumnKind:
        if is_custom:
            return (self.cleaning.custom_kinds or {}).get(name, TEXT)
        return CATEGORY if name in CATEGORY_FIELDS else TEXT

    def header_of(self, field: str) -> str:
        return self._mapping.header_of(field)

    def parse(self, row: SourceRow) -> ParsedRow | FailedRow:
        """The row's checked values, or its problems.

        The hot loop of an import: a few operations per mapped cell. A row the cheap check
        cannot vouch for (or that has a problem) is read again by ``parse_checked``.
        """
        cells = row.cells
        if len(cells) != self._width or row.broken is not None:
            return self.parse_checked(row)
        data: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        # ``raw in self.cleaning.placeholders``, inlined: a million rows bring ten cells each.
        longest, placeholders = self._placeholder_length, self._placeholder_words
        try:
            for index, name, is_custom, translate, limit, check, clears in self._plan:
                raw = cells[index]
                if raw[:1] == "'":
                    raw = unescape_cell(raw)
                raw = raw.strip()
                if not raw or (len(raw) <= longest and raw.casefold() in placeholders):
                    # An empty cell gives no value, unless the import clears with it.
                    if raw:
                        self._emptied(index)
                    if clears:
                        (custom if is_custom else data)[name] = None
                    continue
                value: Any = raw
                if translate is not None:
                    value = translate(raw)
                    if value is None:
                        continue
                # Text with a control character (or any unusual one) is left to the schema,
                # which refuses control characters and names them.
                if is_custom:
                    if type(value) is str and not value.isprintable():
                        raise fast.Unsure
                    custom[name] = value
                elif limit is not None:
                    if len(value) > limit or not value.isprintable():
                        raise fast.Unsure
                    data[name] = value
                else:
                    data[name] = check(value)
        except (CellError, fast.Unsure):
            return self.parse_checked(row)
        if data.get("email") is None and data.get("external_id") is None:
            return self.parse_checked(row)
        if custom:
            data["custom"] = custom
        if self._history is not None:
            return self._with_history(row, data) or self.parse_checked(row)
        return ParsedRow(row.line, cells, data)

    def _with_history(
        self, row: SourceRow, data: dict[str, Any], notes: tuple[Problem, ...] = ()
    ) -> ParsedRow | None:
        """The row with its history, its stage the latest the history dates; None if a
        date cannot be used (``parse_checked`` then names every problem)."""
        assert self._history is not None
        history = self._history.read(row.cells, data.get("lifecycle_stage"))
        if isinstance(history, list):
            return None
        if history is not None and history.moves:
            data["lifecycle_stage"] = history.moves[-1].stage
        return ParsedRow(row.line, row.cells, data, history, notes)

    def parse_checked(self, row: SourceRow) -> ParsedRow | FailedRow:
        """The row checked by ``ContactCreate`` itself, which words every problem."""
        cells, width = row.cells, self._width
        if row.broken is not None:
            return FailedRow(row.line, cells, [row.broken])
        if len(cells) != width:
            return FailedRow(
                row.line,
                cells,
                [("", f"the row has {len(cells):,} cells but the header has {width:,} columns")],
            )
        values: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        problems: list[Problem] = []
        notes: list[Problem] = []
        for step in self._steps:
            raw = cells[step.index]
            if raw[:1] == "'":
                raw = unescape_cell(raw)
            raw = raw.strip()
            if not raw or self._is_placeholder(raw):
                if step.clears:
                    (custom if step.custom else values)[step.field] = None
                continue
            value: Any = raw
            if step.translate is not None:
                try:
                    value = step.translate(raw)
                except CellError as exc:
                    if step.noted:
                        notes.append((step.header, f"{exc}; imported without this owner"))
                    else:
                        problems.append((step.header, str(exc)))
                    continue
                if value is None:
                    continue
            if step.custom:
                custom[step.field] = value
            else:
                values[step.field] = value
        if custom:
            values["custom"] = custom
        if self._history is not None:
            history = self._history.read(cells, values.get("lifecycle_stage"))
            if isinstance(history, list):
                problems += history
        keyed = values.get("email") is not None or values.get("external_id") is not None
        if not keyed and not any(p[0] in self._key_headers() for p in problems):
            problems.append((self._email_header, "a row needs an email or an external id"))
        if problems:
            return FailedRow(row.line, cells, problems)
        try:
            contact = ContactCreate.model_validate(values)
        except ValidationError as exc:
            return FailedRow(row.line, cells, self.problems_of(exc))
        checked = {name: getattr(contact, name) for name in values}
        if self._history is not None:
            with_history = self._with_history(row, checked, tuple(notes))
            assert with_history is not None  # its dates were read above
            return with_history
        return ParsedRow(row.line, cells, checked, notes=tuple(notes))

    def _key_headers(self) -> set[str]:
        return {self._mapping.header_of("email"), self._mapping.header_of("external_id")}

    def _emptied(self, index: int) -> None:
        # Rare (a placeholder word): counted on the column's cleaner, for the report.
        for step in self._steps:
            if step.index == index:
                self.cleaners[step.header].stats.placeholders += 1

    def problems_of(self, exc: ValidationError) -> list[Problem]:
        problems = []
        for error in exc.errors(include_url=False):
            field = ".".join(str(part) for part in error["loc"][:2])
            problems.append((self.header_of(field), _message(error)))
        return problems


def _message(error: Any) -> str:
    message = str(error["msg"])
    # pydantic prefixes custom errors raised in validators with "Value error, ".
    return message.removeprefix("Value error, ")
