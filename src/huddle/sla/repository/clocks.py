"""Clocks and their log. The worker's pass finds what is due with one range query per
index: (state, warn_at) and (state, due_at)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, String, any_, insert, literal, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.db import repoint
from huddle.core.models import UTCDateTime
from huddle.sla.models import SlaClock, SlaClockEvent


def among(session: Session, column: Any, ids: list[int]) -> Any:
    """``column IN ids``: one array parameter on PostgreSQL (a thousand-item IN list costs
    more to send and plan than the work), a plain IN list on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(ids, ARRAY(BigInteger())))
    return column.in_(ids)


def log_events(session: Session, rows: list[dict[str, Any]]) -> None:
    """Log rows (clock id, contact id, kind, at, detail), in one INSERT."""
    if rows:
        session.execute(insert(SlaClockEvent), rows)


def log_for_each(session: Session, ids: list[int], kind: str, at: datetime, detail: str) -> None:
    """One log row per clock in ``ids``, written by one INSERT ... SELECT."""
    if not ids:
        return
    session.execute(
        insert(SlaClockEvent).from_select(
            ["clock_id", "contact_id", "kind", "at", "detail"],
            select(
                SlaClock.id,
                SlaClock.contact_id,
                literal(kind, String()),
                literal(at, UTCDateTime()),
                literal(detail, String()),
            ).where(among(session, SlaClock.id, ids)),
        )
    )


def open_clocks(
    session: Session, contact_ids: Iterable[int], kinds: Sequence[str] | None = None
) -> list[SlaClock]:
    """Clocks still waiting to be satisfied: running, paused, or breached and not yet met."""
    ids = sorted(set(contact_ids))
    if not ids:
        return []
    query = select(SlaClock).where(
        SlaClock.contact_id.in_(ids),
        SlaClock.state.in_(("running", "paused", "breached")),
        SlaClock.stopped_at.is_(None),
    )
    if kinds is not None:
        query = query.where(SlaClock.term_kind.in_(kinds))
    return list(session.scalars(query.order_by(SlaClock.id)))


def claim_moment_reached(
    session: Session, moment: Any, now: datetime, limit: int, marks: dict[str, Any]
) -> list[Any]:
    """Running clocks whose ``moment`` (warn_at or due_at) has come, marked in one
    UPDATE ... RETURNING whose candidates come from the (state, moment) index."""
    candidates = (
        select(SlaClock.id)
        .where(SlaClock.state == "running", moment <= now)
        .order_by(moment)
        .limit(limit)
    )
    return list(
        session.execute(
            update(SlaClock)
            .where(SlaClock.id.in_(candidates.scalar_subquery()))
            .values(**marks)
            .returning(
                SlaClock.id,
                SlaClock.contact_id,
                SlaClock.owner_id,
                SlaClock.term_key,
                SlaClock.version_id,
                SlaClock.handoff_id,
                SlaClock.due_at,
            )
            .execution_options(synchronize_session=False)
        )
    )


def _away() -> Any:
    return select(User.id).where(User.out_of_office.is_(True))


def clocks_to_pause(session: Session) -> list[SlaClock]:
    """Running pausable clocks whose owner is out of office."""
    return list(
        session.scalars(
            select(SlaClock).where(
                SlaClock.state == "running",
                SlaClock.pausable.is_(True),
                SlaClock.owner_id.in_(_away()),
            )
        )
    )


def clocks_to_resume(session: Session) -> list[SlaClock]:
    """Paused clocks whose owner is back (or that have no owner)."""
    return list(
        session.scalars(
            select(SlaClock).where(
                SlaClock.state == "paused",
                (SlaClock.owner_id.is_(None)) | SlaClock.owner_id.not_in(_away()),
            )
        )
    )


def managers_of(session: Session, owner_ids: list[int]) -> dict[int, int]:
    """Owner id -> their manager's id, for the owners that have one."""
    managers: dict[int, int] = {}
    if owner_ids:
        for user_id, manager_id in session.execute(
            select(User.id, User.manager_id).where(
                among(session, User.id, owner_ids), User.manager_id.is_not(None)
            )
        ):
            if manager_id is not None:
                managers[user_id] = manager_id
    return managers


def clocks_of_contact(session: Session, contact_id: int, *, limit: int) -> list[SlaClock]:
    """Newest first."""
    return list(
        session.scalars(
            select(SlaClock)
            .where(SlaClock.contact_id == contact_id)
            .order_by(SlaClock.started_at.desc(), SlaClock.id.desc())
            .limit(limit)
        )
    )


def log_of_contact(session: Session, contact_id: int, *, limit: int) -> list[SlaClockEvent]:
    """Newest first."""
    return list(
        session.scalars(
            select(SlaClockEvent)
            .where(SlaClockEvent.contact_id == contact_id)
            .order_by(SlaClockEvent.at.desc(), SlaClockEvent.id.desc())
            .limit(limit)
        )
    )


def move_clocks(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged duplicate's clocks and their logs are the survivor's: a running clock
    keeps running, and a breach stays counted."""
    repoint(session, SlaClock.contact_id, SlaClockEvent.contact_id, old=merged_id, new=survivor_id)
