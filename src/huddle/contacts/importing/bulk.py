"""Writing one chunk of checked rows: a handful of statements, whatever the chunk's size.

The rules are ``contacts.service.upsert_contact``'s, applied to a set of rows at once:
dedupe on the normalised email; on an existing contact only the fields given change;
the account comes from the company name, then the company domain (or the email's,
never a free-mail one), created and enriched when new; consent changes are recorded;
one ``ContactsCreated`` announces the chunk's new contacts. What the import does beyond
``upsert_contact``: a stage given for an existing contact moves it through the lifecycle
domain (``contacts.service.stage_mover``), and a move the configuration does not allow
fails that row.

Rows with the same email in one chunk are applied in file order, like consecutive upserts,
but only the net change is written, so importing the same file twice changes nothing.
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
from huddle.contacts.events import ContactsChanged, ContactsCreated, NewContact
from huddle.contacts.importing import history, repository
from huddle.contacts.importing.fast import DEFAULTS
from huddle.contacts.importing.rows import FailedRow, ParsedRow, Problem
from huddle.contacts.models import Account
from huddle.contacts.schemas import (
    ACCOUNT_FIRMOGRAPHICS,
    CONSENT_DEFAULTS,
    CONSENT_FIELDS,
    CONTACT_PROFILE_FIELDS,
)
from huddle.contacts.schemas.normalize import company_domain_of, free_mail_domains
from huddle.contacts.service import (
    StageMover,
    clean_custom_values,
    set_created_dates,
    stage_mover,
)
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.events import publish
from huddle.core.stages import STAGES

Outcome = Literal["created", "updated", "unchanged"]
_UPDATABLE = (*CONTACT_PROFILE_FIELDS, "account_id", *CONSENT_FIELDS, "custom")
# A new contact's row: what its state holds, then what the import sets.
_STATE_COLUMNS = ("email", *CONTACT_PROFILE_FIELDS, *CONSENT_FIELDS)
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
_consent_values = itemgetter(*CONSENT_FIELDS)
_CONSENT_DEFAULT_VALUES = _consent_values(CONSENT_DEFAULTS)
_COMPANY_FIELDS = frozenset({"company", "company_domain"})
# What a new contact's state holds for what its row does not give.
_NEW_CONTACT: dict[str, Any] = {
    name: DEFAULTS[name] for name in ("email", *CONTACT_PROFILE_FIELDS, "lifecycle_stage")
} | dict(CONSENT_DEFAULTS)
# The fields a row may give that are not part of a contact's state.
_NOT_STATE = frozenset(DEFAULTS) - {*_NEW_CONTACT, "custom"}
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
    known: KnownAccounts = field(default_factory=KnownAccounts)


@dataclass
class ChunkResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[FailedRow] = field(default_factory=list)


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
    """``account_for_domain`` over a whole chunk: a name finds its account first (the oldest
    of that name), then the domain does; otherwise an account is created and enriched."""

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
        self._free_mail = free_mail_domains()

    def resolve(self, domain: str | None, name: str | None) -> AccountRef:
        if domain is not None and domain in self._free_mail:
            domain = None
        if name is not None and name in self._by_name:
            return self._by_name[name]
        if domain is None:
            return self._create(name, None) if name else None
        if domain in self._by_domain:
            return self._by_domain[domain]
        if name is not None:
            return self._create(name, domain)
        # Until enrichment knows better, the name comes from the domain (as the service does).
        placeholder = domain.split(".", 1)[0].replace("-", " ").title()
        return self._create(placeholder, domain, enriched=["name"])

    def _create(
        self, name: str, domain: str | None, *, enriched: list[str] | None = None
    ) -> _NewAccount:
        account = Account(name=name, domain=domain, enriched_fields=enriched or [])
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


class _Companies:
    """The (domain, name) a row's account is found by: its company domain or its email's."""

    def __init__(self, known: KnownAccounts) -> None:
        self._by_email_domain = known.company_domains

    def of(self, row: ParsedRow) -> CompanyKey:
        data = row.data
        company = data.get("company")
        if data.get("company_domain"):
            return data["company_domain"], company
        # Thousands of rows share a few domains: normalise each once.
        email = data["email"]
        email_domain = email.rpartition("@")[2]
        try:
            domain = self._by_email_domain[email_domain]
        except KeyError:
            domain = self._by_email_domain[email_domain] = company_domain_of(email)
        return domain, company


@dataclass(slots=True)
class _Contact:
    """One email's rows folded in file order, against what the database holds."""

    rows: list[ParsedRow]
    before: dict[str, Any] | None
    state: dict[str, Any] | None = None
    outcomes: list[tuple[ParsedRow, Outcome]] = field(default_factory=list)
    # The stage a new contact is created in, and the moves made after that.
    created_stage: str | None = None
    moves: list[str] = field(default_factory=list)
    # Each row's (domain, name) of its account, for the rows that choose one.
    company_keys: list[CompanyKey | None] = field(default_factory=list)
    # What its rows say of the past (``history``).
    histories: list[history.RowHistory] = field(default_factory=list)

    def past(self) -> history.RowHistory | None:
        return history.merged(self.histories) if self.histories else None


class _Chunk:
    def __init__(self, session: Session, rows: list[ParsedRow], context: ChunkContext) -> None:
        self.session = session
        self.context = context
        self.result = ChunkResult()
        groups: dict[str, list[ParsedRow]] = {}
        for row in rows:
            groups.setdefault(row.data["email"], []).append(row)
        existing = repository.contacts_by_email(session, groups.keys())
        self.contacts = [_Contact(group, existing.get(email)) for email, group in groups.items()]
        self.companies = _Companies(context.known)
        names: set[str] = set()
        domains: set[str] = set()
        for contact in self.contacts:
            new = contact.before is None
            for row in contact.rows:
                company_key = None
                if new or not _COMPANY_FIELDS.isdisjoint(row.data):
                    company_key = domain, name = self.companies.of(row)
                    if domain is not None:
                        domains.add(domain)
                    if name is not None:
                        names.add(name)
                contact.company_keys.append(company_key)
        self.accounts = _AccountBook(session, names, domains, context)
        self.stages: StageMover = stage_mover()
        self.allowed = self.stages.allowed_moves(session)

    def fold(self) -> None:
        tally = dict.fromkeys(("created", "updated", "unchanged"), 0)
        for contact in self.contacts:
            for row, company_key in zip(contact.rows, contact.company_keys, strict=True):
                try:
                    outcome = self._apply(contact, row, company_key)
                except ValidationFailed as exc:
                    problems = [(self.context.header_of(e.field), e.message) for e in exc.errors]
                    self._fail(row, problems or [("", exc.message)])
                    continue
                contact.outcomes.append((row, outcome))
                if row.history is not None:
                    contact.histories.append(row.history)
            if contact.before is not None and contact.state == contact.before:
                # Several rows that come back to where the contact was: nothing to write.
                contact.outcomes = [(row, "unchanged") for row, _ in contact.outcomes]
                contact.moves = []
            for _, outcome in contact.outcomes:
                tally[outcome] += 1
        self.result.created = tally["created"]
        self.result.updated = tally["updated"]
        self.result.unchanged = tally["unchanged"]

    def _fail(self, row: ParsedRow, problems: list[Problem]) -> None:
        self.result.failed.append(FailedRow(row.line, row.cells, problems))

    def _apply(self, contact: _Contact, row: ParsedRow, company_key: CompanyKey | None) -> Outcome:
        data = row.data
        state = contact.state if contact.state is not None else contact.before
        if state is None:
            # Every field of the new contact: the row's, else the default.
            state = _NEW_CONTACT | data
            for name in _NOT_STATE.intersection(data):
                del state[name]
            for name in CONSENT_FIELDS:
                if state[name] is None:
                    state[name] = CONSENT_DEFAULTS[name]
            custom = data.get("custom")
            state["custom"] = (
                clean_custom_values(self.session, "contact", custom, current={}) if custom else {}
            )
            assert company_key is not None
            state["account_id"] = self.accounts.resolve(*company_key)
            contact.state = state
            contact.created_stage = state["lifecycle_stage"]
            return "created"
        new = dict(state)
        # A row with dated stages moves nothing now: its history is recorded as the past.
        dated = row.history is not None and row.history.moves
        stage = (
            state["lifecycle_stage"]
            if dated
            else data.get("lifecycle_stage", state["lifecycle_stage"])
        )
        move = stage != state["lifecycle_stage"]
        if move:
            self._check_move(state["lifecycle_stage"], stage)
            new["lifecycle_stage"] = stage
        if "custom" in data:
            new["custom"] = clean_custom_values(
                self.session, "contact", data["custom"], current=state["custom"]
            )
        for name in CONTACT_PROFILE_FIELDS:
            if name in data:
                new[name] = data[name]
        for name in CONSENT_FIELDS:
            new[name] = _consent(data, name, state[name])
        if company_key is not None and not _COMPANY_FIELDS.isdisjoint(data):
            new["account_id"] = self.accounts.resolve(*company_key)
        if move:
            contact.moves.append(stage)
        contact.state = new
        return "unchanged" if new == state else "updated"

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
        consent_rows: list[dict[str, Any]] = []
        for contact, contact_id in zip(new, ids, strict=True):
            assert contact.state is not None
            contact.state["id"] = contact_id
            if _consent_values(contact.state) != _CONSENT_DEFAULT_VALUES:
                consent_rows += self._consent_changes(contact_id, None, contact.state, now)
        changed = [
            c for c in self.contacts if c.before is not None and c.state not in (None, c.before)
        ]
        updates = []
        for contact in changed:
            assert contact.before is not None and contact.state is not None
            before, after = contact.before, contact.state
            after["account_id"] = _account_id(after["account_id"])
            if any(before[name] != after[name] for name in _UPDATABLE):
                updates.append(
                    {
                        "contact_id": before["id"],
                        **{n: after[n] for n in _UPDATABLE},
                        "updated_at": now,
                    }
                )
            consent_rows += self._consent_changes(before["id"], before, after, now)
        repository.update_contacts(self.session, updates)
        repository.insert_consent_changes(self.session, consent_rows)
        self._record_history()
        if new:
            born = tuple(
                NewContact(c.state["id"], c.created_stage, now, has_history=bool(c.histories))
                for c in new
                if c.state and c.created_stage
            )
            publish(self.session, ContactsCreated(contacts=born, actor=self.context.actor))
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

    def _record_history(self) -> None:
        """The past the rows date, recorded as it happened (it publishes nothing); the
        contacts that existed whose stage or created date it changed are announced as
        changed, so that their scores and criteria are evaluated as of now."""
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
            if before is not None and past.created_at is not None:
                created.append((before["id"], past.created_at))
        if not histories:
            return
        restaged = self.stages.record_history(
            self.session, histories, actor=self.context.actor, source=self.context.source
        )
        known = repository.created_dates(self.session, [contact_id for contact_id, _ in created])
        created = [(contact_id, at) for contact_id, at in created if known.get(contact_id) != at]
        set_created_dates(self.session, created)
        changed = sorted({*restaged, *(contact_id for contact_id, _ in created)})
        if changed:
            event = ContactsChanged(
                contact_ids=tuple(changed), account_ids=(), actor=self.context.actor
            )
            publish(self.session, event)

    def _consent_changes(
        self, contact_id: int, before: dict[str, Any] | None, after: dict[str, Any], now: Any
    ) -> list[dict[str, Any]]:
        rows = []
        for name in CONSENT_FIELDS:
            old = before[name] if before is not None else None
            unchanged = after[name] == (old if before is not None else CONSENT_DEFAULTS[name])
            if unchanged:
                continue
            rows.append(
                {
                    "contact_id": contact_id,
                    "field": name,
                    "old_value": _consent_text(old),
                    "new_value": _consent_text(after[name]),
                    "source": self.context.actor.describe(),
                    "text_shown": None,
                    "by_user_id": self.context.actor.user_id,
                    "at": now,
                }
            )
        return rows


def apply_chunk(session: Session, rows: list[ParsedRow], context: ChunkContext) -> ChunkResult:
    """Import checked rows; returns the counts and the rows that failed a rule."""
    chunk = _Chunk(session, rows, context)
    chunk.fold()
    chunk.write()
    session.flush()
    return chunk.result


def preview_chunk(
    session: Session, rows: list[ParsedRow], context: ChunkContext
) -> tuple[ChunkResult, set[str]]:
    """What ``apply_chunk`` would do with the rows, writing nothing (the import wizard's dry
    run); and the emails of the contacts it would create."""
    chunk = _Chunk(session, rows, context)
    chunk.fold()
    new = {c.rows[0].data["email"] for c in chunk.contacts if c.before is None and c.state}
    return chunk.result, new


def _consent(data: dict[str, Any], name: str, current: object) -> object:
    value = data.get(name)
    return current if value is None else value


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
