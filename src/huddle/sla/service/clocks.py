"""SLA clocks: started by hand-offs, inbound requests and stage/touch conditions; stopped
by sales touches and decisions; paused while the owner is out of office; breached by the
worker's pass (``run_due``, in ``clock_pass``). This module holds the rules of one clock:
starting, meeting, cancelling and stopping it. ``reactions`` applies them to what happens.

A clock keeps the version active when it started (``version_id``): the terms of that
version decide its due time, its warning point and what happens on breach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.sla.calendar import BusinessCalendar, add_business_time
from huddle.sla.models import OPEN_STATES, SlaClock, SlaClockEvent
from huddle.sla.repository import calendars as calendar_rows
from huddle.sla.repository import clocks as clock_rows
from huddle.sla.repository import leads
from huddle.sla.service.calendars import CalendarCache
from huddle.sla.service.versions import active_version
from huddle.sla.terms import Condition, Term, parse_terms

# Clocks that belong to one hand-off: a new hand-off or a recycle ends them.
HANDOFF_KINDS = ("first_touch", "decision", "touch_attempts", "follow_up")


def business_duration(term: Term, calendar: BusinessCalendar) -> timedelta:
    """Hours as they are; business days as the calendar's average working day."""
    if term.hours is not None:
        return timedelta(hours=term.hours)
    assert term.days is not None
    working_days = len([d for d, iv in calendar.hours.items() if iv]) or 1
    return calendar.weekly_nominal() / working_days * term.days


def lead_facts(session: Session, contact_id: int) -> dict[str, str | None]:
    """The values a term's scope filters on: segment, region, grade, source."""
    row = leads.lead_facts_row(session, contact_id)
    if row is None:
        return {}
    custom, country, source, region, industry, grade = row
    segment = (custom or {}).get("segment") or industry
    return {
        "segment": str(segment) if segment else None,
        "region": region or country,
        "grade": grade,
        "source": source,
    }


def log_row(c: SlaClock, kind: str, at: datetime, detail: str | None = None) -> dict[str, Any]:
    return {
        "clock_id": c.id,
        "contact_id": c.contact_id,
        "kind": kind,
        "at": at,
        "detail": detail[:500] if detail else None,
    }


@dataclass(frozen=True)
class Start:
    """Why clocks start: which kinds (and custom conditions) this moment matches."""

    kinds: tuple[str, ...]
    condition: Condition | None = None


def start_clocks(
    session: Session,
    *,
    contact_id: int,
    owner_id: int | None,
    team: str | None,
    at: datetime,
    start: Start,
    handoff_id: int | None = None,
    request_type: str | None = None,
    task: tuple[int, str] | None = None,
    calendars: CalendarCache | None = None,
) -> list[SlaClock]:
    """Start a clock for each term of the active version that this moment starts. ``task``:
    a play's task opened (its id and its owner: sales or success)."""
    version = active_version(session)
    if version is None:
        return []
    terms = [
        t
        for t in parse_terms(version.terms)
        if t.is_clock
        and (
            (t.kind in start.kinds and t.kind != "custom")
            or (t.kind == "custom" and start.condition is not None and t.start == start.condition)
        )
        and (request_type is None or t.kind != "customer_response" or request_type in t.touch_types)
        and (t.kind != "play_task" or (task is not None and t.task_owner in (None, task[1])))
    ]
    if not terms:
        return []
    facts = lead_facts(session, contact_id)
    terms = [t for t in terms if t.matches(facts)]
    if not terms:
        return []
    calendars = calendars or CalendarCache(session)
    calendar = calendars.for_owner(owner_id, team)
    owner = calendar_rows.get_user(session, owner_id) if owner_id is not None else None
    started = []
    log = []
    for term in terms:
        duration = business_duration(term, calendar)
        paused = term.pause_when_out_of_office and owner is not None and owner.out_of_office
        c = SlaClock(
            version_id=version.id,
            term_key=term.key,
            term_kind=term.kind,
            contact_id=contact_id,
            owner_id=owner_id,
            team=team,
            handoff_id=handoff_id,
            task_id=task[0] if task is not None else None,
            started_at=at,
            business_seconds=int(duration.total_seconds()),
            target_count=term.count if term.kind == "touch_attempts" else None,
            count=0,
            pausable=term.pause_when_out_of_office,
            paused_intervals=[],
        )
        if paused:
            c.state, c.paused_at, c.remaining_seconds = "paused", at, c.business_seconds
        else:
            c.state = "running"
            c.due_at = add_business_time(at, duration, calendar)
            c.warn_at = add_business_time(at, duration * term.warn_fraction, calendar)
        session.add(c)
        started.append((c, term, paused))
    session.flush()
    for c, term, paused in started:
        detail = f"v{version.number}: {term.describe()}"
        log.append(log_row(c, "started", at, detail))
        if paused:
            log.append(log_row(c, "paused", at, "owner is out of office"))
    clock_rows.log_events(session, log)
    return [c for c, _, _ in started]


def satisfy(c: SlaClock, at: datetime, why: str, calendars: CalendarCache) -> list[dict[str, Any]]:
    """The clock's condition was met at ``at``: met in time, or late."""
    stop(c, at, calendars)
    if c.state == "breached":
        if c.due_at is not None and at <= c.due_at:
            # The touch happened in time but arrived after the pass (e.g. a mailbox sync).
            c.state, c.breached_at = "met", None
            return [log_row(c, "met", at, f"{why} (in time; breach withdrawn)")]
        return [log_row(c, "met_late", at, why)]
    if c.state == "paused":
        resume_fields(c, at)
    if c.due_at is not None and at > c.due_at:
        c.state, c.breached_at, c.warn_at = "breached", c.due_at, None
        return [
            log_row(c, "breached", c.due_at, "due time passed"),
            log_row(c, "met_late", at, why),
        ]
    c.state, c.warn_at = "met", None
    return [log_row(c, "met", at, why)]


def cancel(c: SlaClock, at: datetime, why: str, calendars: CalendarCache) -> list[dict[str, Any]]:
    if c.state not in OPEN_STATES:
        return []
    if c.state == "paused":
        resume_fields(c, at)
    stop(c, at, calendars)
    c.state, c.warn_at = "cancelled", None
    return [log_row(c, "cancelled", at, why)]


def stop(c: SlaClock, at: datetime, calendars: CalendarCache) -> None:
    c.stopped_at = at
    c.elapsed_seconds = calendars.business_seconds(c.owner_id, c.team, c.started_at, at)


def resume_fields(c: SlaClock, at: datetime) -> None:
    if c.paused_at is not None:
        c.paused_intervals = [*c.paused_intervals, [c.paused_at.isoformat(), at.isoformat()]]
        c.paused_at = None


def pause_intervals(c: SlaClock) -> list[tuple[datetime, datetime | None]]:
    out: list[tuple[datetime, datetime | None]] = [
        (datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in c.paused_intervals
    ]
    if c.paused_at is not None:
        out.append((c.paused_at, None))
    return out


def contact_clocks(session: Session, contact_id: int) -> tuple[list[SlaClock], list[SlaClockEvent]]:
    """A contact's clocks (newest first) and their log, for the contact page."""
    return (
        clock_rows.clocks_of_contact(session, contact_id, limit=50),
        clock_rows.log_of_contact(session, contact_id, limit=200),
    )
