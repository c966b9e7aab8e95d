"""Every query of the shared record. Services hold the rules; this holds the SQL."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, and_, delete, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload

from huddle.campaigns.models import Campaign
from huddle.contacts.models import (
    Account,
    ConsentChange,
    Contact,
    CustomFieldDefinition,
    EnrichmentCompany,
    MergeRecord,
    Note,
    SavedView,
    Touch,
)
from huddle.contacts.schemas import AccountFilters, ContactFilters
from huddle.lifecycle.models import StageTransition

# --- keyset pagination -----------------------------------------------------------------------


@dataclass(frozen=True)
class SortKey:
    """A sort column with the id as tie-breaker; pages are index range scans, never OFFSET."""

    column: InstrumentedAttribute[Any]
    id_column: InstrumentedAttribute[int]
    descending: bool
    nullable: bool = False

    def order_by(self) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        if self.descending:
            return self.column.desc(), self.id_column.desc()
        return self.column.asc(), self.id_column.asc()

    def segments(
        self, after: tuple[Any, int] | None, *, nulls_high: bool
    ) -> list[ColumnElement[bool] | None]:
        """The WHERE of each index range that, read in order, continues after ``after``.

        A nullable column is read as two ranges (values, then NULLs, or the reverse) in the
        database's own NULL order, so both ranges use the (column, id) index: one OR over
        both would make PostgreSQL scan from the start of the index on every page.
        """
        if after is None:
            return [None]
        value, last_id = after
        beyond = operator.lt if self.descending else operator.gt
        at_or_beyond = operator.le if self.descending else operator.ge
        null_tail = and_(self.column.is_(None), beyond(self.id_column, last_id))
        if value is None:
            values = [null_tail]
        else:
            values = [
                and_(
                    at_or_beyond(self.column, value),
                    or_(
                        beyond(self.column, value),
                        and_(self.column == value, beyond(self.id_column, last_id)),
                    ),
                )
            ]
        if not self.nullable:
            return list(values)
        # Where NULLs sit in this scan: PostgreSQL sorts them high, SQLite low.
        nulls_after = nulls_high != self.descending
        if value is None:
            return [null_tail] if nulls_after else [null_tail, self.column.is_not(None)]
        return [*values, self.column.is_(None)] if nulls_after else list(values)


def nulls_sort_high(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def keyset_rows(
    session: Session,
    query: Select[Any],
    key: SortKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    entities: bool = True,
) -> list[Any]:
    """Up to ``limit`` ORM entities (or plain rows) of ``query`` after ``after``, in order."""
    found: list[Any] = []
    for condition in key.segments(after, nulls_high=nulls_sort_high(session)):
        page = query.order_by(*key.order_by()).limit(limit - len(found))
        if condition is not None:
            page = page.where(condition)
        result = session.execute(page)
        found.extend(result.scalars() if entities else result)
        if len(found) >= limit:
            break
    return found


# --- contacts --------------------------------------------------------------------------------


def contact(session: Session, contact_id: int, *, with_account: bool = False) -> Contact | None:
    if not with_account:
        return session.get(Contact, contact_id)
    query = select(Contact).options(joinedload(Contact.account)).where(Contact.id == contact_id)
    return session.scalar(query)


def contact_by_email(session: Session, email: str) -> Contact | None:
    return session.scalar(select(Contact).where(Contact.email == email))


def contact_conditions(filters: ContactFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.stage:
        conditions.append(Contact.lifecycle_stage.in_(filters.stage))
    if filters.owner_id == "unassigned":
        conditions.append(Contact.owner_id.is_(None))
    elif filters.owner_id is not None:
        conditions.append(Contact.owner_id == filters.owner_id)
    for column, value, compare in (
        (Contact.account_id, filters.account_id, operator.eq),
        (Contact.score, filters.score_min, operator.ge),
        (Contact.score, filters.score_max, operator.le),
        (Contact.created_at, filters.created_since, operator.ge),
        (Contact.updated_at, filters.updated_since, operator.ge),
    ):
        if value is not None:
            conditions.append(compare(column, value))
    if filters.is_target is not None:
        targets = select(Account.id).where(Account.is_target.is_(True))
        if filters.is_target:
            conditions.append(Contact.account_id.in_(targets))
        else:
            conditions.append(or_(Contact.account_id.is_(None), Contact.account_id.not_in(targets)))
    # Every word must match somewhere, so "jane acme" finds Jane at Acme.
    for word in (filters.q or "").split():
        accounts = select(Account.id).where(Account.name.icontains(word, autoescape=True))
        conditions.append(
            or_(
                Contact.first_name.icontains(word, autoescape=True),
                Contact.last_name.icontains(word, autoescape=True),
                Contact.email.icontains(word, autoescape=True),
                Contact.account_id.in_(accounts),
            )
        )
    return conditions


def contact_page(
    session: Session,
    filters: ContactFilters,
    key: SortKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
) -> list[Contact]:
    query = select(Contact).options(joinedload(Contact.account)).where(*contact_conditions(filters))
    return keyset_rows(session, query, key, after=after, limit=limit)


EXPORT_COLUMNS: tuple[str, ...] = tuple(
    column.key for column in Contact.__table__.columns if column.key not in {"custom", "account_id"}
)


def contact_export_page(
    session: Session,
    filters: ContactFilters,
    key: SortKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
) -> list[Any]:
    """Plain rows (no ORM objects) for streaming exports: the contact's columns, its custom
    values and its account's name and domain."""
    columns = [Contact.__table__.c[name] for name in EXPORT_COLUMNS]
    query = (
        select(
            *columns,
            Contact.custom,
            Contact.account_id,
            Account.name.label("account_name"),
            Account.domain.label("account_domain"),
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(*contact_conditions(filters))
    )
    return keyset_rows(session, query, key, after=after, limit=limit, entities=False)


def refresh_statistics(session: Session) -> None:
    """Refresh the planner's table statistics (row counts, index selectivity).

    Without them SQLite takes any equality index for selective (a stage filter reads a third
    of the contacts, then sorts them: ~1 s at 200k rows instead of ~40 ms), so run this after
    a bulk load. PostgreSQL's autovacuum does it eventually; this does it now.
    """
    if session.get_bind().dialect.name == "sqlite":
        # A sampled ANALYZE: about 0.1 s at 200k contacts, and as good for choosing plans.
        session.execute(text("PRAGMA analysis_limit=1000"))
        session.execute(text("ANALYZE"))
    else:
        session.execute(text("ANALYZE contacts, accounts, touches"))


# --- accounts --------------------------------------------------------------------------------


def account(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def account_by_domain(session: Session, domain: str) -> Account | None:
    return session.scalar(select(Account).where(Account.domain == domain))


def account_by_name(session: Session, name: str) -> Account | None:
    """The oldest account with exactly this name (names are not unique; domains are)."""
    query = select(Account).where(Account.name == name).order_by(Account.id).limit(1)
    return session.scalar(query)


def account_page(
    session: Session,
    filters: AccountFilters,
    key: SortKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
) -> list[Account]:
    conditions: list[ColumnElement[bool]] = []
    if filters.owner_id == "unassigned":
        conditions.append(Account.owner_id.is_(None))
    elif filters.owner_id is not None:
        conditions.append(Account.owner_id == filters.owner_id)
    if filters.is_target is not None:
        conditions.append(Account.is_target.is_(filters.is_target))
    if filters.industry is not None:
        conditions.append(Account.industry == filters.industry)
    for word in (filters.q or "").split():
        conditions.append(
            or_(
                Account.name.icontains(word, autoescape=True),
                Account.domain.icontains(word, autoescape=True),
            )
        )
    query = select(Account).where(*conditions)
    return keyset_rows(session, query, key, after=after, limit=limit)


# --- touches and consent ---------------------------------------------------------------------


def touch(session: Session, touch_id: int) -> Touch | None:
    return session.get(Touch, touch_id)


def touch_by_key(session: Session, idempotency_key: str) -> Touch | None:
    return session.scalar(select(Touch).where(Touch.idempotency_key == idempotency_key))


def insert_touch(session: Session, values: dict[str, Any]) -> Touch | None:
    """Insert a touch in one statement; None if its idempotency key is already stored
    (ON CONFLICT DO NOTHING: no extra lookup, and no failed statement under a race)."""
    statement = (
        _upsert_insert(session)(Touch)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(Touch)
    )
    return session.scalars(statement).one_or_none()


def move_touch_end(
    session: Session, contact_id: int, end: str, at: datetime, values: dict[str, str | None]
) -> bool:
    """Set the contact's first (or last) touch if ``at`` is earlier (later) than the one it
    has; True if it was. One conditional UPDATE: PostgreSQL re-checks the condition on the
    row a concurrent writer just changed. A touch is activity, not an edit of the record:
    updated_at stays, which also keeps the update off the indexes (a HOT update)."""
    table = cast(Table, Contact.__table__)
    column = table.c[f"{end}_touch_at"]
    beyond = column > at if end == "first" else column < at
    changes: dict[str, Any] = {f"{end}_touch_{suffix}": v for suffix, v in values.items()}
    result = session.execute(
        table.update()
        .where(table.c.id == contact_id, or_(column.is_(None), beyond))
        .values(**changes, **{f"{end}_touch_at": at}, updated_at=table.c.updated_at)
    )
    return bool(getattr(result, "rowcount", 0))


def campaign_exists(session: Session, campaign_id: int) -> bool:
    # The campaigns domain has no service yet; this reads its table and writes nothing.
    return session.get(Campaign, campaign_id) is not None


def _consent_text(value: str | bool | None) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def add_consent_change(
    session: Session,
    *,
    old_value: str | bool | None,
    new_value: str | bool,
    **values: Any,
) -> ConsentChange:
    """A consent change row; flags are kept as "true"/"false" beside the opt-in states."""
    change = ConsentChange(
        old_value=_consent_text(old_value), new_value=_consent_text(new_value), **values
    )
    session.add(change)
    return change


def consent_history(session: Session, contact_id: int) -> list[ConsentChange]:
    query = (
        select(ConsentChange)
        .where(ConsentChange.contact_id == contact_id)
        .order_by(ConsentChange.at, ConsentChange.id)
    )
    return list(session.scalars(query))


def note(session: Session, note_id: int) -> Note | None:
    return session.get(Note, note_id)


# --- the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Before:
    """Timeline keyset: items strictly before (at, kind, id) in newest-first order."""

    at: datetime
    kind: str
    id: int

    def condition(
        self,
        kind: str,
        at_column: InstrumentedAttribute[Any],
        id_column: InstrumentedAttribute[int],
    ) -> ColumnElement[bool]:
        # The kind is constant per source, so the three-part comparison folds to two.
        if kind < self.kind:
            return at_column <= self.at
        if kind > self.kind:
            return at_column < self.at
        return and_(at_column <= self.at, or_(at_column < self.at, id_column < self.id))


def _newest(
    session: Session,
    query: Select[Any],
    *,
    kind: str,
    at_column: InstrumentedAttribute[Any],
    id_column: InstrumentedAttribute[int],
    before: Before | None,
    limit: int,
) -> list[Any]:
    if before is not None:
        query = query.where(before.condition(kind, at_column, id_column))
    query = query.order_by(at_column.desc(), id_column.desc()).limit(limit)
    return list(session.scalars(query))


def timeline_touches(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[Touch]:
    subject = (
        Touch.contact_id == contact_id
        if contact_id is not None
        else (Touch.account_id == account_id)
    )
    return _newest(
        session,
        select(Touch).where(subject),
        kind="touch",
        at_column=Touch.occurred_at,
        id_column=Touch.id,
        before=before,
        limit=limit,
    )


def timeline_notes(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[Note]:
    if contact_id is not None:
        subject: ColumnElement[bool] = Note.contact_id == contact_id
    else:
        # An account's story includes what was noted on its people.
        people = select(Contact.id).where(Contact.account_id == account_id)
        subject = or_(Note.account_id == account_id, Note.contact_id.in_(people))
    return _newest(
        session,
        select(Note).where(subject),
        kind="note",
        at_column=Note.created_at,
        id_column=Note.id,
        before=before,
        limit=limit,
    )


def timeline_merges(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[MergeRecord]:
    entity, survivor = (
        ("contact", contact_id) if contact_id is not None else ("account", account_id)
    )
    query = select(MergeRecord).where(
        MergeRecord.entity == entity, MergeRecord.survivor_id == survivor
    )
    return _newest(
        session,
        query,
        kind="merge",
        at_column=MergeRecord.at,
        id_column=MergeRecord.id,
        before=before,
        limit=limit,
    )


def timeline_account_stage_changes(
    session: Session, account_id: int, *, before: Before | None, limit: int
) -> list[Any]:
    """Stage changes of an account's contacts.

    Reads ``huddle.lifecycle.models`` directly, read-only: the lifecycle service offers
    ``stage_history`` for one contact, and calling it per contact of a large account
    would be one query per person.
    """
    people = select(Contact.id).where(Contact.account_id == account_id)
    return _newest(
        session,
        select(StageTransition).where(StageTransition.contact_id.in_(people)),
        kind="stage_change",
        at_column=StageTransition.at,
        id_column=StageTransition.id,
        before=before,
        limit=limit,
    )


# --- merges ----------------------------------------------------------------------------------


def move_contact_rows(
    session: Session, *, merged_id: int, survivor_id: int, survivor_account_id: int | None
) -> None:
    """Touches, notes and consent history of the merged contact become the survivor's."""
    session.execute(
        update(Touch)
        .where(Touch.contact_id == merged_id)
        .values(contact_id=survivor_id, account_id=survivor_account_id)
    )
    for model in (Note, ConsentChange):
        session.execute(
            update(model).where(model.contact_id == merged_id).values(contact_id=survivor_id)
        )


def move_account_rows(session: Session, *, merged_id: int, survivor_id: int) -> None:
    for model in (Contact, Touch, Note):
        session.execute(
            update(model).where(model.account_id == merged_id).values(account_id=survivor_id)
        )


def add_merge_record(session: Session, **values: Any) -> MergeRecord:
    record = MergeRecord(**values)
    session.add(record)
    return record


def merge_records(session: Session, *, entity: str, survivor_id: int) -> list[MergeRecord]:
    query = (
        select(MergeRecord)
        .where(MergeRecord.entity == entity, MergeRecord.survivor_id == survivor_id)
        .order_by(MergeRecord.at, MergeRecord.id)
    )
    return list(session.scalars(query))


# --- custom fields and saved views -----------------------------------------------------------


def custom_fields(session: Session, entity: str | None = None) -> list[CustomFieldDefinition]:
    query = select(CustomFieldDefinition).order_by(
        CustomFieldDefinition.entity, CustomFieldDefinition.label, CustomFieldDefinition.id
    )
    if entity is not None:
        query = query.where(CustomFieldDefinition.entity == entity)
    return list(session.scalars(query))


def custom_field(session: Session, definition_id: int) -> CustomFieldDefinition | None:
    return session.get(CustomFieldDefinition, definition_id)


def custom_field_by_key(session: Session, entity: str, key: str) -> CustomFieldDefinition | None:
    query = select(CustomFieldDefinition).where(
        CustomFieldDefinition.entity == entity, CustomFieldDefinition.key == key
    )
    return session.scalar(query)


def saved_view(session: Session, view_id: int) -> SavedView | None:
    return session.get(SavedView, view_id)


def saved_views_visible_to(session: Session, user_id: int | None) -> list[SavedView]:
    query = (
        select(SavedView)
        .where(or_(SavedView.owner_id == user_id, SavedView.shared.is_(True)))
        .order_by(SavedView.name, SavedView.id)
    )
    return list(session.scalars(query))


def delete_row(session: Session, row: Contact | Account | SavedView) -> None:
    """DELETE by primary key without the ORM loading relationships (they are lazy="raise");
    the database's ON DELETE rules handle what still points at the row."""
    model = type(row)
    session.execute(delete(model).where(model.id == row.id))
    session.expunge(row)


# --- enrichment ------------------------------------------------------------------------------


def enrichment_company(session: Session, domain: str) -> EnrichmentCompany | None:
    return session.get(EnrichmentCompany, domain)


def _upsert_insert(session: Session) -> Callable[..., Any]:
    """The dialect's INSERT, which has ON CONFLICT (both PostgreSQL and SQLite do)."""
    dialect = session.get_bind().dialect.name
    if dialect not in {"postgresql", "sqlite"}:
        raise NotImplementedError(f"ON CONFLICT on {dialect}")
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def upsert_enrichment_companies(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """One INSERT ... ON CONFLICT (domain) DO UPDATE per chunk; rows must have distinct domains."""
    if not rows:
        return
    statement = _upsert_insert(session)(EnrichmentCompany).values(list(rows))
    updated = {name: statement.excluded[name] for name in rows[0] if name != "domain"}
    session.execute(statement.on_conflict_do_update(index_elements=["domain"], set_=updated))
