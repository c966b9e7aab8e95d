"""Queries of contacts, accounts, touches, consent, notes and merges."""

from __future__ import annotations

import operator
from collections.abc import Callable, Container, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased, joinedload, selectinload

from huddle.campaigns.models import Campaign
from huddle.contacts.models import (
    NOT_LEADS,
    STAGE_SORTED,
    Account,
    ConsentChange,
    Contact,
    MergeRecord,
    Note,
    Touch,
)
from huddle.contacts.repository.custom_filters import CustomCondition, custom_conditions_sql
from huddle.contacts.repository.keyset import (
    JoinedKey,
    ListKey,
    RankedKey,
    SortKey,
    keyset_rows,
    merged_keyset_rows,
)
from huddle.contacts.repository.search import (
    account_search_conditions,
    search_conditions,
    search_matches,
)
from huddle.contacts.schemas import AccountFilters, ContactFilters
from huddle.contacts.search import search_words
from huddle.core.db import transaction_memo

# --- contacts --------------------------------------------------------------------------------


def contact(session: Session, contact_id: int, *, with_account: bool = False) -> Contact | None:
    if not with_account:
        return session.get(Contact, contact_id)
    query = select(Contact).options(joinedload(Contact.account)).where(Contact.id == contact_id)
    return session.scalar(query)


def contacts_by_ids(session: Session, contact_ids: Sequence[int]) -> list[Contact]:
    return list(session.scalars(select(Contact).where(Contact.id.in_(contact_ids))))


def contact_by_email(session: Session, email: str) -> Contact | None:
    return session.scalar(select(Contact).where(Contact.email == email))


def contact_by_key(session: Session, key: str, value: str) -> Contact | None:
    """The contact whose ``email`` or ``external_id`` (``key``) is ``value``."""
    column = Contact.email if key == "email" else Contact.external_id
    return session.scalar(select(Contact).where(column == value))


def contact_conditions(
    session: Session,
    filters: ContactFilters,
    *,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
    unindexed: Container[str] = (),
    search_drives: bool = False,
) -> list[ColumnElement[bool]]:
    """``custom``: ``filters.where`` checked against the field definitions (the service's).
    ``unindexed``: the columns whose conditions no index may answer (``_plain``).
    ``search_drives``: see ``search_conditions``' ``drive``."""

    def column(attribute: Any) -> Any:
        return _plain(attribute) if attribute.key in unindexed else attribute

    conditions: list[ColumnElement[bool]] = custom_conditions_sql(custom)
    if filters.id:
        conditions.append(Contact.id.in_(filters.id))
    if filters.stage:
        conditions.append(column(Contact.lifecycle_stage).in_(filters.stage))
    if filters.owner_id:
        conditions.append(_one_of(column(Contact.owner_id), filters.owner_id))
    if filters.source:
        conditions.append(column(Contact.first_touch_source).in_(filters.source))
    if filters.buying_stage:
        conditions.append(column(Contact.buying_stage).in_(filters.buying_stage))
    for attribute, value, compare in (
        (Contact.account_id, filters.account_id, operator.eq),
        (Contact.score, filters.score_min, operator.ge),
        (Contact.score, filters.score_max, operator.le),
        (Contact.created_at, filters.created_since, operator.ge),
        (Contact.updated_at, filters.updated_since, operator.ge),
    ):
        if value is not None:
            conditions.append(compare(column(attribute), value))
    if filters.is_target is not None:
        targets = select(Account.id).where(Account.is_target.is_(True))
        if filters.is_target:
            conditions.append(Contact.account_id.in_(targets))
        else:
            conditions.append(or_(Contact.account_id.is_(None), Contact.account_id.not_in(targets)))
    # Every word must match somewhere, so "jane acme" finds Jane at Acme.
    words = search_words(filters.q)
    conditions += search_conditions(session, words, search_email=search_email, drive=search_drives)
    return conditions


# The columns a filter narrows by through an index of its own (stage, owner, source, score,
# dates, account).
FILTER_COLUMNS = frozenset(
    {
        "lifecycle_stage",
        "owner_id",
        "first_touch_source",
        "buying_stage",
        "score",
        "created_at",
        "updated_at",
        "account_id",
    }
)


def unindexed_for(
    session: Session,
    filters: ContactFilters,
    sort_column: str | None,
    *,
    wide: int,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
) -> frozenset[str]:
    """The filter columns the list must not read by index: on SQLite, all but the sort's
    when more than ``wide`` contacts match.

    SQLite's statistics say how many rows an index holds per value on average, not per
    value: a stage filter looks as selective for "lead" (nine contacts in ten) as for
    "customer" (one in three hundred), so it would read every lead through the stage index
    and sort them all. When many match, the list's own order (its sort index) finds a
    page's worth after a few thousand rows; when few match, their index finds them all at
    once and sorting them is cheap. PostgreSQL knows each value's share and chooses alone.
    """
    if session.get_bind().dialect.name != "sqlite" or sort_column is None:
        return frozenset()
    values = filters.model_dump(exclude_defaults=True)
    if not any(values.get(name) for name in _FILTERED_BY):
        return frozenset()
    if estimated_matches(session, filters, search_email=search_email, custom=custom) <= wide:
        return frozenset()
    kept = {sort_column}
    one_stage = {"lifecycle_stage"} if len(filters.stage) == 1 else set()
    one_owner = {"owner_id"} if len(filters.owner_id) == 1 else set()
    if sort_column == "score":
        # One stage's or one owner's range of (lifecycle_stage | owner_id, score, id).
        kept |= one_stage | one_owner
    elif sort_column == "owner_id":
        # Each owner's segment is one range of (owner_id, lifecycle_stage, id): read
        # through the owner's index alone, leads by owner checked every assigned contact
        # for the few leads each owner has (72,000 rows, 0.7 s of CPU).
        kept |= one_stage
    elif sort_column == "lifecycle_stage":
        kept |= one_owner  # the same index, each stage's segment of one owner's contacts
    return FILTER_COLUMNS - kept


def sorts_matches(
    session: Session,
    filters: ContactFilters,
    *,
    wide: int,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
) -> bool:
    """Whether few enough contacts match (``wide`` at most, estimated) that the list should
    find them through its filters' indexes and sort them, rather than read its sort index
    from the start: the matches may all sit at its far end (customers have the highest
    scores), which neither planner can tell, as both take columns for independent."""
    values = filters.model_dump(exclude_defaults=True)
    # A search counts: its words' matches may all sit in one stretch of the sort (a last
    # name, sorted by last name), where reading the sort's index finds them last.
    if not any(values.get(name) for name in _FILTERED_BY) and not filters.q:
        return False
    return estimated_matches(session, filters, search_email=search_email, custom=custom) <= wide


# The filters answered by an index of their own column.
_FILTERED_BY = (
    "stage",
    "owner_id",
    "source",
    "account_id",
    "score_min",
    "score_max",
    "created_since",
    "updated_since",
)


def _plain(attribute: Any) -> ColumnElement[Any]:
    """The column as an expression no index answers (the same values, NULL included): a
    condition on it is checked on each row read, and the planner reads rows another way."""
    return cast(ColumnElement[Any], func.coalesce(attribute, attribute))


def _one_of(column: Any, owners: Sequence[int | str]) -> ColumnElement[bool]:
    """Any of these owners, "unassigned" being no owner."""
    ids = [owner for owner in owners if owner != "unassigned"]
    if len(ids) == len(owners):
        return cast(ColumnElement[bool], column.in_(ids))
    return or_(column.is_(None), column.in_(ids)) if ids else column.is_(None)


# The contact's account under a name of its own for the sort by company: the list's query
# keeps its eager-loaded join of the account, and the subqueries of accounts in its filters
# (the search, target accounts) are not correlated with this one.
_COMPANY = aliased(Account, name="company")


def company_key(*, descending: bool) -> JoinedKey:
    """The sort by company: the account's name, then the contact's id; contacts without an
    account together at one end (where the database sorts NULLs)."""
    return JoinedKey(
        _COMPANY.name,
        Contact.id,
        descending,
        target=_COMPANY,
        onclause=_COMPANY.id == Contact.account_id,
        missing=Contact.account_id.is_(None),
        lookup=select(_COMPANY.name).where(_COMPANY.id == Contact.account_id).scalar_subquery(),
        value_of=_company_name,
    )


def _company_name(row: Any) -> str | None:
    """A listed contact's account's name, or an exported row's (``contact_export_page``)."""
    if isinstance(row, Contact):
        return row.account.name if row.account is not None else None
    return cast(str | None, row.account_name)


def contact_page(
    session: Session,
    filters: ContactFilters,
    key: ListKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
    unindexed: Container[str] = (),
    sort_matches: bool = False,
) -> list[Contact]:
    """``sort_matches``: few match, find them by the filters and sort them
    (``sorts_matches``)."""
    conditions = contact_conditions(
        session,
        filters,
        search_email=search_email,
        custom=custom,
        unindexed=unindexed,
        search_drives=sort_matches,
    )
    # The accounts by a second query, of the page's rows only: joined, a page of few matches
    # looked up the account of every match before sorting them (18,000 for two stages).
    query = select(Contact).options(selectinload(Contact.account)).where(*conditions)
    ranged = isinstance(key, SortKey) and stage_ranged(filters, key)
    if isinstance(key, SortKey) and ranged and len(filters.stage) > 1:
        # One range of (lifecycle_stage, column, id) per stage, merged.
        per_stage = [
            select(Contact).where(*conditions, *_in_stage(stage)) for stage in filters.stage
        ]
        return merged_keyset_rows(
            session,
            per_stage,
            key,
            after=after,
            limit=limit,
            options=lambda entity: (selectinload(entity.account),),
        )
    if ranged:
        query = query.where(*_in_stage())
    if sort_matches:
        return _sorted_then_read(session, conditions, filters, key, after=after, limit=limit)
    return keyset_rows(session, query, key, after=after, limit=limit)


def _sorted_then_read(
    session: Session,
    conditions: list[ColumnElement[bool]],
    filters: ContactFilters,
    key: ListKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
) -> list[Contact]:
    """Few matches found and sorted by their ids and sort values alone, then the page's
    rows read by id: sorting whole rows read every match's row (18,000 for two stages),
    while ids and a stage's owners and accounts are in an index (0047). Stages without
    leads name the condition of that index, so both planners may read it."""
    if filters.stage and "lead" not in filters.stage:
        conditions = [*conditions, *_in_stage()]
    found = keyset_rows(
        session,
        select(Contact.id).where(*conditions),
        key,
        after=after,
        limit=limit,
        entities=False,
        plain_order=True,
    )
    ids = [row.id for row in found]
    if not ids:
        return []
    read = select(Contact).options(selectinload(Contact.account)).where(Contact.id.in_(ids))
    by_id = {contact.id: contact for contact in session.scalars(read)}
    return [by_id[contact_id] for contact_id in ids if contact_id in by_id]


def stage_ranged(filters: ContactFilters, key: ListKey) -> bool:
    """Whether the list is filtered by stages alone and each stage's matches are one index
    range in its order, to be read as far as the page rather than found and sorted: sorted
    by stage (``(lifecycle_stage, id)``), or, none of the stages leads, by a column each
    stage has in order of its own (``STAGE_SORTED``, the score). Not by owner: the
    unassigned segment of stages nobody leaves unassigned (MQLs, SQLs) is read whole
    through the unassigned leads by both planners."""
    if filters.model_dump(exclude_defaults=True).keys() != {"stage"}:
        return False
    if isinstance(key, RankedKey):
        return key.column is Contact.lifecycle_stage
    column = getattr(key.column, "key", None) if isinstance(key, SortKey) else None
    return "lead" not in filters.stage and column in {*STAGE_SORTED, "score"}


# The filters that are a range of one sortable column.
_RANGE_OF = {
    "created_at": {"created_since"},
    "updated_at": {"updated_since"},
    "score": {"score_min", "score_max"},
}


def read_in_order(filters: ContactFilters, key: ListKey) -> bool:
    """Whether the list's matches are one index range in its order per stage
    (``stage_ranged``) or in all (a range of the sort's own column, alone: this month's
    contacts by creation), to be read as far as the page, never found and sorted."""
    if stage_ranged(filters, key):
        return True
    column = getattr(key.column, "key", None) if isinstance(key, SortKey) else None
    filtered = filters.model_dump(exclude_defaults=True).keys()
    return bool(filtered) and filtered <= _RANGE_OF.get(column or "", set())


def values_matched(
    session: Session,
    filters: ContactFilters,
    column: InstrumentedAttribute[Any],
    values: Sequence[Any],
    *,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
) -> set[Any]:
    """Which of ``values`` of ``column`` (None: no value) some contact matching ``filters``
    has, one EXISTS each, for a sort by stage or owner to read only their segments. A
    segment with no match is otherwise read whole: its (column, id) range walked in order,
    each row checked (no SAL scores 20-30: 25,673 rows; no owned contact does: 40 owners'
    ranges); asked whether any exists, each planner looks through the index that narrows
    most ((lifecycle_stage | owner_id, score, id) there) and finds none at once."""
    conditions = contact_conditions(session, filters, search_email=search_email, custom=custom)
    checks = [
        select(literal(n)).where(
            exists().where(column.is_(None) if value is None else column == value, *conditions)
        )
        for n, value in enumerate(values)
    ]
    found: set[Any] = set()
    # SQLite takes at most 500 SELECTs in one compound (an owner a user: a big team has more).
    for at in range(0, len(checks), _CHECKS_AT_ONCE):
        batch = checks[at : at + _CHECKS_AT_ONCE]
        found.update(values[n] for n in session.scalars(union_all(*batch)))
    return found


_CHECKS_AT_ONCE = 200


def _in_stage(stage: str | None = None) -> list[ColumnElement[bool]]:
    """The condition of the stage indexes of 0044 in their own words (so both planners see
    it holds), and the one stage when given."""
    named = [] if stage is None else [Contact.lifecycle_stage == stage]
    return [*named, cast(ColumnElement[bool], text(NOT_LEADS))]


def contact_count(
    session: Session,
    filters: ContactFilters,
    *,
    cap: int,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
) -> tuple[int, bool]:
    """How many contacts match: exact up to ``cap`` (True), else an estimate (False).

    The estimate comes first (``estimated_matches``); only when it says the count is within
    ``cap`` is it counted, at most ``cap + 1`` rows read: a filter most contacts pass is
    never counted row by row, and one that few pass is counted through its index.
    """
    searched = _searched_alone(session, filters, search_email=search_email, custom=custom)
    if searched is not None:
        return len(searched), True
    estimate = estimated_matches(session, filters, search_email=search_email, custom=custom)
    if estimate <= cap:
        conditions = contact_conditions(
            session, filters, search_email=search_email, custom=custom, search_drives=True
        )
        matching = select(Contact.id).where(*conditions).limit(cap + 1)
        found = session.scalar(select(func.count()).select_from(matching.subquery())) or 0
        if found <= cap:
            return found, True
        # The estimate missed (the sample met few of them): more than ``cap`` is all it
        # knows, and says so.
        return cap + 1, False
    return estimate, False


def _searched_alone(
    session: Session,
    filters: ContactFilters,
    *,
    search_email: bool,
    custom: Sequence[CustomCondition],
) -> set[int] | None:
    """The contacts a search matches when it is the only filter and its words' matches are
    all known (``search_matches``), else None."""
    if custom or filters.model_dump(exclude_defaults=True).keys() != {"q"}:
        return None
    return search_matches(session, search_words(filters.q), search_email=search_email)


def estimated_matches(
    session: Session,
    filters: ContactFilters,
    *,
    search_email: bool = True,
    custom: Sequence[CustomCondition] = (),
) -> int:
    """About how many contacts match, cheaply: PostgreSQL's planner's estimate (EXPLAIN:
    nothing is read); on SQLite, which has none, the share of matches in a sample of rows
    (a few id ranges spread over the table) times the table's size. Kept for the
    transaction (the request), as the list and its total both ask."""
    known: dict[str, int] = transaction_memo(session, "contact_estimates")
    key = filters.model_dump_json() + repr(search_email)
    if key not in known:
        searched = _searched_alone(session, filters, search_email=search_email, custom=custom)
        if searched is not None:
            known[key] = len(searched)
        elif session.get_bind().dialect.name == "postgresql":
            conditions = contact_conditions(
                session, filters, search_email=search_email, custom=custom
            )
            known[key] = _planner_rows(session, select(Contact.id).where(*conditions))
        else:
            # No index may answer a condition, so each id range drives its own count.
            conditions = contact_conditions(
                session,
                filters,
                search_email=search_email,
                custom=custom,
                unindexed=FILTER_COLUMNS,
            )
            known[key] = _sampled_rows(session, conditions)
    return known[key]


# The SQLite estimate reads this many id ranges of this many rows (20,000 rows in all).
_SAMPLES, _SAMPLE_ROWS = 10, 2_000


def _sampled_rows(session: Session, conditions: list[ColumnElement[bool]]) -> int:
    # Two queries: SQLite reads min() or max() off the index only when it is alone.
    first = session.scalar(select(func.min(Contact.id)))
    last = session.scalar(select(func.max(Contact.id)))
    if first is None or last is None:
        return 0
    span = last - first + 1
    if span <= _SAMPLES * _SAMPLE_ROWS:
        return int(span)  # a small table: counting it is cheap anyway
    step = span // _SAMPLES
    matched = 0
    for n in range(_SAMPLES):
        low = first + n * step
        block = Contact.id.between(low, low + _SAMPLE_ROWS - 1)
        matched += session.scalar(select(func.count()).where(block, *conditions)) or 0
    return round(matched * span / (_SAMPLES * _SAMPLE_ROWS))


def _planner_rows(session: Session, query: Select[Any]) -> int:
    """PostgreSQL's estimate of the rows ``query`` returns (EXPLAIN: nothing is read)."""
    compiled = query.compile(session.get_bind(), compile_kwargs={"render_postcompile": True})
    plan = session.connection().exec_driver_sql(
        "EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params
    )
    return int(plan.scalar_one()[0]["Plan"]["Plan Rows"])


EXPORT_COLUMNS: tuple[str, ...] = tuple(
    column.key for column in Contact.__table__.columns if column.key not in {"custom", "account_id"}
)


def contact_export_page(
    session: Session,
    filters: ContactFilters,
    key: ListKey,
    *,
    after: tuple[Any, int] | None,
    limit: int,
    custom: Sequence[CustomCondition] = (),
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
        .where(*contact_conditions(session, filters, custom=custom))
    )
    return keyset_rows(session, query, key, after=after, limit=limit, entities=False)


def refresh_statistics(session: Session) -> None:
    """Refresh the planner's table statistics (row counts, index selectivity).

    Without them SQLite takes any equality index for selective (a stage filter then reads a
    third of the contacts through the index and sorts them, instead of reading the list in
    order), so run this after a bulk load. PostgreSQL's autovacuum does it eventually; this
    does it now.
    """
    if session.get_bind().dialect.name == "sqlite":
        # A sampled ANALYZE: a fraction of a full one's time, and as good for choosing plans.
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
    conditions += account_search_conditions(session, filters.q)
    query = select(Account).where(*conditions)
    return keyset_rows(session, query, key, after=after, limit=limit)


# --- touches and consent ---------------------------------------------------------------------


def touch(session: Session, touch_id: int) -> Touch | None:
    return session.get(Touch, touch_id)


def touch_by_key(session: Session, scope: str, idempotency_key: str) -> Touch | None:
    """The touch a sender stored under this key (the (scope, key) unique index)."""
    return session.scalar(
        select(Touch).where(
            Touch.idempotency_scope == scope, Touch.idempotency_key == idempotency_key
        )
    )


def on_conflict_insert(session: Session) -> Callable[..., Any]:
    """The dialect's INSERT, which has ON CONFLICT (both PostgreSQL and SQLite do)."""
    dialect = session.get_bind().dialect.name
    if dialect not in {"postgresql", "sqlite"}:
        raise NotImplementedError(f"ON CONFLICT on {dialect}")
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def insert_touch(session: Session, values: dict[str, Any]) -> Touch | None:
    """Insert a touch in one statement; None if its sender stored its idempotency key
    already (ON CONFLICT DO NOTHING: no extra lookup, and no failed statement under a race)."""
    statement = (
        on_conflict_insert(session)(Touch)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["idempotency_scope", "idempotency_key"])
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


def update_contact_columns(session: Session, rows: list[dict[str, Any]]) -> None:
    """One executemany UPDATE: each row has ``contact_id`` and the same other columns."""
    if not rows:
        return
    contacts = cast(Table, Contact.__table__)
    statement = update(contacts).where(contacts.c.id == bindparam("contact_id"))
    session.connection().execute(statement, rows)


def set_buying_stage(session: Session, contact_id: int, stage: str) -> None:
    session.execute(
        update(Contact)
        .where(Contact.id == contact_id)
        .values(buying_stage=stage, updated_at=Contact.updated_at)
        .execution_options(synchronize_session=False)
    )
    loaded = session.identity_map.get(session.identity_key(Contact, contact_id))
    if loaded is not None:
        session.expire(loaded, ["buying_stage"])
