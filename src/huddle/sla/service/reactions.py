"""What starts and stops clocks: hand-offs and their decisions, recycling, stage changes
and touches (sales activity, inbound requests, custom terms' touches)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.routing.events import SALES_ACTIVITY_TYPES
from huddle.sla.calendar import add_business_time
from huddle.sla.models import SlaClock
from huddle.sla.repository import calendars as calendar_rows
from huddle.sla.repository import clocks as clock_rows
from huddle.sla.repository import leads
from huddle.sla.service.calendars import CalendarCache
from huddle.sla.service.clocks import (
    HANDOFF_KINDS,
    Start,
    business_duration,
    cancel,
    log_row,
    satisfy,
    start_clocks,
)
from huddle.sla.service.versions import TermCache, touch_interest
from huddle.sla.terms import Condition, Term


def on_handed_off(
    session: Session,
    *,
    handoff_id: int,
    contact_id: int,
    owner_id: int | None,
    team: str,
    at: datetime,
) -> list[SlaClock]:
    log: list[dict[str, Any]] = []
    calendars = CalendarCache(session)
    for c in clock_rows.open_clocks(session, [contact_id], HANDOFF_KINDS):
        if c.handoff_id != handoff_id:
            log += cancel(c, at, f"handed off again (hand-off #{handoff_id})", calendars)
    if owner_id is not None:
        log += _give_unowned_clocks_to(session, contact_id, owner_id, team, at, calendars)
    clock_rows.log_events(session, log)
    session.flush()
    return start_clocks(
        session,
        contact_id=contact_id,
        owner_id=owner_id,
        team=team,
        at=at,
        handoff_id=handoff_id,
        start=Start(
            ("first_touch", "decision", "touch_attempts"), condition=Condition(event="handed_off")
        ),
        calendars=calendars,
    )


def _give_unowned_clocks_to(
    session: Session,
    contact_id: int,
    owner_id: int,
    team: str,
    at: datetime,
    calendars: CalendarCache,
) -> list[dict[str, Any]]:
    """A custom term's clock that started when the lead qualified, before it was routed (a
    job after that commit), belongs to the rep it is handed to: due by their calendar."""
    terms = TermCache(session)
    log: list[dict[str, Any]] = []
    for c in clock_rows.open_clocks(session, [contact_id], ("custom",)):
        term = terms.term(c)
        if c.owner_id is not None or c.state != "running" or term is None:
            continue
        calendar = calendars.for_owner(owner_id, team)
        duration = business_duration(term, calendar)
        c.owner_id, c.team = owner_id, team
        c.business_seconds = int(duration.total_seconds())
        c.due_at = add_business_time(c.started_at, duration, calendar)
        c.warn_at = add_business_time(c.started_at, duration * term.warn_fraction, calendar)
        owner = calendar_rows.get_user(session, owner_id)
        name = owner.name if owner is not None else "the new owner"
        log.append(log_row(c, "assigned", at, f"to {name}, who the lead was handed to"))
    return log


def on_decided(
    session: Session,
    *,
    handoff_id: int,
    contact_id: int,
    owner_id: int,
    accepted: bool,
    at: datetime,
) -> None:
    log: list[dict[str, Any]] = []
    word = "accepted" if accepted else "rejected"
    condition = Condition(event=word)
    terms = TermCache(session)
    calendars = CalendarCache(session)
    for c in clock_rows.open_clocks(session, [contact_id]):
        if (c.term_kind == "decision" and c.handoff_id in (handoff_id, None)) or (
            c.term_kind == "custom" and _stops(terms.term(c), condition)
        ):
            log += satisfy(c, at, f"hand-off {word}", calendars)
        elif not accepted and c.term_kind in HANDOFF_KINDS:
            log += cancel(c, at, "hand-off rejected", calendars)
    clock_rows.log_events(session, log)
    session.flush()
    _start_custom(session, contact_id, owner_id, at, condition)


def on_recycled(session: Session, *, contact_id: int, at: datetime, reason: str) -> None:
    log: list[dict[str, Any]] = []
    condition = Condition(event="recycled")
    terms = TermCache(session)
    calendars = CalendarCache(session)
    for c in clock_rows.open_clocks(session, [contact_id]):
        if c.term_kind == "custom" and _stops(terms.term(c), condition):
            log += satisfy(c, at, "recycled", calendars)
        elif c.term_kind in HANDOFF_KINDS:
            log += cancel(c, at, f"recycled to marketing: {reason}", calendars)
    clock_rows.log_events(session, log)
    session.flush()
    _start_custom(session, contact_id, None, at, condition)


def on_stage_changed(session: Session, *, contact_id: int, to_stage: str, at: datetime) -> None:
    condition = Condition(stage=to_stage)
    terms = TermCache(session)
    log: list[dict[str, Any]] = []
    calendars = CalendarCache(session)
    for c in clock_rows.open_clocks(session, [contact_id], ("custom",)):
        if _stops(terms.term(c), condition):
            log += satisfy(c, at, f"stage {to_stage}", calendars)
    clock_rows.log_events(session, log)
    session.flush()
    owner_id = leads.owner_of(session, contact_id)
    _start_custom(session, contact_id, owner_id, at, condition)


def _stops(term: Term | None, condition: Condition) -> bool:
    return term is not None and term.stop == condition


def _start_custom(
    session: Session, contact_id: int, owner_id: int | None, at: datetime, condition: Condition
) -> None:
    start_clocks(
        session,
        contact_id=contact_id,
        owner_id=owner_id,
        team=None,
        at=at,
        start=Start((), condition=condition),
    )


def on_touches(
    session: Session, touch_ids: Sequence[int], touch_types: Iterable[str] | None = None
) -> None:
    """Sales touches satisfy first-touch, attempts, follow-up and customer-response clocks;
    inbound requests start customer-response clocks; any touch may match a custom term.
    ``touch_types``: the touches' types, where the caller knows them (a batch none of whose
    types a clock waits for is done without reading its touches)."""
    interest = touch_interest(session)
    request_types, custom_touches = interest.request_types, interest.custom_touches
    follow_up = interest.follow_up
    # Open clocks of older versions may stop on custom touches too; those are rare, so the
    # touch types the active version names (plus sales activity) decide which rows to read.
    wanted = set(SALES_ACTIVITY_TYPES) | request_types | custom_touches
    if touch_types is not None and wanted.isdisjoint(touch_types):
        return
    rows = leads.touches_of_types(session, touch_ids, wanted)
    if not rows:
        return
    terms = TermCache(session)
    calendars = CalendarCache(session)
    contact_ids = {r.contact_id for r in rows}
    open_by_contact: dict[int, list[SlaClock]] = {}
    for c in clock_rows.open_clocks(session, contact_ids):
        open_by_contact.setdefault(c.contact_id, []).append(c)
    owners = leads.owners_of(session, contact_ids)
    log: list[dict[str, Any]] = []
    for row in rows:
        clocks = open_by_contact.get(row.contact_id, [])
        condition = Condition(touch=row.type)
        if row.type in SALES_ACTIVITY_TYPES:
            handoff_owner: int | None = None
            had_handoff = False
            for c in clocks:
                if c.stopped_at is not None or c.started_at > row.occurred_at:
                    continue
                if c.term_kind in ("first_touch", "customer_response", "follow_up"):
                    why = row.type.replace("_", " ")
                    log += satisfy(c, row.occurred_at, why, calendars)
                elif c.term_kind == "touch_attempts":
                    c.count += 1
                    log.append(
                        log_row(c, "attempt", row.occurred_at, f"{c.count} of {c.target_count}")
                    )
                    if c.target_count is not None and c.count >= c.target_count:
                        why = f"{c.count} touch attempts"
                        log += satisfy(c, row.occurred_at, why, calendars)
                if c.handoff_id is not None:
                    had_handoff, handoff_owner = True, c.owner_id
            if follow_up and had_handoff:
                session.flush()
                clock_rows.log_events(session, log)
                log = []
                new = start_clocks(
                    session,
                    contact_id=row.contact_id,
                    owner_id=handoff_owner or owners.get(row.contact_id),
                    team=None,
                    at=row.occurred_at,
                    start=Start(("follow_up",)),
                    handoff_id=_latest_handoff(clocks),
                    calendars=calendars,
                )
                clocks.extend(new)
        for c in clocks:
            if (
                c.term_kind == "custom"
                and c.stopped_at is None
                and c.started_at <= row.occurred_at
                and _stops(terms.term(c), condition)
            ):
                log += satisfy(c, row.occurred_at, row.type, calendars)
        if row.type in request_types or row.type in custom_touches:
            session.flush()
            clock_rows.log_events(session, log)
            log = []
            new = start_clocks(
                session,
                contact_id=row.contact_id,
                owner_id=owners.get(row.contact_id),
                team="sales",
                at=row.occurred_at,
                start=Start(
                    ("customer_response",) if row.type in request_types else (),
                    condition=condition,
                ),
                request_type=row.type,
                calendars=calendars,
            )
            clocks.extend(new)
            open_by_contact[row.contact_id] = clocks
    session.flush()
    clock_rows.log_events(session, log)


def _latest_handoff(clocks: list[SlaClock]) -> int | None:
    ids = [c.handoff_id for c in clocks if c.handoff_id is not None]
    return max(ids) if ids else None


def on_play_task_opened(
    session: Session,
    *,
    task_id: int,
    contact_id: int,
    task_owner: str,
    owner_id: int | None,
    team: str | None,
    at: datetime,
) -> list[SlaClock]:
    """A play's task opened: a clock for each ``play_task`` term that measures such tasks
    (none applies: the task keeps only its own due time)."""
    return start_clocks(
        session,
        contact_id=contact_id,
        owner_id=owner_id,
        team=team,
        at=at,
        start=Start(("play_task",)),
        task=(task_id, task_owner),
    )


def on_play_task_done(session: Session, *, task_id: int, contact_id: int, at: datetime) -> None:
    """The task's clocks stop: met when done by their due time, met late otherwise."""
    _end_task_clocks(session, task_id, contact_id, lambda c, cal: satisfy(c, at, "task done", cal))


def on_play_task_withdrawn(
    session: Session, *, task_id: int, contact_id: int, at: datetime, why: str
) -> None:
    """The task left its queue undone (its play stopped): its clocks are cancelled."""
    _end_task_clocks(session, task_id, contact_id, lambda c, cal: cancel(c, at, why, cal))


def _end_task_clocks(
    session: Session,
    task_id: int,
    contact_id: int,
    end: Callable[[SlaClock, CalendarCache], list[dict[str, Any]]],
) -> None:
    """``end`` (met or cancelled) for each open clock of the task."""
    calendars = CalendarCache(session)
    log: list[dict[str, Any]] = []
    for c in clock_rows.open_clocks(session, [contact_id], ("play_task",)):
        if c.task_id == task_id:
            log += end(c, calendars)
    clock_rows.log_events(session, log)
    session.flush()
