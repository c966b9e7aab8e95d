"""Every query of the lifecycle domain. Services hold the rules; this holds the SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from operator import itemgetter
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    Row,
    Table,
    and_,
    bindparam,
    delete,
    distinct,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Account, Contact
from huddle.core.bulk import bulk_statement, executemany_converted
from huddle.core.insert_triggers import insert_triggers_run_together
from huddle.core.timeline import Before, newest
from huddle.lifecycle.models import (
    AllowedTransition,
    DealActivity,
    Opportunity,
    OpportunityContact,
    RejectionReason,
    StageTransition,
    one_currency,
)

# --- allowed transitions ----------------------------------------------------------------


def allowed_pairs(session: Session) -> set[tuple[str, str]]:
    rows = session.execute(select(AllowedTransition.from_stage, AllowedTransition.to_stage))
    return {(a, b) for a, b in rows}


def list_allowed(session: Session) -> list[AllowedTransition]:
    query = select(AllowedTransition).order_by(
        AllowedTransition.from_stage, AllowedTransition.to_stage
    )
    return list(session.scalars(query))


def is_allowed(session: Session, from_stage: str, to_stage: str) -> bool:
    query = select(AllowedTransition.to_stage).where(
        AllowedTransition.from_stage == from_stage, AllowedTransition.to_stage == to_stage
    )
    return session.scalar(query) is not None


def allowed_targets(session: Session, from_stage: str) -> list[str]:
    query = select(AllowedTransition.to_stage).where(AllowedTransition.from_stage == from_stage)
    return list(session.scalars(query))


def replace_allowed(
    session: Session, *, add: Iterable[tuple[str, str]], remove: Iterable[tuple[str, str]]
) -> None:
    for from_stage, to_stage in remove:
        session.execute(
            delete(AllowedTransition).where(
                AllowedTransition.from_stage == from_stage, AllowedTransition.to_stage == to_stage
            )
        )
    rows = [{"from_stage": a, "to_stage": b} for a, b in add]
    if rows:
        session.execute(insert(AllowedTransition), rows)


# --- rejection reasons ------------------------------------------------------------------


def list_reasons(session: Session, *, active_only: bool) -> list[RejectionReason]:
    query = select(RejectionReason).order_by(RejectionReason.position, RejectionReason.code)
    if active_only:
        query = query.where(RejectionReason.active.is_(True))
    return list(session.scalars(query))


def find_reason(session: Session, code: str) -> RejectionReason | None:
    return session.get(RejectionReason, code)


def next_reason_position(session: Session) -> int:
    return (session.scalar(select(func.max(RejectionReason.position))) or 0) + 1


# --- stage transitions ------------------------------------------------------------------


def add_transition(session: Session, **values: Any) -> StageTransition:
    transition = StageTransition(**values)
    session.add(transition)
    session.flush()
    return transition


def insert_transitions(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Many rows in one executemany: imports publish chunks of thousands of new contacts."""
    if not rows:
        return
    columns = list(rows[0])
    # Every row has the same keys: as many as the first row, and none other (checked in C).
    same_keys = set(map(len, rows)) == {len(columns)} and set().union(*rows) == set(columns)
    if len(columns) < 2 or "at" not in columns or not same_keys:
        # Rows leaving a column to its default, or differing: the ORM's bulk insert.
        session.execute(insert(StageTransition), rows)
        return
    if session.autoflush:
        session.flush()  # as the ORM statement would
    table = cast(Table, StageTransition.__table__)
    executemany_converted(session, table, columns, list(map(itemgetter(*columns), rows)))


def transitions_inserted_together(session: Session, rows: int) -> AbstractContextManager[None]:
    """Insert ``rows`` stage rows inside, and nothing else into their table: their insert
    triggers (attribution's notes) run once for them all (``core.insert_triggers``)."""
    return insert_triggers_run_together(session, cast(Table, StageTransition.__table__), rows)


def insert_transition_rows(
    session: Session,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    shared: Mapping[str, Any] | None = None,
) -> None:
    """Many rows as tuples in ``columns`` order: an imported history's hundreds of
    thousands of moves without a dict each; ``shared``: the columns every row has alike
    (who recorded them, the source), given once."""
    if not rows:
        return
    if session.autoflush:
        session.flush()
    table = cast(Table, StageTransition.__table__)
    executemany_converted(session, table, columns, rows, shared=shared)


def insert_first_transitions(
    session: Session, *, first_id: int, stages: Sequence[str], at: datetime, by: dict[str, Any]
) -> None:
    """The first history row of consecutive contacts: ``first_id`` in ``stages[0]``, the
    next id in ``stages[1]``... One INSERT ... SELECT, the stages handed over as one array
    value (a JSON text on SQLite), instead of binding a row of parameters per contact."""
    table = cast(Table, StageTransition.__table__)
    values = {"first_id": first_id, "at": at, **by}
    if session.get_bind().dialect.name == "sqlite":
        source = "SELECT :first_id + key AS offset_id, value AS stage FROM json_each(:stages)"
        values["stages"] = json.dumps(list(stages))
    else:
        source = (
            "SELECT :first_id + ordinality - 1 AS offset_id, stage"
            " FROM unnest(CAST(:stages AS text[])) WITH ORDINALITY AS s(stage, ordinality)"
        )
        values["stages"] = list(stages)
    parameters = [bindparam(name, type_=table.c[name].type) for name in ("at", *by)]
    chosen = select(
        literal_column("offset_id"), null(), literal_column("stage"), *parameters
    ).select_from(text(f"({source}) AS created"))
    names = ["contact_id", "from_stage", "to_stage", "at", *by]
    with transitions_inserted_together(session, len(stages)), bulk_statement():
        session.execute(insert(table).from_select(names, chosen), values)


# Contacts per query when reading a chunk's recorded moves: well inside every database's
# limit on parameters.
_IDS_PER_QUERY = 5_000


def recorded_moves(session: Session, contact_ids: Sequence[int]) -> set[tuple[int, str, datetime]]:
    """(contact id, stage, at) of every move recorded for these contacts."""
    found: set[tuple[int, str, datetime]] = set()
    table = cast(Table, StageTransition.__table__)
    for start in range(0, len(contact_ids), _IDS_PER_QUERY):
        ids = contact_ids[start : start + _IDS_PER_QUERY]
        query = select(table.c.contact_id, table.c.to_stage, table.c.at).where(
            table.c.contact_id.in_(ids)
        )
        found.update(tuple(row) for row in session.execute(query))
    return found


def placeholder_moves(
    session: Session, contact_ids: Sequence[int], *, reason: str
) -> dict[int, int]:
    """Contact id -> the id of its one move, for the contacts whose whole history is one
    move into a first stage (from none) recorded with ``reason``."""
    found: dict[int, int] = {}
    table = cast(Table, StageTransition.__table__)
    for start in range(0, len(contact_ids), _IDS_PER_QUERY):
        ids = contact_ids[start : start + _IDS_PER_QUERY]
        query = (
            select(table.c.contact_id, func.max(table.c.id))
            .where(table.c.contact_id.in_(ids))
            .group_by(table.c.contact_id)
            .having(
                func.count() == 1,
                func.max(table.c.from_stage).is_(None),
                func.max(table.c.reason) == reason,
            )
        )
        found.update(session.execute(query).all())
    return found


def delete_transitions(session: Session, transition_ids: Sequence[int]) -> None:
    table = cast(Table, StageTransition.__table__)
    for start in range(0, len(transition_ids), _IDS_PER_QUERY):
        session.execute(
            delete(table).where(table.c.id.in_(transition_ids[start : start + _IDS_PER_QUERY]))
        )


def history(session: Session, contact_id: int) -> list[StageTransition]:
    query = (
        select(StageTransition)
        .where(StageTransition.contact_id == contact_id)
        .order_by(StageTransition.at, StageTransition.id)
    )
    return list(session.scalars(query))


def timeline_stage_changes(
    session: Session,
    *,
    contact_id: int | None,
    account_id: int | None,
    before: Before | None,
    limit: int,
) -> list[StageTransition]:
    """The timeline's page of stage changes of a contact, or of an account's contacts:
    newest first, off the (contact, at) index, unlike ``history`` (one contact, whole)."""
    subject = (
        StageTransition.contact_id == contact_id
        if contact_id is not None
        else StageTransition.contact_id.in_(
            select(Contact.id).where(Contact.account_id == account_id)
        )
    )
    return newest(
        session,
        select(StageTransition).where(subject),
        kind="stage_change",
        at_column=StageTransition.at,
        id_column=StageTransition.id,
        before=before,
        limit=limit,
    )


class StageEntry(NamedTuple):
    contact_id: int
    entered_at: datetime


def first_entries(
    session: Session, *, stage: str, since: datetime | None, until: datetime | None
) -> list[StageEntry]:
    """One GROUP BY over the (to_stage, at) index: the window is an index range."""
    entered_at = func.min(StageTransition.at).label("entered_at")
    query = select(StageTransition.contact_id, entered_at).where(StageTransition.to_stage == stage)
    if since is not None:
        query = query.where(StageTransition.at >= since)
    if until is not None:
        query = query.where(StageTransition.at < until)
    query = query.group_by(StageTransition.contact_id).order_by(
        entered_at, StageTransition.contact_id
    )
    # min() over the TypeDecorator column comes back through it, so times stay aware UTC.
    return [StageEntry(contact_id, at) for contact_id, at in session.execute(query)]


def count_entries(
    session: Session, *, stages: Sequence[str], since: datetime | None, until: datetime | None
) -> dict[str, int]:
    """How many contacts entered each stage in the window, each contact once per stage.

    One statement: ``to_stage IN (...)`` with the time range walks the (to_stage, at)
    index stage by stage, so only the window's rows are read.
    """
    query = (
        select(StageTransition.to_stage, func.count(distinct(StageTransition.contact_id)))
        .where(StageTransition.to_stage.in_(list(stages)))
        .group_by(StageTransition.to_stage)
    )
    if since is not None:
        query = query.where(StageTransition.at >= since)
    if until is not None:
        query = query.where(StageTransition.at < until)
    counts = dict.fromkeys(stages, 0)
    counts.update(dict(session.execute(query).all()))
    return counts


# --- merges -----------------------------------------------------------------------------


def repoint_contact(session: Session, *, merged_id: int, survivor_id: int) -> None:
    session.execute(
        update(StageTransition)
        .where(StageTransition.contact_id == merged_id)
        .values(contact_id=survivor_id)
    )
    session.execute(
        update(Opportunity)
        .where(Opportunity.primary_contact_id == merged_id)
        .values(primary_contact_id=survivor_id)
    )
    # Where both were on the same deal, the survivor keeps its own role: moving the merged
    # row would duplicate the (opportunity, contact) primary key.
    survivor_deals = select(OpportunityContact.opportunity_id).where(
        OpportunityContact.contact_id == survivor_id
    )
    session.execute(
        delete(OpportunityContact).where(
            OpportunityContact.contact_id == merged_id,
            OpportunityContact.opportunity_id.in_(survivor_deals),
        )
    )
    session.execute(
        update(OpportunityContact)
        .where(OpportunityContact.contact_id == merged_id)
        .values(contact_id=survivor_id)
    )


def repoint_account(session: Session, *, merged_id: int, survivor_id: int) -> None:
    session.execute(
        update(Opportunity)
        .where(Opportunity.account_id == merged_id)
        .values(account_id=survivor_id)
    )


# --- opportunities ----------------------------------------------------------------------


def find_opportunity(session: Session, opportunity_id: int) -> Opportunity | None:
    return session.get(Opportunity, opportunity_id)


def roles_of(session: Session, opportunity_id: int) -> list[OpportunityContact]:
    query = (
        select(OpportunityContact)
        .where(OpportunityContact.opportunity_id == opportunity_id)
        .order_by(OpportunityContact.added_at, OpportunityContact.contact_id)
    )
    return list(session.scalars(query))


def find_role(session: Session, opportunity_id: int, contact_id: int) -> OpportunityContact | None:
    return session.get(OpportunityContact, (opportunity_id, contact_id))


def add_roles(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    table = cast(Table, OpportunityContact.__table__)
    with insert_triggers_run_together(session, table, len(rows)):
        session.execute(insert(OpportunityContact), rows)


def linked_contact_ids(session: Session, opportunity: Opportunity) -> list[int]:
    """The primary contact and every contact with a role, each once, in a stable order."""
    ids = session.scalars(
        select(OpportunityContact.contact_id)
        .where(OpportunityContact.opportunity_id == opportunity.id)
        .order_by(OpportunityContact.contact_id)
    )
    primary = [opportunity.primary_contact_id] if opportunity.primary_contact_id else []
    return list(dict.fromkeys([*primary, *ids]))


def on_deal(contact_id: Any) -> Any:
    """SQL condition: the opportunity has this contact as primary or in a role."""
    role = select(OpportunityContact.opportunity_id).where(
        OpportunityContact.contact_id == contact_id,
        OpportunityContact.opportunity_id == Opportunity.id,
    )
    return or_(Opportunity.primary_contact_id == contact_id, role.exists())


def contacts_on_other_open_deals(
    session: Session, contact_ids: Sequence[int], *, besides: int
) -> set[int]:
    if not contact_ids:
        return set()
    as_primary = select(Opportunity.primary_contact_id).where(
        Opportunity.primary_contact_id.in_(contact_ids),
        Opportunity.status == "open",
        Opportunity.id != besides,
    )
    in_role = (
        select(OpportunityContact.contact_id)
        .join(Opportunity, Opportunity.id == OpportunityContact.opportunity_id)
        .where(
            OpportunityContact.contact_id.in_(contact_ids),
            Opportunity.status == "open",
            Opportunity.id != besides,
        )
    )
    found = session.scalars(as_primary.union(in_role))
    return {contact_id for contact_id in found if contact_id is not None}


def page_of_opportunities(
    session: Session,
    *,
    account_id: int | None,
    owner_id: int | None,
    status: str | None,
    pipeline_stage: str | None,
    contact_id: int | None,
    before_id: int | None,
    limit: int,
) -> list[Opportunity]:
    """Newest first, keyset on id; one row more than asked so the caller knows if more follow."""
    query = select(Opportunity).order_by(Opportunity.id.desc()).limit(limit + 1)
    conditions = [
        column == value
        for column, value in (
            (Opportunity.account_id, account_id),
            (Opportunity.owner_id, owner_id),
            (Opportunity.status, status),
            (Opportunity.pipeline_stage, pipeline_stage),
        )
        if value is not None
    ]
    if contact_id is not None:
        conditions.append(on_deal(contact_id))
    if before_id is not None:
        conditions.append(Opportunity.id < before_id)
    if conditions:
        query = query.where(and_(*conditions))
    return list(session.scalars(query))


class BoardTotalRow(NamedTuple):
    pipeline_stage: str
    deals: int
    amount: float
    # The currency of every deal summed; None when they are in several.
    currency: str | None


def board_totals(
    session: Session, *, stages: Sequence[str], owner_id: int | None
) -> list[BoardTotalRow]:
    query = (
        select(
            Opportunity.pipeline_stage,
            func.count(),
            func.coalesce(func.sum(Opportunity.amount), 0),
            one_currency(),
        )
        .where(Opportunity.status == "open", Opportunity.pipeline_stage.in_(stages))
        .group_by(Opportunity.pipeline_stage)
    )
    if owner_id is not None:
        query = query.where(Opportunity.owner_id == owner_id)
    return [
        BoardTotalRow(stage, n, float(amount), currency)
        for stage, n, amount, currency in session.execute(query)
    ]


def board_cards(
    session: Session, *, stages: Sequence[str], owner_id: int | None, per_stage: int
) -> list[Row[Any]]:
    """The cards of every column in one query: the ``per_stage`` closing soonest per stage.

    Rows carry ``pipeline_stage`` and the fields of ``schemas.BoardCard`` by name.
    """
    # Deals without an expected close date go last in every database.
    undated = Opportunity.expected_close_date.is_(None)
    rank = (
        func.row_number()
        .over(
            partition_by=Opportunity.pipeline_stage,
            order_by=(undated, Opportunity.expected_close_date, Opportunity.id),
        )
        .label("rank")
    )
    ranked = select(Opportunity.id, rank).where(
        Opportunity.status == "open", Opportunity.pipeline_stage.in_(stages)
    )
    if owner_id is not None:
        ranked = ranked.where(Opportunity.owner_id == owner_id)
    top = ranked.subquery()
    query = (
        select(
            Opportunity.pipeline_stage,
            Opportunity.id,
            Opportunity.name,
            Opportunity.account_id,
            Account.name.label("account_name"),
            Opportunity.amount,
            Opportunity.currency,
            Opportunity.owner_id,
            User.name.label("owner_name"),
            Opportunity.expected_close_date,
        )
        .join(top, top.c.id == Opportunity.id)
        .join(Account, Account.id == Opportunity.account_id)
        .outerjoin(User, User.id == Opportunity.owner_id)
        .where(top.c.rank <= per_stage)
        .order_by(Opportunity.pipeline_stage, top.c.rank)
    )
    return list(session.execute(query))


def deals_of_contact(session: Session, contact_id: int) -> list[tuple[Opportunity, str | None]]:
    """The deals a contact is on (primary or in a role), with their role, oldest first."""
    query = (
        select(Opportunity, OpportunityContact.role)
        .outerjoin(
            OpportunityContact,
            and_(
                OpportunityContact.opportunity_id == Opportunity.id,
                OpportunityContact.contact_id == contact_id,
            ),
        )
        .where(
            or_(
                Opportunity.primary_contact_id == contact_id,
                OpportunityContact.contact_id.is_not(None),
            )
        )
        .order_by(Opportunity.id)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


# --- imported deals ---------------------------------------------------------------------------


def opportunities_by_external_id(
    session: Session, external_ids: Sequence[str]
) -> dict[str, Opportunity]:
    """The deals imported before under these ids, in one query."""
    if not external_ids:
        return {}
    query = select(Opportunity).where(Opportunity.external_id.in_(external_ids))
    return {deal.external_id: deal for deal in session.scalars(query) if deal.external_id}


def accounts_by_name(session: Session, names: Sequence[str]) -> dict[str, int]:
    """Name -> the oldest account with exactly that name (as contacts match them)."""
    if not names:
        return {}
    query = select(Account.name, func.min(Account.id)).where(Account.name.in_(names))
    return dict(session.execute(query.group_by(Account.name)).all())


def contact_stage_entries(
    session: Session, contact_ids: Sequence[int]
) -> dict[int, tuple[str, datetime]]:
    """Each contact's stage and when it entered it."""
    if not contact_ids:
        return {}
    query = select(Contact.id, Contact.lifecycle_stage, Contact.stage_entered_at).where(
        Contact.id.in_(contact_ids)
    )
    return {contact_id: (stage, at) for contact_id, stage, at in session.execute(query)}


def insert_opportunities(session: Session, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """New deals, each with its ``external_id``, in one executemany; their ids by
    external id (read back by the unique index: cheaper than RETURNING in rows' order)."""
    if not rows:
        return {}
    # An import's thousands: attribution notes them once, not row by row.
    with insert_triggers_run_together(session, cast(Table, Opportunity.__table__), len(rows)):
        session.execute(insert(Opportunity), rows)
    return opportunity_ids_by_external_id(session, [row["external_id"] for row in rows])


def opportunity_ids_by_external_id(session: Session, external_ids: Sequence[str]) -> dict[str, int]:
    query = select(Opportunity.external_id, Opportunity.id).where(
        Opportunity.external_id.in_(external_ids)
    )
    return {external_id: deal_id for external_id, deal_id in session.execute(query) if external_id}


def roles_on(session: Session, opportunity_ids: Sequence[int]) -> set[tuple[int, int]]:
    """(deal, contact) of every contact role on these deals."""
    if not opportunity_ids:
        return set()
    query = select(OpportunityContact.opportunity_id, OpportunityContact.contact_id).where(
        OpportunityContact.opportunity_id.in_(opportunity_ids)
    )
    return {(deal_id, contact_id) for deal_id, contact_id in session.execute(query)}


# --- deal activity -----------------------------------------------------------------------


def add_deal_activity(session: Session, **values: Any) -> None:
    session.add(DealActivity(**values))


def deal_activity(session: Session, opportunity_id: int, *, limit: int) -> list[DealActivity]:
    """The deal's latest changes, newest first."""
    query = (
        select(DealActivity)
        .where(DealActivity.opportunity_id == opportunity_id)
        .order_by(DealActivity.at.desc(), DealActivity.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
