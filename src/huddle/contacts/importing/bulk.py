"""Writing one chunk of checked rows: a handful of statements, whatever the chunk's size.

The rules are ``contacts.service.upsert_contact``'s, from the same module
(``contacts.service.upsert_rules``), applied to a set of rows at once: a row is matched by
its email, else its external id (or the other way round, ``ChunkContext.key``); on an
existing contact only the fields given change; the account comes from the company name,
then the company domain (or the email's, never a free-mail or reserved one), created and
enriched when new; consent changes are recorded and announced; one ``ContactsCreated``
announces the chunk's new contacts, one ``ContactsChanged`` its changed ones, and an
``OwnerChanged`` each new owner of an existing contact, as the API's updates do. What the
import does beyond ``upsert_contact``: a stage given for an existing contact moves it
through the lifecycle domain (``contacts.service.stage_mover``), and a move the
configuration does not allow fails that row.

Rows of one contact in a chunk (by either key) are applied in file order, like
consecutive upserts, but only the net change is written, so importing the same file
twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal

from sqlalchemy.orm import Session

from huddle.contacts.enrichment import (
    CompanyData,
    EnrichmentProvider,
    TableProvider,
    enrich_account,
)
from huddle.contacts.events import ConsentChanged, ContactsChanged, ContactsCreated, NewContact
from huddle.contacts.importing import history, repository
from huddle.contacts.importing.fast import DEFAULTS
from huddle.contacts.importing.rows import FailedRow, ParsedRow, Problem
from huddle.contacts.models import Account
from huddle.contacts.schemas import (
    ACCOUNT_FIRMOGRAPHICS,
    CONSENT_FIELDS,
    CONTACT_PROFILE_FIELDS,
)
from huddle.contacts.schemas.normalize import company_domain_of
from huddle.contacts.service import (
    StageMover,
    clean_custom_values,
    set_created_dates,
    stage_mover,
)
from huddle.contacts.service import upsert_rules as rules
from huddle.contacts.service.common import announce_owner_change
from huddle.contacts.service.upsert_rules import CompanyOf, DedupeKey
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.stages import STAGES

Outcome = Literal["created", "updated", "unchanged"]
# A new contact's row: what its state holds, then what the import sets.
_STATE_COLUMNS = ("email", "external_id", *CONTACT_PROFILE_FIELDS, *CONSENT_FIELDS)
_INSERT_COLUMNS = (
    *_STATE_COLUMNS,
    "lifecycle_stage",
    "account_id",
    "custom",
    "stage_entered_at",
    "score",
    "created_at",
    "updated_at",
)
_state_values = itemgetter(*_STATE_COLUMNS)
_FIRST_STAGE = DEFAULTS["lifecycle_stage"]
_CLASH = "its email and its external id belong to two different contacts"
# One object for every contact without custom values, so it is serialised once a chunk.
_NO_CUSTOM: dict[str, Any] = {}
_ACCOUNT_COLUMNS = ("domain", *ACCOUNT_FIRMOGRAPHICS, "enriched_fields")


@dataclass
class KnownAccounts:
    """Account ids already resolved by earlier chunks of the same import, so a file of a
    million contacts at a few thousand companies asks the database about each company once.
    A name keeps the id it first resolved to: the oldest account of that name."""

    by_name: dict[str, int] = field(default_factory=dict)
    by_domain: dict[str, int] = field(default_factory=dict)
    # The company domain of each email domain seen (None for free mail).
    company_domains: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ChunkContext:
    actor: Actor
    header_of: Callable[[str], str]
    provider: EnrichmentProvider | None = None
    # Written on stage moves the import makes ("import #12").
    reason: str | None = None
    # Written on the past moves a file dates: the file's name.
    source: str | None = None
    # The key rows are matched by first (the other one serves rows without it).
    key: DedupeKey = "email"
    known: KnownAccounts = field(default_factory=KnownAccounts)


@dataclass
class ChunkResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[FailedRow] = field(default_factory=list)
    # Rows that went in with something to check (``ParsedRow.notes``), with it.
    noted: list[FailedRow] = field(default_factory=list)


class _NewAccount:
    """An account this chunk creates; its id is known once the chunk's accounts are inserted."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.id: int | None = None


AccountRef = int | _NewAccount | None
# The (company domain, company name) an account is found by.
CompanyKey = tuple[str | None, str | None]


class _PrefetchedTable:
    """The table provider, with the chunk's domains fetched in one query up front."""

    def __init__(self, session: Session, domains: set[str]) -> None:
        # Held here: the session only keeps weak references to the rows it loaded.
        self._rows = {row.domain: row for row in repository.enrichment_companies(session, domains)}
        self._table = TableProvider(session)

    def lookup(self, domain: str) -> CompanyData | None:
        # The query above put the rows in the session, so this reads them without SQL.
        return self._table.lookup(domain) if domain in self._rows else None


class _AccountBook:
    """``upsert_rules.resolve_account``'s lookups over a whole chunk: the names and domains
    of its rows asked of the database at once; new accounts inserted together."""

    def __init__(
        self,
        session: Session,
        names: set[str],
        domains: set[str],
        context: ChunkContext,
    ) -> None:
        self._session = session
        known = self._known = context.known
        known.by_name.update(repository.account_ids_by_name(session, names - known.by_name.keys()))
        known.by_domain.update(
            repository.account_ids_by_domain(session, domains - known.by_domain.keys())
        )
        self._by_name: dict[str, AccountRef] = {
            n: known.by_name[n] for n in names & known.by_name.keys()
        }
        self._by_domain: dict[str, AccountRef] = {
            d: known.by_domain[d] for d in domains & known.by_domain.keys()
        }
        self._provider = context.provider or _PrefetchedTable(
            session, domains - self._by_domain.keys()
        )
        self.created: list[_NewAccount] = []

    def resolve(self, company: CompanyOf) -> AccountRef:
        if company.detach:
            return None
        lookups: rules.AccountLookups[int | _NewAccount] = self
        return rules.resolve_account(lookups, company.domain, company.name)

    def by_name(self, name: str) -> AccountRef:
        return self._by_name.get(name)

    def by_domain(self, domain: str) -> AccountRef:
        return self._by_domain.get(domain)

    def create(self, name: str, domain: str | None, *, enriched: list[str]) -> _NewAccount:
        account = Account(name=name, domain=domain, enriched_fields=enriched)
        enrich_account(self._session, account, self._provider)
        values = {column: getattr(account, column) for column in _ACCOUNT_COLUMNS}
        values["technologies"] = values["technologies"] or []
        new = _NewAccount(values)
        self.created.append(new)
        self._by_name.setdefault(account.name, new)
        if domain is not None:
            self._by_domain[domain] = new
        return new

    def insert(self, now: Any) -> None:
        rows = [
            {**new.values, "custom": {}, "is_target": False, "created_at": now, "updated_at": now}
            for new in self.created
        ]
        for new, account_id in zip(
            self.created, repository.insert_accounts(self._session, rows), strict=True
        ):
            new.id = account_id
            self._known.by_name.setdefault(new.values["name"], account_id)
            if new.values["domain"] is not None:
                self._known.by_domain[new.values["domain"]] = account_id


def _account_id(ref: AccountRef) -> int | None:
    return ref.id if isinstance(ref, _NewAccount) else ref


class _Domains:
    """The company domain of an email's domain: thousands of rows share a few domains, so
    each is normalised once an import."""

    def __init__(self, known: KnownAccounts) -> None:
        self._by_email_domain = known.company_domains

    def of(self, email: str) -> str | None:
        email_domain = email.rpartition("@")[2]
        try:
            return self._by_email_domain[email_domain]
        except KeyError:
            domain = self._by_email_domain[email_domain] = company_domain_of(email)
            return domain


@dataclass(slots=True)
class _Contact:
    """One contact's rows (by either key) folded in file order, against what the database
    holds."""

    rows: list[ParsedRow]
    before: dict[str, Any] | None = None
    state: dict[str, Any] | None = None
    outcomes: list[tuple[ParsedRow, Outcome]] = field(default_factory=list)
    # The stage a new contact is created in, and the moves made after that.
    created_stage: str | None = None
    moves: list[str] = field(default_factory=list)
    # Each row's company (None: the row does not change the account), and the one it
    # gives the contact if it is the row that creates it.
    companies: list[tuple[CompanyOf | None, CompanyOf | None]] = field(default_factory=list)
    # The consent changes its rows make, row after row, as consecutive upserts record them.
    consent: list[tuple[str, Any, Any]] = field(default_factory=list)
    # What its rows say of the past (``history``).
    histories: list[history.RowHistory] = field(default_factory=list)

    def past(self) -> history.RowHistory | None:
        return history.merged(self.histories) if self.histories else None


class _KeyClash(Exception):
    """A row's email and external id belong to two different contacts."""


class _Chunk:
    def __init__(self, session: Session, rows: list[ParsedRow], context: ChunkContext) -> None:
        self.session = session
        self.context = context
        self.result = ChunkResult()
        self.contacts = self._group(rows)
        existing: dict[str, dict[str, dict[str, Any]]] = {
            key: repository.contacts_by_key(session, key, self.keys[key])
            for key in rules.DEDUPE_KEYS
        }
        # Every contact that holds one of the chunk's keys: a row may not give another's key.
        self.holders = {
            (key, value): state["id"] for key in existing for value, state in existing[key].items()
        }
        if any(existing.values()):
            for contact in self.contacts:
                self._find(contact, existing)
            self._join_found_twice()
        domains_of = _Domains(context.known)
        names: set[str] = set()
        domains: set[str] = set()
        for contact in self.contacts:
            # The first row of a new contact creates it; the rows after it update it.
            new = contact.before is None
            email = None if new else contact.before["email"]  # type: ignore[index]
            for row in contact.rows:
                email = row.data.get("email") or email
                company = rules.company_of(row.data, email=email, new=new, domain_of=domains_of.of)
                # Should the rows before it fail, a later row creates the contact.
                creating = new or contact.before is not None
                contact.companies.append(
                    (
                        company,
                        company
                        if creating
                        else rules.company_of(
                            row.data, email=email, new=True, domain_of=domains_of.of
                        ),
                    )
                )
                new = False
                for found in contact.companies[-1]:
                    if found is not None and found.domain is not None:
                        domains.add(found.domain)
                    if found is not None and found.name is not None:
                        names.add(found.name)
        self.accounts = _AccountBook(session, names, domains, context)
        self.stages: StageMover = stage_mover()
        self.allowed = self.stages.allowed_moves(session)

    def _group(self, rows: list[ParsedRow]) -> list[_Contact]:
        """The chunk's rows by contact: rows sharing an email or an external id are one's."""
        first, second = rules.key_order(self.context.key)
        by_first: dict[str, _Contact] = {}
        by_second: dict[str, _Contact] = {}
        contacts: list[_Contact] = []
        # The contact of each row, in file order.
        self.order: list[_Contact] = []
        for row in rows:
            data = row.data
            one, other = data.get(first), data.get(second)
            if other is None:  # the common case: a row with one key
                contact = by_first.get(one)  # type: ignore[arg-type]
                if contact is None:
                    contact = by_first[one] = _Contact([row])  # type: ignore[index]
                    contacts.append(contact)
                else:
                    contact.rows.append(row)
                self.order.append(contact)
                continue
            found = [c for c in (by_first.get(one), by_second.get(other)) if c is not None]  # type: ignore[arg-type]
            if len(found) == 2 and found[0] is not found[1]:
                self._fail(row, [(self.context.header_of(second), _CLASH)])
                continue
            if found:
                contact = found[0]
                contact.rows.append(row)
            else:
                contact = _Contact([row])
                contacts.append(contact)
            self.order.append(contact)
            by_second[other] = contact
            if one is not None:
                by_first[one] = contact
        self.keys = {first: set(by_first), second: set(by_second)}
        return contacts

    def _join_found_twice(self) -> None:
        """Rows the chunk kept apart (one naming a contact by email, another by external id)
        that find the same contact are that contact's, in file order."""
        survivors: dict[int, _Contact] = {}
        joined: dict[int, _Contact] = {}
        for contact in self.contacts:
            if contact.before is None:
                continue
            survivor = survivors.setdefault(contact.before["id"], contact)
            if survivor is not contact:
                survivor.rows = sorted([*survivor.rows, *contact.rows], key=lambda r: r.line)
                joined[id(contact)] = survivor
        if joined:
            self.contacts = [c for c in self.contacts if id(c) not in joined]
            self.order = [joined.get(id(c), c) for c in self.order]

    def _find(self, contact: _Contact, existing: dict[str, dict[str, dict[str, Any]]]) -> None:
        """The contact's state in the database: the one its first row finds, by the chosen
        key, then the other. As consecutive upserts, the first row decides which contact
        the rows are: when it finds none, they are a new one, and a later row whose other
        key another contact holds fails (``_check_keys``) rather than making them that one."""
        first = contact.rows[0].data
        for key in rules.key_order(self.context.key):
            found = existing[key].get(first.get(key))  # type: ignore[arg-type]
            if found is not None:
                contact.before = found
                return

    def fold(self) -> None:
        # Row after row in file order, as consecutive upserts: which account a company name
        # finds may depend on a row of another contact before it.
        position = dict.fromkeys(map(id, self.contacts), 0)
        for contact in self.order:
            at = position[id(contact)]
            position[id(contact)] = at + 1
            row = contact.rows[at]
            try:
                outcome = self._apply(contact, row, contact.companies[at])
            except ValidationFailed as exc:
                problems = [(self.context.header_of(e.field), e.message) for e in exc.errors]
                self._fail(row, problems or [("", exc.message)])
                continue
            contact.outcomes.append((row, outcome))
            if row.notes:
                self.result.noted.append(FailedRow(row.line, row.cells, list(row.notes)))
            if row.history is not None:
                contact.histories.append(row.history)
        tally = dict.fromkeys(("created", "updated", "unchanged"), 0)
        dating = self._rows_dating_new_moves()
        for contact in self.contacts:
            if contact.before is not None and contact.state == contact.before:
                # Several rows that come back to where the contact was: nothing to write.
                contact.outcomes = [(row, "unchanged") for row, _ in contact.outcomes]
                contact.moves = []
            for row, outcome in contact.outcomes:
                # A row that only adds to a contact's history updates it all the same.
                tally["updated" if outcome == "unchanged" and id(row) in dating else outcome] += 1
        self.result.created = tally["created"]
        self.result.updated = tally["updated"]
        self.result.unchanged = tally["unchanged"]

    def _rows_dating_new_moves(self) -> set[int]:
        """The rows (by ``id``) of existing contacts that date a move not recorded yet."""
        dated = [(c.before["id"], c) for c in self.contacts if c.before is not None and c.histories]
        if not dated:
            return set()
        known = self.stages.recorded_moves(self.session, [contact_id for contact_id, _ in dated])
        return {
            id(row)
            for contact_id, contact in dated
            for row, _ in contact.outcomes
            if row.history is not None
            and any((contact_id, move.stage, move.at) not in known for move in row.history.moves)
        }

    def _fail(self, row: ParsedRow, problems: list[Problem]) -> None:
        self.result.failed.append(FailedRow(row.line, row.cells, problems))

    def _apply(
        self,
        contact: _Contact,
        row: ParsedRow,
        companies: tuple[CompanyOf | None, CompanyOf | None],
    ) -> Outcome:
        data = row.data
        state = contact.state if contact.state is not None else contact.before
        company = companies[0] if state is not None else companies[1]
        if state is None:
            # Every field of the new contact: the row's, else the default.
            state = rules.new_contact_state(data)
            custom = data.get("custom")
            state["custom"] = (
                clean_custom_values(self.session, "contact", custom, current={}) if custom else {}
            )
            assert company is not None
            state["account_id"] = self.accounts.resolve(company)
            state["lifecycle_stage"] = data.get("lifecycle_stage") or _FIRST_STAGE
            contact.state = state
            contact.created_stage = state["lifecycle_stage"]
            contact.consent = rules.consent_changes(None, state)
            return "created"
        self._check_keys(state, data)
        given = dict(data)
        # A row with dated stages moves nothing now: its history is recorded as the past.
        dated = row.history is not None and row.history.moves
        stage = (
            state["lifecycle_stage"]
            if dated
            else data.get("lifecycle_stage") or state["lifecycle_stage"]
        )
        move = stage != state["lifecycle_stage"]
        if move:
            self._check_move(state["lifecycle_stage"], stage)
        if "custom" in data:
            given["custom"] = clean_custom_values(
                self.session, "contact", data["custom"], current=state["custom"]
            )
        if company is not None:
            given["account_id"] = self.accounts.resolve(company)
        new = rules.updated_state(state, given)
        new["lifecycle_stage"] = stage
        if move:
            contact.moves.append(stage)
        contact.consent += rules.consent_changes(state, new)
        contact.state = new
        return "unchanged" if new == state else "updated"

    def _check_keys(self, state: dict[str, Any], data: dict[str, Any]) -> None:
        """A row may give its contact the other key, unless another contact holds it."""
        for key in rules.DEDUPE_KEYS:
            value = data.get(key)
            holder = self.holders.get((key, value)) if value is not None else None
            if holder is not None and holder != state.get("id"):
                raise ValidationFailed(
                    "key taken",
                    [FieldError(key, f"contact {holder} already has the {key} {value}")],
                )

    def _check_move(self, from_stage: str, to_stage: str) -> None:
        if (from_stage, to_stage) in self.allowed:
            return
        targets = sorted(STAGES[b] for a, b in self.allowed if a == from_stage)
        raise ValidationFailed(
            "stage move not allowed",
            [
                FieldError(
                    "lifecycle_stage",
                    f"a contact in {STAGES[from_stage]} cannot move to {STAGES[to_stage]}"
                    f" (allowed: {', '.join(targets) or 'none'})",
                )
            ],
        )

    def write(self) -> None:
        now = clock.now()
        self.accounts.insert(now)
        new = [c for c in self.contacts if c.before is None and c.state is not None]
        ids = repository.insert_contacts(
            self.session, _INSERT_COLUMNS, [_insert_row(c, now) for c in new]
        )
        for contact, contact_id in zip(new, ids, strict=True):
            assert contact.state is not None
            contact.state["id"] = contact_id
        consent = [
            (contact.state["id"], change)
            for contact in self.contacts
            if contact.state is not None
            for change in contact.consent
        ]
        changed = [
            c for c in self.contacts if c.before is not None and c.state not in (None, c.before)
        ]
        updates = []
        news: list[int] = []
        owners: list[tuple[int, Any, Any]] = []
        for contact in changed:
            assert contact.before is not None and contact.state is not None
            before, after = contact.before, contact.state
            after["account_id"] = _account_id(after["account_id"])
            if any(before[name] != after[name] for name in rules.UPDATABLE):
                updates.append(
                    {
                        "contact_id": before["id"],
                        **{n: after[n] for n in rules.UPDATABLE},
                        "updated_at": now,
                    }
                )
            if rules.is_news(before, after):
                news.append(before["id"])
            if before["owner_id"] != after["owner_id"]:
                owners.append((before["id"], before["owner_id"], after["owner_id"]))
        repository.update_contacts(self.session, updates)
        self._record_consent(consent, now)
        # Contacts whose history moved them on are changed too: scored and checked now.
        news += sorted(self._record_history().difference(news))
        self._announce(new, news, owners, now)
        for contact in self.contacts:
            if contact.state is None:
                continue
            for stage in contact.moves:
                self.stages.move(
                    self.session,
                    contact.state["id"],
                    stage,
                    actor=self.context.actor,
                    reason=self.context.reason,
                )

    def _record_history(self) -> set[int]:
        """The past the rows date, recorded as it happened (it publishes nothing); returns
        the contacts that existed whose stage or created date it changed, to be announced
        as changed, so that their scores and criteria are evaluated as of now."""
        histories, created = [], []
        for contact in self.contacts:
            past = contact.past()
            if past is None or contact.state is None:
                continue
            before = contact.before
            histories.append(
                history.contact_history(
                    contact.state["id"],
                    past,
                    stage_before=None if before is None else before["lifecycle_stage"],
                    created_stage=contact.created_stage or contact.state["lifecycle_stage"],
                )
            )
            # Created no later than the file says, nor than it entered its first stage.
            born = past.created_at or (past.moves[0].at if past.moves else None)
            if before is not None and born is not None:
                created.append((before["id"], born))
        if not histories:
            return set()
        restaged = self.stages.record_history(
            self.session, histories, actor=self.context.actor, source=self.context.source
        )
        known = repository.created_dates(self.session, [contact_id for contact_id, _ in created])
        # A person was created when the earliest record of them was (a Salesforce lead
        # before the contact it became): a later date a file gives changes nothing.
        created = [
            (contact_id, at)
            for contact_id, at in created
            if (before := known.get(contact_id)) is None or at < before
        ]
        set_created_dates(self.session, created)
        return {*restaged, *(contact_id for contact_id, _ in created)}

    def _announce(
        self, new: list[_Contact], news: list[int], owners: list[tuple[int, Any, Any]], now: Any
    ) -> None:
        """The events the API's upserts publish, a chunk's worth at once where the event
        takes many contacts."""
        actor = self.context.actor
        if new:
            born = tuple(
                NewContact(c.state["id"], c.created_stage, now, has_history=bool(c.histories))
                for c in new
                if c.state and c.created_stage
            )
            publish(self.session, ContactsCreated(contacts=born, actor=actor))
        for contact_id, before, after in owners:
            announce_owner_change(
                self.session, "contact", contact_id, before=before, after=after, actor=actor
            )
        if news:
            publish(
                self.session, ContactsChanged(contact_ids=tuple(news), account_ids=(), actor=actor)
            )

    def _record_consent(self, changes: list[tuple[int, tuple[str, Any, Any]]], now: Any) -> None:
        actor = self.context.actor
        source = actor.describe()
        repository.insert_consent_changes(
            self.session,
            [
                {
                    "contact_id": contact_id,
                    "field": name,
                    "old_value": _consent_text(old),
                    "new_value": _consent_text(value),
                    "source": source,
                    "text_shown": None,
                    "by_user_id": actor.user_id,
                    "at": now,
                }
                for contact_id, (name, old, value) in changes
            ],
        )
        for contact_id, (name, old, value) in changes:
            publish(
                self.session,
                ConsentChanged(
                    contact_id=contact_id,
                    field=name,
                    old_value=old,
                    new_value=value,
                    source=source,
                    at=now,
                    actor=actor,
                ),
            )


def apply_chunk(session: Session, rows: list[ParsedRow], context: ChunkContext) -> ChunkResult:
    """Import checked rows; returns the counts and the rows that failed a rule."""
    chunk = _Chunk(session, rows, context)
    chunk.fold()
    chunk.write()
    session.flush()
    return chunk.result


def preview_chunk(
    session: Session, rows: list[ParsedRow], context: ChunkContext
) -> tuple[ChunkResult, set[tuple[DedupeKey, Any]]]:
    """What ``apply_chunk`` would do with the rows, writing nothing (the import wizard's dry
    run); and the keys of the contacts it would create: (``email`` or ``external_id``,
    value), a contact without email being known by its external id alone."""
    chunk = _Chunk(session, rows, context)
    chunk.fold()
    new = {
        (key, value)
        for c in chunk.contacts
        if c.before is None and c.state
        for key in rules.DEDUPE_KEYS
        if (value := c.state.get(key)) is not None
    }
    return chunk.result, new


def _consent_text(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def _insert_row(contact: _Contact, now: Any) -> tuple[Any, ...]:
    state = contact.state
    assert state is not None
    stage, entered, created = contact.created_stage, now, now
    past = contact.past()
    if past is not None:
        assert stage is not None
        dates = history.new_contact_dates(past, stage, now)
        # Created in the stage its history ends in: the moves before are the past.
        stage = contact.created_stage = dates.stage
        entered, created = dates.stage_entered_at, dates.created_at
    return (
        *_state_values(state),
        stage,
        _account_id(state["account_id"]),
        state["custom"] or _NO_CUSTOM,
        entered,
        0,
        created,
        now,
    )
