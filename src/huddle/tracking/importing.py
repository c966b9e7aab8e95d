"""``huddle import touches``: activities from another CRM (email opens and clicks,
meetings, calls, form fills...) as touches with their own timestamps.

A row names its contact by email or by its record id in the source CRM (the contacts
import's ``external_id``: HubSpot's contact "Record ID", Salesforce's "WhoId"; the email
first when a row has both), what happened (mapped to a registered event type: the
type's name or label, or the words HubSpot and Salesforce exports use, "OPEN", "Call",
"MEETING", "Form submission"...) and when. An activity id from the file, else the row's
contact, type, time and subject, is its idempotency key: importing the file again stores
nothing twice. A row whose type is not registered, whose contact Huddle does not know or
whose date is missing is reported with why and stores nothing.

Touches are stored a chunk at a time (``record_touches``), publishing what any batch of
touches publishes, so scores and MQL criteria are evaluated as of now once they are in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import cells, permissions
from huddle.core.actor import Actor
from huddle.core.columnmap import ImportFields, mapped_positions
from huddle.core.csvfiles import CsvSource, SourceRow, inspect_file
from huddle.core.csvreport import (
    ErrorReport,
    FileImportResult,
    LeftOut,
    date_formats_in,
    import_in_chunks,
)
from huddle.core.dateformats import FormatFound
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action
from huddle.core.recordids import rounded_by_excel
from huddle.tracking import repository
from huddle.tracking.defaults import TASK_EVENT_TYPES

CHUNK_SIZE = 5_000
# Whose idempotency keys the imported touches carry: the same for every import, so that a
# re-import (from the command line or a page) finds the keys of the one before.
TOUCH_ACTOR = Actor("import", label="touches import")

COLUMNS: dict[str, tuple[str, ...]] = {
    "email": (
        "Email",
        "Email address",
        "Contact email",
        "Contact: Email",
        "Associated Contact",
        "Recipient",
    ),
    # The contact's record id in the source CRM ("Record ID" too, see _locate).
    "contact_id": ("Contact ID", "Associated Contact ID", "WhoId", "Who ID", "Lead ID"),
    "type": ("Activity type", "Event type", "Type", "Task Subtype", "Activity"),
    "occurred_at": (
        "Occurred at",
        "Timestamp",
        "Activity date",
        "Date",
        "Created",
        "Start Date Time",
        "Created Date",
        "Create Date",
    ),
    "activity_id": ("Activity ID", "Engagement ID", "Event ID", "Record ID", "Id"),
    "subject": ("Subject", "Email subject", "Meeting name", "Call title", "Form name", "Title"),
    "url": ("URL", "Page URL", "Link"),
    # A tasks export's: whether the task is done (Salesforce's IsClosed and Status,
    # HubSpot's "Task Status").
    "closed": ("IsClosed", "Closed"),
    "status": ("Status", "Task Status", "Activity status"),
}
REQUIRED = ("type", "occurred_at")
TOUCH_FIELDS = ImportFields(
    labels={
        "email": "Contact's email",
        "contact_id": "Contact's record id (the contacts import's external id)",
        "type": "Activity type (required)",
        "occurred_at": "Date it happened (required)",
        "activity_id": "Activity id (a re-import stores it once)",
        "subject": "Subject",
        "url": "URL",
        "closed": "Closed (yes/no: an open task is left out)",
        "status": "Status (a task not started or in progress is left out)",
    },
    known_columns=COLUMNS,
)
CONTACT_KEYS = ("email", "contact_id")
# HubSpot names a contact's id "Record ID"; so does an activity's own id: it is the
# contact's only in a file that names its contacts no other way.
RECORD_ID = "Record ID"

# What exports call the activities Huddle registers by default.
# The type of a task done that is no call, email or meeting (``tracking.defaults``).
TASK_TYPE = TASK_EVENT_TYPES[0][0]
SYNONYMS = {
    "open": "email_opened",
    "opened": "email_opened",
    "emailopen": "email_opened",
    "click": "email_clicked",
    "clicked": "email_clicked",
    "emailclick": "email_clicked",
    "sent": "email_sent",
    "marketingemail": "email_sent",
    "marketingemailsent": "email_sent",
    "email": "sales_email_sent",
    "emailsent": "sales_email_sent",
    "reply": "email_replied",
    "replied": "email_replied",
    "call": "call_logged",
    "calllogged": "call_logged",
    "meeting": "meeting_held",
    "event": "meeting_held",
    "meetingbooked": "meeting_booked",
    "form": "form_submitted",
    "formfill": "form_submitted",
    "formsubmission": "form_submitted",
    "pageview": "page_view",
    # A CRM's tasks that are no call, email or meeting.
    "task": TASK_TYPE,
    "todo": TASK_TYPE,
    "other": TASK_TYPE,
}
# A task's statuses that say it has not been done (Salesforce's and HubSpot's, squashed).
OPEN_STATUSES = frozenset(
    {"notstarted", "inprogress", "waitingonsomeoneelse", "deferred", "waiting", "open", "planned"}
)
# Columns only a tasks export has (Salesforce's Task, HubSpot's tasks), squashed.
_TASK_EXPORT_HEADERS = frozenset({"isclosed", "tasksubtype", "taskstatus", "tasktype"})

_OPEN_TASK = "an open task, not done yet: left out (import it again once it is done)"

UnitOfWork = Callable[[], AbstractContextManager[Session]]
Problem = tuple[str, str]


@dataclass(slots=True)
class _Activity:
    line: int
    cells: list[str]
    email: str | None
    contact_key: str | None
    touch: contacts.TouchRow


def event_types_by_word(session: Session) -> dict[str, str]:
    """Squashed word -> registered event type: each type's name and label, and the
    exports' words for the types that are registered."""
    words: dict[str, str] = {}
    for kind in repository.event_types(session):
        words[cells.squash(kind.name)] = kind.name
        words.setdefault(cells.squash(kind.label), kind.name)
    registered = set(words.values())
    for word, name in SYNONYMS.items():
        if name in registered:
            words.setdefault(word, name)
    return words


def import_touches(
    unit_of_work: UnitOfWork,
    path: Path,
    *,
    filename: str,
    actor: Actor,
    errors_path: Path | None = None,
    chunk_size: int = CHUNK_SIZE,
    mapping: Mapping[str, str] | None = None,
) -> FileImportResult:
    """Import the activities of ``path`` as touches, one transaction per chunk, its
    columns read by their header or by ``mapping`` ({column: field}, ``TOUCH_FIELDS``).

    Raises ValidationFailed (nothing imported) when the file has no contact email,
    activity type or date column, the mapping cannot be used, or the file cannot be read.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    facts = inspect_file(path)
    with CsvSource(path, facts) as source:
        positions = (
            _locate(source.header)
            if mapping is None
            else mapped_positions(source.header, mapping, TOUCH_FIELDS)
        )
        _check_columns(positions)
        with unit_of_work() as session:
            words = event_types_by_word(session)
        when = {source.header[positions["occurred_at"]]: positions["occurred_at"]}
        formats = date_formats_in(path, facts, when)
        parser = _Parser(source.header, positions, words, formats)
        result = FileImportResult(
            source_format="activities",
            dates_read={header: found.describe() for header, found in formats.items()},
        )

        def write(ready: list[_Activity], report: ErrorReport | None) -> None:
            with unit_of_work() as session:
                _store(session, ready, result, report, parser)

        return import_in_chunks(
            source,
            parse=parser.parse,
            parsed=_Activity,
            write=write,
            result=result,
            errors_path=errors_path,
            chunk_size=chunk_size,
        )


def _locate(header: list[str]) -> dict[str, int]:
    """Field -> column position, by the exports' header names."""
    positions = cells.locate(header, COLUMNS)
    if not any(key in positions for key in CONTACT_KEYS):
        record_id = cells.locate(header, {"contact_id": (RECORD_ID,)})
        if record_id:
            positions |= record_id
            columns = {"activity_id": tuple(c for c in COLUMNS["activity_id"] if c != RECORD_ID)}
            positions.pop("activity_id", None)
            positions |= cells.locate(header, columns)
    return positions


def _check_columns(positions: dict[str, int]) -> None:
    missing = [COLUMNS[field][0] for field in REQUIRED if field not in positions]
    if not any(key in positions for key in CONTACT_KEYS):
        missing.insert(0, f"{COLUMNS['email'][0]} or {COLUMNS['contact_id'][0]}")
    if missing:
        raise ValidationFailed(
            "not an activities export Huddle can read",
            [
                FieldError(
                    "file",
                    f"no {' or '.join(missing)} column: an activity needs its contact's "
                    "email or record id, its type and its date",
                )
            ],
        )


class _Parser:
    def __init__(
        self,
        header: list[str],
        positions: dict[str, int],
        words: dict[str, str],
        date_formats: Mapping[str, FormatFound],
    ):
        self._header = header
        self._positions = positions
        self._words = words
        found = date_formats.get(self._column("occurred_at"))
        # The format the dates of the file are written in, when one was found.
        self._date_format = found.date_format if found is not None else None
        # A tasks export: a task of no type is a task done.
        self._tasks = any(cells.squash(name) in _TASK_EXPORT_HEADERS for name in header)
        self.email_column = self._column("email")
        self.key_column = self._column("contact_id")
        # The column a row's contact is named by: its email's, else its record id's.
        self.contact_column = self.email_column if "email" in positions else self.key_column

    def _cell(self, row: SourceRow, name: str) -> str:
        position = self._positions.get(name)
        if position is None or position >= len(row.cells):
            return ""
        value = row.cells[position].strip()
        return "" if cells.is_empty(value) else value

    def _column(self, name: str) -> str:
        position = self._positions.get(name)
        return name if position is None else self._header[position]

    def parse(self, row: SourceRow) -> _Activity | LeftOut | list[Problem]:
        if row.broken is not None:
            return [row.broken]
        still_open = self._still_open(row)
        if still_open is not None:
            return LeftOut(still_open)
        problems: list[Problem] = []
        email = self._email(row, problems)
        contact_key = self._cell(row, "contact_id") or None
        rounded = rounded_by_excel(contact_key) if contact_key else None
        if rounded is not None:
            problems.append((self._column("contact_id"), rounded))
        if email is None and contact_key is None and not problems:
            keys = " or ".join(
                {"email": "email", "contact_id": "record id"}[key]
                for key in CONTACT_KEYS
                if key in self._positions
            )
            problems.append((self.contact_column, f"names no {keys}; every activity needs one"))
        kind = self._cell(row, "type")
        type_name = self._words.get(cells.squash(kind))
        if not kind and self._tasks:
            # A tasks export's task of no type: a task done (if the type is registered).
            type_name = self._words.get(cells.squash(TASK_TYPE))
        if type_name is None:
            problems.append(
                (
                    self._column("type"),
                    f"{kind!r} is not a registered event type: register it in Settings → "
                    "Tracking, or use one of theirs (email_opened, meeting_held, ...)"
                    if kind
                    else "is empty; every activity needs its type",
                )
            )
        occurred_at: datetime | None = None
        try:
            occurred_at = cells.parse_datetime(self._cell(row, "occurred_at"), self._date_format)
        except cells.CellError as exc:
            problems.append((self._column("occurred_at"), str(exc)))
        else:
            if occurred_at is None:
                problems.append((self._column("occurred_at"), "is empty; when did it happen?"))
        if problems or type_name is None or occurred_at is None:
            return problems
        properties: dict[str, Any] = {"source": "import"}
        for name in ("subject", "url"):
            if value := self._cell(row, name):
                properties[name] = value[:2000]
        contact = email or f"id:{contact_key}"
        key = self._key(row, contact, type_name, occurred_at, properties)
        touch = contacts.TouchRow(
            type=type_name, occurred_at=occurred_at, properties=properties, idempotency_key=key
        )
        return _Activity(row.line, row.cells, email, contact_key, touch)

    def _still_open(self, row: SourceRow) -> Problem | None:
        """Why a task of a tasks export is left out, if it is not done: it has not
        happened yet, so it is no touch (its closed flag says, else its status)."""
        closed = self._cell(row, "closed")
        if closed:
            try:
                done = cells.parse_bool(closed)
            except cells.CellError:
                done = None
            if done is not None:
                return None if done else (self._column("closed"), _OPEN_TASK)
        status = self._cell(row, "status")
        if cells.squash(status) in OPEN_STATUSES:
            return (self._column("status"), f"{status!r}: {_OPEN_TASK}")
        return None

    def _email(self, row: SourceRow, problems: list[Problem]) -> str | None:
        """The row's email; a row without one may name its contact by record id."""
        found = cells.emails_in(self._cell(row, "email"))
        if not found:
            return None
        try:
            return normalize_email(found[0])
        except InvalidEmail as exc:
            problems.append((self._column("email"), str(exc)))
            return None

    def _key(
        self,
        row: SourceRow,
        contact: str,
        type_name: str,
        occurred_at: datetime,
        properties: dict[str, Any],
    ) -> str:
        """The activity's id in its CRM, else what tells the row apart: its contact, type,
        time and subject, hashed."""
        activity_id = self._cell(row, "activity_id")
        if activity_id:
            return f"import:{activity_id}"[:190]
        what = "|".join(
            [contact, type_name, occurred_at.isoformat(), properties.get("subject", "")]
        )
        return "import:" + hashlib.sha256(what.encode()).hexdigest()


def _store(
    session: Session,
    activities: list[_Activity],
    result: FileImportResult,
    report: ErrorReport | None,
    parser: _Parser,
) -> None:
    by_email, known = contacts.find_contacts(
        session, emails=sorted({a.email for a in activities if a.email}), contact_ids=[]
    )
    by_key, key_accounts = contacts.find_contacts_by_external_id(
        session, sorted({a.contact_key for a in activities if a.contact_key})
    )
    known |= key_accounts
    ready: list[_Activity] = []
    for activity in activities:
        contact_id = by_email.get(activity.email or "") or by_key.get(activity.contact_key or "")
        if contact_id is None:
            result.tell(report, activity.line, [_unknown(activity, parser)], activity.cells)
            continue
        activity.touch.contact_id = contact_id
        ready.append(activity)
    ids = contacts.record_touches(session, [a.touch for a in ready], actor=TOUCH_ACTOR, known=known)
    stored = sum(1 for touch_id in ids if touch_id is not None)
    result.created += stored
    result.unchanged += len(ids) - stored


def _unknown(activity: _Activity, parser: _Parser) -> Problem:
    """Why a row's contact was found by neither its email nor its record id."""
    tried = []
    if activity.email:
        tried.append(f"email {activity.email} ({parser.email_column})")
    if activity.contact_key:
        tried.append(f"record id {activity.contact_key} ({parser.key_column})")
    column = parser.email_column if activity.email else parser.key_column
    return column, f"no contact with {' or '.join(tried)} (import it first)"
