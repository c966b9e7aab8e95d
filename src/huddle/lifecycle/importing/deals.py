"""Importing deals: a HubSpot deals or Salesforce opportunities export, a chunk per
transaction, the deals of a chunk written together.

Each row is a deal keyed by its id in the source CRM (``Opportunity.external_id``), so a
re-import updates deals instead of adding them twice. A deal is linked to its contacts by
email and by their record id in the source CRM (``Contact.external_id``, for contacts
without email; ``find_contact_ids``), and to its account: the company the row names, else
its first contact's account; a company Huddle does not know yet is created, by name.

The file is history. Its dates are the deals' (created, closed); a won deal makes its
contacts customers with its close date, through the stages the allowed transitions require
(``win_contacts``); a lost deal makes its Opportunity contacts Lost with its close date,
unless another open deal still engages them; a new open deal makes its earlier-stage
contacts Opportunities with its created date where that move is allowed. These moves are
recorded with their dates and start nothing in the present (no SLA clock, hand-off,
notification or webhook), and the deals publish no events: they were created and closed
long ago.

Rows that cannot go in are reported with the reason and change nothing. Rows that go in
with something a person should know (a contact a won deal could not make a customer, an
owner or contact Huddle does not know) are reported too: never a silent no-op.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import cells, clock, permissions
from huddle.core.actor import Actor
from huddle.core.csvfiles import CsvSource, SourceRow, inspect_file
from huddle.core.csvreport import (
    ErrorReport,
    FileImportResult,
    date_formats_in,
    decimal_marks_in,
    import_in_chunks,
)
from huddle.core.dateformats import FormatFound
from huddle.core.numbers import DecimalMark
from huddle.core.permissions import Action
from huddle.core.recordids import case_safe, is_salesforce_id, rounded_by_excel
from huddle.core.stages import FUNNEL, OPEN_PIPELINE_STAGES, PIPELINE_STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.importing.formats import MAPPED, DealsLayout, detect_layout, known_stages
from huddle.lifecycle.importing.formats import pipeline_stage as stage_of
from huddle.lifecycle.models import Opportunity
from huddle.lifecycle.service import ContactWin, PastMoves
from huddle.lifecycle.service.opportunities import moved_by_deal

CHUNK_SIZE = 5_000
# The fields whose cells are dates, each column's format found over the file.
_DATES = ("created_at", "close_date", "won_date", "lost_date")
# The deal fields a re-import compares and updates.
_FIELDS = (
    "name",
    "account_id",
    "primary_contact_id",
    "amount",
    "currency",
    "expected_close_date",
    "pipeline_stage",
    "owner_id",
    "status",
    "closed_at",
    "lost_reason",
    "created_at",
)
# Words of a CRM's own closed-lost stages ("Churned", "Closed Lost - Renewal").
_LOST_WORDS = frozenset({"lost", "churned", "churn", "cancelled", "canceled"})
# Contacts in these stages become Opportunities when an open (or lost) deal names them.
_BEFORE_OPPORTUNITY = frozenset(FUNNEL[: FUNNEL.index("opportunity")]) | {"recycled"}

Problem = tuple[str, str]  # (column, reason)
UnitOfWork = Callable[[], AbstractContextManager[Session]]


@dataclass(slots=True)
class DealRow:
    """A row read and checked: the deal it describes."""

    line: int
    cells: list[str]
    external_id: str
    values: dict[str, Any]
    emails: list[str]
    # The contacts' record ids in the source CRM (Contact.external_id).
    contact_keys: list[str]
    company: str | None
    won_reason: str | None
    notes: list[Problem]


@dataclass(frozen=True, slots=True)
class ContactIds:
    """The contacts a chunk's rows name: contact id by normalised email and by record id."""

    by_email: dict[str, int]
    by_external_id: dict[str, int]

    def all(self) -> list[int]:
        return sorted({*self.by_email.values(), *self.by_external_id.values()})


def find_contact_ids(
    session: Session, emails: Iterable[str], external_ids: Iterable[str]
) -> ContactIds:
    """The one place the import links rows to contacts: one query per key for a chunk."""
    by_email, _ = contacts_service.find_contacts(
        session, emails=sorted(set(emails)), contact_ids=[]
    )
    by_external_id, _ = contacts_service.find_contacts_by_external_id(
        session, sorted(set(external_ids))
    )
    return ContactIds(by_email, by_external_id)


def import_deals(
    unit_of_work: UnitOfWork,
    path: Path,
    *,
    filename: str,
    actor: Actor,
    errors_path: Path | None = None,
    chunk_size: int = CHUNK_SIZE,
    mapping: Mapping[str, str] | None = None,
) -> FileImportResult:
    """Import the deals of ``path``, one transaction per chunk of rows, its columns read
    by their header (a known export) or by ``mapping`` ({column: field}, ``DEAL_FIELDS``).

    Raises ValidationFailed (nothing imported) when the file is not a deals export Huddle
    knows, the mapping cannot be used, or the file cannot be read. Failing and reported
    rows go to the error report at ``errors_path`` (line, column, reason, the row) and,
    the first ``LISTED_PROBLEMS``, to the result.
    """
    permissions.require(actor, Action.CONTACT_IMPORT)
    facts = inspect_file(path)
    with CsvSource(path, facts) as source:
        layout = detect_layout(source.header, mapping)
        with unit_of_work() as session:
            owners = _owners(session)
        # In the file's order, as the page lists them.
        dated = {
            layout.column(f): layout.positions[f]
            for f in sorted(_DATES, key=lambda f: layout.positions.get(f, -1))
            if f in layout.positions
        }
        formats = date_formats_in(path, facts, dated)
        amounts = {
            layout.column(f): layout.positions[f] for f in ("amount",) if f in layout.positions
        }
        marks = decimal_marks_in(path, facts, amounts) if amounts else {}
        parser = _Parser(layout, owners, formats, marks)
        columns = {key: _header_of(layout, key) for key in ("contacts", "contact_ids")}
        result = FileImportResult(
            source_format=layout.source.key,
            source_label=layout.source.label,
            dates_read={header: found.describe() for header, found in formats.items()},
        )
        importer = Actor("import", user_id=actor.user_id, label=f"deals import of {filename}"[:200])

        def write(parsed: list[DealRow], report: ErrorReport | None) -> None:
            with unit_of_work() as session:
                _Chunk(session, result, report, importer, filename, columns).write(parsed)

        return import_in_chunks(
            source,
            parse=parser.parse,
            parsed=DealRow,
            write=write,
            result=result,
            errors_path=errors_path,
            chunk_size=chunk_size,
        )


def _header_of(layout: DealsLayout, field: str) -> str:
    """The header of a field's column, or the field's name when the file has none."""
    return layout.column(field) if field in layout.positions else field


def _owners(session: Session) -> dict[str, int]:
    """Users by lower-cased email and name: how the exports name a deal's owner."""
    found: dict[str, int] = {}
    for user in auth_service.list_users(session, include_inactive=True):
        found.setdefault(user.name.strip().lower(), user.id)
        found[user.email.lower()] = user.id
    return found


class _Parser:
    """Checks a row's cells and turns them into a deal's values, or says why it cannot."""

    def __init__(
        self,
        layout: DealsLayout,
        owners: dict[str, int],
        dates: Mapping[str, FormatFound],
        decimal_marks: Mapping[str, DecimalMark],
    ) -> None:
        self._layout = layout
        self._owners = owners
        # "1.250" is 1250 in a column whose other amounts write "4.800,00" (one file, one
        # locale); 1.25 where nothing tells.
        self._amount = partial(
            cells.parse_amount, decimal_mark=decimal_marks.get(self._column("amount"))
        )
        # How each date field's cells are read: in their column's format (made once, not
        # for every row).
        self._moments = {
            name: partial(cells.parse_datetime, date_format=self._format_of(name, dates))
            for name in _DATES
        }

    def _format_of(self, name: str, dates: Mapping[str, FormatFound]) -> str | None:
        found = dates.get(self._column(name))
        return found.date_format if found is not None else None

    def _cell(self, row: SourceRow, name: str) -> str:
        position = self._layout.positions.get(name)
        if position is None or position >= len(row.cells):
            return ""
        value = row.cells[position].strip()
        return "" if cells.is_empty(value) else value

    def _column(self, name: str) -> str:
        return _header_of(self._layout, name)

    def parse(self, row: SourceRow) -> DealRow | list[Problem]:
        if row.broken is not None:
            return [row.broken]
        problems: list[Problem] = []
        notes: list[Problem] = []

        def checked(name: str, parse: Callable[[str], Any]) -> Any:
            try:
                return parse(self._cell(row, name))
            except cells.CellError as exc:
                problems.append((self._column(name), str(exc)))
                return None

        external_id = self._cell(row, "external_id")
        name = self._cell(row, "name")
        if not name and self._layout.source is MAPPED and external_id:
            # A file mapped by hand may name its deals in no column: named after its id.
            name = f"Deal {external_id}"
        for key, value in (("external_id", external_id), ("name", name)):
            if not value:
                problems.append((self._column(key), "is empty; every deal needs one"))
        money = checked("amount", self._amount)
        amount = money.value if money is not None else None
        if amount is not None and amount < 0:
            problems.append((self._column("amount"), "is negative"))
        # The currency column's, else the one the amount's sign names ("€4.800,00").
        named = money.currency if money is not None else None
        currency = (self._cell(row, "currency") or named or "USD").upper()
        if len(currency) != 3 or not currency.isalpha():
            problems.append((self._column("currency"), f"{currency!r} is not a currency code"))
        created_at = checked("created_at", self._moments["created_at"])
        close = checked("close_date", self._moments["close_date"])
        status, stage = self._status(row, problems, notes)
        # A won or lost date says both what happened and when.
        for outcome in ("won", "lost"):
            ended = checked(f"{outcome}_date", self._moments[f"{outcome}_date"])
            if ended is not None and not problems:
                status, stage, close = outcome, f"closed_{outcome}", ended
        if status != "open" and close is None and not problems:
            problems.append(
                (self._column("close_date"), f"is empty; a {status} deal needs its close date")
            )
        owner_id = self._owner(row, notes)
        contact_keys = cells.record_ids_in(self._cell(row, "contact_ids"))
        for key, value in (
            ("external_id", external_id),
            *(("contact_ids", k) for k in contact_keys),
        ):
            rounded = rounded_by_excel(value)
            if rounded is not None:
                problems.append((self._column(key), rounded))
        contacts_cell = self._cell(row, "contacts")
        emails = self._emails(contacts_cell, notes, keyed=bool(contact_keys))
        if problems:
            return problems
        return DealRow(
            line=row.line,
            cells=row.cells,
            # Kept as ids are (a Salesforce report's 15 characters as the export's 18), so
            # a report and an export of the same deals update one deal each.
            external_id=f"{self._layout.source.key}:{case_safe(external_id)}"[:200],
            values={
                "name": name[:300],
                "amount": amount or 0.0,
                "currency": currency,
                "expected_close_date": close.date() if close and status == "open" else None,
                "pipeline_stage": stage,
                "owner_id": owner_id,
                "status": status,
                "closed_at": close if status != "open" else None,
                "lost_reason": (self._cell(row, "lost_reason") or None)
                if status == "lost"
                else None,
                "created_at": created_at,
            },
            emails=emails,
            contact_keys=contact_keys,
            company=self._cell(row, "company")[:300] or None,
            won_reason=self._cell(row, "won_reason") or None,
            notes=notes,
        )

    def _status(
        self, row: SourceRow, problems: list[Problem], notes: list[Problem]
    ) -> tuple[str, str]:
        """(open/won/lost, Huddle's pipeline stage) from the stage and the won/closed flags."""
        flags: dict[str, bool | None] = {}
        for name in ("is_won", "is_closed"):
            try:
                flags[name] = cells.parse_bool(self._cell(row, name))
            except cells.CellError as exc:
                problems.append((self._column(name), str(exc)))
                flags[name] = None
        stage_cell = self._cell(row, "stage")
        stage = stage_of(stage_cell) if stage_cell else None
        won = flags["is_won"] if flags["is_won"] is not None else stage == "closed_won"
        closed = flags["is_closed"] if flags["is_closed"] is not None else False
        if won:
            return "won", "closed_won"
        if closed or stage == "closed_lost":
            return "lost", "closed_lost"
        if stage in OPEN_PIPELINE_STAGES:
            return "open", stage
        if not stage_cell:
            return "open", OPEN_PIPELINE_STAGES[0]
        # A pipeline of the CRM's own ("Renewal Won", "Churned", "Renewal Due"): its words
        # say whether the deal is closed; an open one starts Huddle's pipeline. Either way
        # the row says so.
        words = set(re.findall(r"[a-z']+", stage_cell.lower()))
        status = "won" if "won" in words else "lost" if words & _LOST_WORDS else "open"
        stage = {"won": "closed_won", "lost": "closed_lost"}.get(status, OPEN_PIPELINE_STAGES[0])
        notes.append(
            (
                self._column("stage"),
                f"{stage_cell!r} is not a deal stage Huddle knows ({known_stages()}, and the "
                f"default HubSpot and Salesforce stages): imported as {PIPELINE_STAGES[stage][0]}",
            )
        )
        return status, stage

    def _owner(self, row: SourceRow, notes: list[Problem]) -> int | None:
        owner = self._cell(row, "owner")
        if not owner:
            return None
        owner_id = self._owners.get(owner.lower())
        if owner_id is None:
            why = (
                f"{owner!r} is a Salesforce user id, and Huddle finds users by email or name"
                if is_salesforce_id(owner)
                else f"{owner!r} is no Huddle user"
            )
            notes.append((self._column("owner"), f"{why}: the deal is unassigned"))
        return owner_id

    def _emails(self, text: str, notes: list[Problem], *, keyed: bool) -> list[str]:
        """The row's contacts' emails; a cell naming none is worth a note unless the row
        names its contacts by record id."""
        emails = []
        for raw in cells.emails_in(text):
            try:
                emails.append(normalize_email(raw))
            except InvalidEmail as exc:
                notes.append((self._column("contacts"), f"{raw!r}: {exc}"))
        if text and not emails and not notes and not keyed:
            notes.append(
                (
                    self._column("contacts"),
                    f"{text!r} names no email: no contact is linked (export the contacts' "
                    "email or record id with the deals)",
                )
            )
        return emails


@dataclass(frozen=True, slots=True)
class _Moves:
    """What a written deal does to its contacts (``won``: a deal won, or contacts new on a
    won deal; ``lost``: a deal lost now)."""

    deal_id: int
    row: DealRow
    contact_ids: list[int]
    won: bool
    lost: bool


class _Chunk:
    """The writes of one chunk of checked rows, in one transaction."""

    def __init__(
        self,
        session: Session,
        result: FileImportResult,
        report: ErrorReport | None,
        actor: Actor,
        filename: str,
        columns: dict[str, str],
    ) -> None:
        self.session = session
        # The header of the contacts' email and record id columns, for the notes.
        self.columns = columns
        self.result = result
        self.report = report
        self.actor = actor
        self.filename = filename
        self.allowed = repository.allowed_pairs(session)
        self.moves = PastMoves(self.allowed, {})
        self.pending: list[_Moves] = []

    def write(self, rows: list[DealRow]) -> None:
        session = self.session
        contact_ids = find_contact_ids(
            session,
            (e for row in rows for e in row.emails),
            (k for row in rows for k in row.contact_keys),
        )
        existing = repository.opportunities_by_external_id(
            session, sorted({row.external_id for row in rows})
        )
        named = repository.accounts_by_name(session, sorted({r.company for r in rows if r.company}))
        _, account_of = contacts_service.find_contacts(
            session, emails=[], contact_ids=contact_ids.all()
        )
        entries = repository.contact_stage_entries(session, contact_ids.all())
        self.moves.stages = {contact_id: stage for contact_id, (stage, _) in entries.items()}
        self.moves.since = {contact_id: at for contact_id, (_, at) in entries.items()}
        now = clock.now()
        fresh: list[tuple[DealRow, list[int]]] = []
        seen: dict[str, int] = {}
        for row in rows:
            if row.external_id in seen:
                self._refuse(row, [("", f"the same deal id as line {seen[row.external_id]}")])
                continue
            seen[row.external_id] = row.line
            linked = self._linked(row, contact_ids)
            account_id = self._account(row, named, linked, account_of)
            if account_id is None:
                self._refuse(
                    row,
                    [
                        (
                            "",
                            "no account to put the deal in: the row names no company, "
                            "and no contact Huddle has (import the contacts first, then "
                            "this file again)",
                        )
                    ],
                )
                continue
            deal = existing.get(row.external_id)
            # A file without created dates: a new deal is created now (a closed one when it
            # closed: never after), an imported one keeps the date it has (a re-import must
            # not move it).
            closed = row.values["closed_at"]
            fresh_at = now if closed is None else min(now, closed)
            created = row.values["created_at"] or (deal.created_at if deal else fresh_at)
            values = row.values | {
                "account_id": account_id,
                "primary_contact_id": linked[0] if linked else None,
                "created_at": created,
            }
            row.values = values
            if deal is None:
                fresh.append((row, linked))
            else:
                self._update(deal, row, linked, now)
        self._create(fresh, now)
        self._move_contacts()
        self.moves.write(session)

    def _linked(self, row: DealRow, contact_ids: ContactIds) -> list[int]:
        """The row's contacts, those named by email first (the primary contact is the
        first). A key that finds no contact is noted, unless the row has both keys and
        the other one found as many contacts as the row names (the same people)."""
        linked: list[int] = []
        unknown: list[str] = []
        for keys, found, what, column in (
            (row.emails, contact_ids.by_email, "email", "contacts"),
            (row.contact_keys, contact_ids.by_external_id, "record id", "contact_ids"),
        ):
            for key in keys:
                contact_id = found.get(key)
                if contact_id is None:
                    unknown.append(f"no contact with {what} {key} ({self.columns[column]})")
                elif contact_id not in linked:
                    linked.append(contact_id)
        if unknown and len(linked) < max(len(row.emails), len(row.contact_keys)):
            row.notes.append(
                (
                    "",
                    f"{'; '.join(unknown)}: not linked (import the contacts, then this file again)",
                )
            )
        return linked

    def _account(
        self,
        row: DealRow,
        named: dict[str, int],
        linked: list[int],
        account_of: dict[int, int | None],
    ) -> int | None:
        """The company the row names, else the first contact's account, else a new account
        with the company's name, else the first contact's own account."""
        if row.company and row.company in named:
            return named[row.company]
        for contact_id in linked:
            account_id = account_of.get(contact_id)
            if account_id is not None:
                return account_id
        company = row.company or self._person_account(linked)
        if not company:
            return None
        account = contacts_service.account_for_company(self.session, name=company)
        if account is None:
            return None
        named[company] = account.id
        return account.id

    def _person_account(self, linked: list[int]) -> str | None:
        """A deal with a person but no company (a small business, a consumer: a funnel
        export's leads) is the person's own account, named after them, as a CRM's
        person account."""
        if not linked:
            return None
        person = contacts_service.get_contact(self.session, linked[0])
        full = " ".join(filter(None, (person.first_name, person.last_name)))
        return (full or person.email or f"Contact {person.external_id}")[:300]

    def _create(self, fresh: list[tuple[DealRow, list[int]]], now: datetime) -> None:
        ids = repository.insert_opportunities(
            self.session,
            [{**row.values, "external_id": row.external_id, "updated_at": now} for row, _ in fresh],
        )
        repository.add_roles(
            self.session,
            [
                {
                    "opportunity_id": deal_id,
                    "contact_id": contact_id,
                    "role": "imported",
                    "added_at": now,
                }
                for row, linked in fresh
                for contact_id in linked
                for deal_id in (ids[row.external_id],)
            ],
        )
        self.result.created += len(fresh)
        for row, linked in fresh:
            status = row.values["status"]
            self.pending.append(
                _Moves(
                    ids[row.external_id], row, linked, won=status == "won", lost=status == "lost"
                )
            )

    def _update(
        self,
        deal: Opportunity,
        row: DealRow,
        linked: list[int],
        now: datetime,
    ) -> None:
        values = row.values
        newly_won = deal.status != "won" and values["status"] == "won"
        newly_lost = deal.status != "lost" and values["status"] == "lost"
        changed = [name for name in _FIELDS if _differs(getattr(deal, name), values[name])]
        for name in changed:
            setattr(deal, name, values[name])
        roles = repository.roles_on(self.session, [deal.id])
        added = [c for c in linked if (deal.id, c) not in roles]
        repository.add_roles(
            self.session,
            [
                {"opportunity_id": deal.id, "contact_id": c, "role": "imported", "added_at": now}
                for c in added
            ],
        )
        if changed or added:
            deal.updated_at = now
            self.session.flush()
            self.result.updated += 1
        else:
            self.result.unchanged += 1
        # A deal won before moved its contacts then; only contacts new on it move now.
        movers = linked if newly_won or deal.status != "won" else added
        self.pending.append(_Moves(deal.id, row, movers, won=deal.status == "won", lost=newly_lost))

    def _move_contacts(self) -> None:
        """The contacts' moves of the chunk's deals, once every deal of it is written (a
        lost deal's contact engaged in another open deal stays an Opportunity)."""
        lost = sorted({c for m in self.pending if m.lost for c in m.contact_ids})
        engaged = repository.contacts_on_other_open_deals(self.session, lost, besides=0)
        for planned in self.pending:
            self._move(planned, engaged)
            self._tell(planned.row)
        self.pending.clear()

    def _move(self, planned: _Moves, engaged: set[int]) -> None:
        row, contact_ids = planned.row, planned.contact_ids
        values = row.values
        deal_actor = moved_by_deal(planned.deal_id, self.actor)
        moved: set[int] = set()
        if planned.won:
            reason = f"deal won (imported from {self.filename})"
            if row.won_reason:
                reason += f": {row.won_reason}"
            outcomes = self.moves.win(
                contact_ids,
                at=values["closed_at"],
                opened=values["created_at"],
                actor=deal_actor,
                reason=reason[:2000],
            )
            moved.update(o.contact_id for o in outcomes if o.moved)
            self._note(row, outcomes, "the deal is won, but")
        elif planned.lost or values["status"] == "open":
            moved.update(self._on_the_deal(planned, contact_ids, deal_actor))
        if planned.lost:
            reason = f"deal lost (imported from {self.filename})"
            if values["lost_reason"]:
                reason += f": {values['lost_reason']}"
            for contact_id in contact_ids:
                if (
                    self.moves.stages[contact_id] == "opportunity"
                    and contact_id not in engaged
                    and self.moves.move(
                        contact_id,
                        "lost",
                        at=values["closed_at"],
                        actor=deal_actor,
                        reason=reason[:2000],
                    )
                ):
                    moved.add(contact_id)
        self.result.contacts_moved += len(moved)

    def _on_the_deal(self, planned: _Moves, contact_ids: list[int], actor: Actor) -> set[int]:
        """An open or lost deal's earlier-stage contacts were Opportunities from the deal's
        creation (through the stages the configuration requires on the way, as a won
        deal's): the past the file tells, as a deal made in Huddle would move them. One the
        configuration gives no way there is noted on the row. The contacts moved."""
        values = planned.row.values
        opened = values["created_at"]
        if planned.lost and values["closed_at"] is not None:
            opened = min(opened, values["closed_at"])
        earlier = [c for c in contact_ids if self.moves.stages[c] in _BEFORE_OPPORTUNITY]
        outcomes = self.moves.reach(
            earlier,
            "opportunity",
            at=opened,
            opened=opened,
            actor=actor,
            reason=f"on opportunity {values['name']} (imported)"[:2000],
        )
        self._note(planned.row, outcomes, "the deal is one of its opportunities, but")
        return {outcome.contact_id for outcome in outcomes if outcome.moved}

    @staticmethod
    def _note(row: DealRow, outcomes: list[ContactWin], what: str) -> None:
        for outcome in outcomes:
            if outcome.problem is not None:
                row.notes.append(("", f"{what} contact #{outcome.contact_id} {outcome.problem}"))

    def _tell(self, row: DealRow) -> None:
        if row.notes:
            self.result.tell(self.report, row.line, row.notes, row.cells, failed=False)

    def _refuse(self, row: DealRow, problems: list[Problem]) -> None:
        self.result.tell(self.report, row.line, [*row.notes, *problems], row.cells)


def _differs(current: object, new: object) -> bool:
    if isinstance(current, datetime) and isinstance(new, datetime):
        return current.replace(tzinfo=None) != new.replace(tzinfo=None)
    if isinstance(current, date) and isinstance(new, date):
        return current != new
    return current != new
