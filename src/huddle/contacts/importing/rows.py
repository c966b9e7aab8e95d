"""From a CSV record to a checked ``ContactCreate``, or to the reasons it cannot be one.

The row goes through the same schema as the API and ``upsert_contact``, so an import
accepts and refuses exactly what the rest of Huddle does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from huddle.contacts.importing.csvcells import unescape_cell
from huddle.contacts.importing.mapping import CUSTOM_PREFIX, CellError, ColumnMapping
from huddle.contacts.importing.reader import SourceRow
from huddle.contacts.schemas import ContactCreate

# (column header, reason)
Problem = tuple[str, str]


@dataclass(frozen=True)
class ParsedRow:
    line: int
    cells: list[str]
    data: ContactCreate


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
        raise CellError(f"no user with the email address or name '{value}'")

    def check_id(self, value: str) -> int:
        try:
            user_id = int(value)
        except ValueError:
            raise CellError(f"'{value}' is not a user id") from None
        if user_id not in self._ids:
            raise CellError(f"no user with id {user_id}")
        return user_id


class RowParser:
    def __init__(self, mapping: ColumnMapping, users: UserDirectory, *, width: int) -> None:
        self._mapping = mapping
        self._users = users
        self._width = width

    def header_of(self, field: str) -> str:
        return self._mapping.header_of(field)

    def parse(self, row: SourceRow) -> ParsedRow | FailedRow:
        cells, width = row.cells, self._width
        if len(cells) != width:
            return FailedRow(
                row.line,
                cells,
                [("", f"the row has {len(cells)} cells but the header has {width} columns")],
            )
        values: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        problems: list[Problem] = []
        for column in self._mapping.columns:
            raw = unescape_cell(cells[column.index]).strip()
            if not raw:
                continue  # an empty cell gives no value: it never clears one
            try:
                value: Any = column.translate(raw) if column.translate else raw
                if column.target == "owner":
                    column_target, value = "owner_id", self._users.resolve(value)
                elif column.target == "owner_id":
                    column_target, value = "owner_id", self._users.check_id(value)
                else:
                    column_target = column.target
            except CellError as exc:
                problems.append((column.header, str(exc)))
                continue
            if value is None:
                continue
            if column_target.startswith(CUSTOM_PREFIX):
                custom[column_target.removeprefix(CUSTOM_PREFIX)] = value
            else:
                values[column_target] = value
        if custom:
            values["custom"] = custom
        if "email" not in values and not any(p[0] == self.header_of("email") for p in problems):
            problems.append((self.header_of("email"), "email is required"))
        if problems:
            return FailedRow(row.line, cells, problems)
        try:
            return ParsedRow(row.line, cells, ContactCreate.model_validate(values))
        except ValidationError as exc:
            return FailedRow(row.line, cells, self.problems_of(exc))

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
