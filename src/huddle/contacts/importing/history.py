"""A row's history: when the contact was created and when it entered each stage.

Exports carry the past: HubSpot's "Create Date" and "Became a … Date" columns, Salesforce's
CreatedDate and ConvertedDate (``mapping`` maps them to ``created_at`` and
``stage_dates.<stage>``). A row that dates stages is history: its contact's stage is the
one the stage column gives, else the latest dated one (a stage the column gives that is
not the latest dated is entered again at the latest date the row gives, undated: a move
the CRM made back, or dates out of the funnel's order), and its moves are recorded with
their dates, as imported from the file,
announcing nothing (``lifecycle.service.history``). A row that gives only a created date
creates its contact then, in the stage the row says; moves it asks of an existing contact
are made now, as without history.

Dates are read as ISO 8601 (``2024-03-14``, ``2024-03-14 09:30``, ``2024-03-14T09:30:00.000Z``:
what HubSpot and Salesforce write), US dates (``03/14/2024``, ``3/14/2024 9:30 AM``: what a
spreadsheet saves) or milliseconds since 1970 (HubSpot's API). A date without a UTC offset
is taken as UTC. A date that cannot be read, or that is in the future, fails its row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from operator import itemgetter

from huddle.contacts.importing.cleaning import CellError
from huddle.contacts.importing.csvcells import unescape_cell
from huddle.contacts.importing.mapping import (
    CREATED_AT,
    HISTORY_TARGETS,
    STAGE_DATE_PREFIX,
    ColumnMapping,
)
from huddle.contacts.service import FUNNEL_ORDER, ContactHistory, PastMove, in_order
from huddle.core import clock, dateformats
from huddle.core.timefields import in_utc_range

_PREFIX_LENGTH = len(STAGE_DATE_PREFIX)
# A dated stage's (when, place in the funnel).
_WHEN = itemgetter(1)
# (column header, reason), as rows.Problem
Problem = tuple[str, str]

_US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?"
)
_EXPECTED = "expected e.g. 2024-03-14, 2024-03-14 09:30, 2024-03-14T09:30:00Z or 03/14/2024"


def is_history(target: str) -> bool:
    return target in HISTORY_TARGETS


def moment(value: str) -> datetime:
    """The moment a cell names, in UTC; CellError naming what was expected otherwise."""
    try:
        parsed = _parse(value)
    except (ValueError, OverflowError):
        raise CellError(f"'{value}' is not a date ({_EXPECTED})") from None
    if parsed.tzinfo is None:
        # The common case, kept short (a million rows bring six each): a naive moment is
        # UTC, and always within the range of UTC. (``combine`` costs a third of what
        # ``replace(tzinfo=UTC)`` does.)
        return datetime.combine(parsed.date(), parsed.time(), UTC)
    try:
        in_utc_range(parsed)
    except ValueError as exc:
        raise CellError(f"'{value}': {exc}") from None
    return parsed.astimezone(UTC)


def _own_format(date_format: str | None) -> str | None:
    """The format a column's dates need reading in, or None for those ``moment`` reads
    alike (ISO 8601 and milliseconds since 1970, the common case, kept fast)."""
    if date_format in (None, dateformats.ISO, dateformats.EPOCH_MS):
        return None
    return date_format


def moment_in(value: str, date_format: str) -> datetime:
    """The moment a cell of a column whose dates are written in ``date_format`` names
    ("14/03/2024" in a day-first column), in UTC; a cell written another way is read as
    ``moment`` reads it. CellError naming the column's format otherwise."""
    found = dateformats.read_or_none(value, date_format)
    if found is None:
        try:
            return moment(value)
        except CellError:
            raise CellError(
                f"'{value}' is not a date in the column's format ({dateformats.label(date_format)})"
            ) from None
    if isinstance(found, datetime):
        return found.astimezone(UTC)
    # A date alone is the start of its day, as ``moment`` reads "2024-03-14".
    return datetime.combine(found, time(), UTC)


def _parse(value: str) -> datetime:
    if value.isdigit() and 11 <= len(value) <= 13:
        return datetime.fromtimestamp(int(value) / 1000, UTC)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    found = _US_DATE.fullmatch(value)
    if found is None:
        raise ValueError(value)
    month, day, year, hour, minute, second, half = found.groups()
    hours = int(hour or 0)
    if half is not None:
        if not 1 <= hours <= 12:
            raise ValueError(value)
        hours = hours % 12 + (12 if half.lower() == "pm" else 0)
    return datetime(int(year), int(month), int(day), hours, int(minute or 0), int(second or 0))


@dataclass(frozen=True, slots=True)
class RowHistory:
    """What one row says of the past: its created date, and its stage moves oldest first
    (none when it dates no stage)."""

    created_at: datetime | None
    moves: tuple[PastMove, ...]


class HistoryReader:
    """The history columns of a mapping, read from a row's cells."""

    def __init__(self, columns: Sequence[tuple[int, str, str | None, str | None]]) -> None:
        # (index, header, stage dated (None for the created date), the format its dates
        # are read in (None: as ``moment`` reads them)) of each history column
        self._columns = columns

    @classmethod
    def of(
        cls, mapping: ColumnMapping, date_formats: Mapping[str, str] | None = None
    ) -> HistoryReader | None:
        """The mapping's history columns, each read in its format in ``date_formats`` (by
        header: what the import found over the file)."""
        formats = date_formats or {}
        columns = [
            (
                c.index,
                c.header,
                None if c.target == CREATED_AT else c.target[_PREFIX_LENGTH:],
                _own_format(formats.get(c.header)),
            )
            for c in mapping.columns
            if is_history(c.target)
        ]
        return cls(columns) if columns else None

    def read(self, cells: list[str], stage: str | None) -> RowHistory | list[Problem] | None:
        """The row's history (None if it gives no date), or its problems. ``stage``: the
        stage the row's stage column gives, if any."""
        created: datetime | None = None
        # Stage -> (when, its place in the funnel): sorted as tuples, oldest first and the
        # funnel's order on the same moment, as ``in_order`` sorts moves (a third the cost).
        dated: dict[str, tuple[datetime, int]] = {}
        problems: list[Problem] = []
        now = clock.now()
        for index, header, key, date_format in self._columns:
            raw = cells[index]
            if not raw:
                continue
            if raw[0] == "'":
                raw = unescape_cell(raw)
            raw = raw.strip()
            if not raw:
                continue
            try:
                at = moment(raw) if date_format is None else moment_in(raw, date_format)
            except CellError as exc:
                problems.append((header, str(exc)))
                continue
            if at > now:
                problems.append((header, f"'{raw}' is in the future; history is what happened"))
            elif key is None:
                created = at
            elif key in dated:
                # Two columns for one stage (HubSpot's customer and evangelist): the first.
                dated[key] = min((at, FUNNEL_ORDER[key]), dated[key])
            else:
                dated[key] = (at, FUNNEL_ORDER[key])
        if problems:
            return problems
        if created is None and not dated:
            return None
        moves = tuple(PastMove(key, at) for key, (at, _) in sorted(dated.items(), key=_WHEN))
        if moves and stage is not None and stage != moves[-1].stage:
            # The row's stage is where the contact is now, whether the row dates it or not
            # (a move the CRM made back, dates out of the funnel's order): after the latest
            # date, undated.
            moves += (PastMove(stage, moves[-1].at, dated=False),)
        return RowHistory(created, moves)


def merged(histories: Sequence[RowHistory]) -> RowHistory:
    """One contact's rows (the same email several times in a file): every move once, the
    earliest created date."""
    if len(histories) == 1:
        return histories[0]
    created = [h.created_at for h in histories if h.created_at is not None]
    moves = {(move.stage, move.at): move for h in histories for move in h.moves}
    return RowHistory(min(created) if created else None, in_order(list(moves.values())))


@dataclass(frozen=True, slots=True)
class NewContactDates:
    """What a contact created with a history is inserted with."""

    stage: str
    stage_entered_at: datetime
    created_at: datetime


def new_contact_dates(history: RowHistory, stage: str, now: datetime) -> NewContactDates:
    """``stage``: the one the contact's row gives (or the default) when the history dates
    none. A contact's created date is the file's, else its first move's."""
    if history.moves:
        first, last = history.moves[0], history.moves[-1]
        return NewContactDates(last.stage, last.at, history.created_at or first.at)
    created = history.created_at or now
    return NewContactDates(stage, created, created)


def contact_history(
    contact_id: int, history: RowHistory, *, stage_before: str | None, created_stage: str
) -> ContactHistory:
    """The moves to record: a new contact's start with the stage it was created in. A row
    that dates no stage says when the contact was created, not when it entered that
    stage: the move is undated, and a file that dates the contact's stages later takes
    its place (``lifecycle.service.history``)."""
    moves = history.moves
    if stage_before is None and not moves:
        dates = new_contact_dates(history, created_stage, clock.now())
        moves = (PastMove(created_stage, dates.created_at, dated=False),)
    return ContactHistory(contact_id, moves, stage_before=stage_before)
