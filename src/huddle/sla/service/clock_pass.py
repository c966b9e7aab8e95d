"""The worker's pass over the clocks: pauses and resumptions for absence, warnings,
breaches and escalations. It finds what is due with one range query per index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.events import publish
from huddle.sla.calendar import add_business_time, business_time_between
from huddle.sla.events import SlaBreached, SlaEscalated, SlaWarning
from huddle.sla.models import SlaClock
from huddle.sla.repository import clocks as clock_rows
from huddle.sla.service.alerts import queue_alerts
from huddle.sla.service.calendars import CalendarCache
from huddle.sla.service.clocks import log_row, resume_fields
from huddle.sla.service.versions import TermCache

BATCH = 5_000


@dataclass
class PassResult:
    warned: int = 0
    breached: int = 0
    escalated: int = 0
    paused: int = 0
    resumed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def run_due(session: Session, *, limit: int = BATCH) -> PassResult:
    """One pass: pause/resume for absence, warnings, breaches (with escalation). Each step
    reads its candidates with one range query on (state, warn_at) or (state, due_at)."""
    now = clock.now()
    result = PassResult()
    terms = TermCache(session)
    calendars = CalendarCache(session)
    _absences(session, now, result, calendars, terms)

    warn_rows = clock_rows.claim_moment_reached(
        session, SlaClock.warn_at, now, limit, {"warn_at": None, "warned_at": now}
    )
    if warn_rows:
        ids = [w.id for w in warn_rows]
        clock_rows.log_for_each(session, ids, "warned", now, "warning: the due time is near")
        for w in warn_rows:
            publish(
                session,
                SlaWarning(
                    clock_id=w.id,
                    contact_id=w.contact_id,
                    owner_id=w.owner_id,
                    term_key=w.term_key,
                    due_at=w.due_at,
                    at=now,
                ),
            )
        result.warned = len(warn_rows)
    warned = [(w.id, w.owner_id) for w in warn_rows]

    due_rows = clock_rows.claim_moment_reached(
        session,
        SlaClock.due_at,
        now,
        limit,
        {"state": "breached", "breached_at": SlaClock.due_at, "warn_at": None},
    )
    if not due_rows:
        queue_alerts(session, warned=warned)
        return result
    due_rows = sorted(due_rows, key=lambda r: (r.due_at, r.id))
    ids = [r.id for r in due_rows]
    owner_ids = sorted({r.owner_id for r in due_rows if r.owner_id is not None})
    managers = clock_rows.managers_of(session, owner_ids)
    escalated_ids, reroute_ids = [], []
    for r in due_rows:
        term = terms.terms(r.version_id).get(r.term_key)
        if (term.escalate if term else True) and managers.get(r.owner_id or 0) is not None:
            escalated_ids.append(r.id)
        if term is not None and term.reroute:
            reroute_ids.append(r.id)
    clock_rows.log_for_each(session, ids, "breached", now, "the due time passed")
    clock_rows.log_for_each(session, escalated_ids, "escalated", now, "to the owner's manager")
    clock_rows.log_for_each(session, reroute_ids, "reroute", now, "re-routing asked for")
    for r in due_rows:
        term = terms.terms(r.version_id).get(r.term_key)
        publish(
            session,
            SlaBreached(
                clock_id=r.id,
                contact_id=r.contact_id,
                owner_id=r.owner_id,
                term_key=r.term_key,
                handoff_id=r.handoff_id,
                due_at=r.due_at,
                reroute=bool(term and term.reroute),
                at=now,
            ),
        )
        manager_id = managers.get(r.owner_id) if r.owner_id is not None else None
        if (term.escalate if term else True) and manager_id is not None:
            publish(
                session,
                SlaEscalated(
                    clock_id=r.id,
                    contact_id=r.contact_id,
                    owner_id=r.owner_id,
                    manager_id=manager_id,
                    term_key=r.term_key,
                    at=now,
                ),
            )
            result.escalated += 1
    result.breached = len(due_rows)
    queue_alerts(
        session,
        warned=warned,
        breached=[(r.id, r.owner_id) for r in due_rows],
        escalated=[(r.id, managers[r.owner_id]) for r in due_rows if r.id in set(escalated_ids)],
    )
    return result


def _absences(
    session: Session,
    now: datetime,
    result: PassResult,
    calendars: CalendarCache,
    terms: TermCache,
) -> None:
    """Pause pausable clocks whose owner is out of office; resume the others."""
    to_pause = clock_rows.clocks_to_pause(session)
    log = []
    for c in to_pause:
        calendar = calendars.for_owner(c.owner_id, c.team)
        assert c.due_at is not None
        remaining = max(business_time_between(now, c.due_at, calendar), timedelta(0))
        c.state, c.paused_at, c.remaining_seconds = "paused", now, int(remaining.total_seconds())
        c.due_at = c.warn_at = None
        log.append(log_row(c, "paused", now, "owner is out of office"))
    to_resume = clock_rows.clocks_to_resume(session)
    for c in to_resume:
        calendar = calendars.for_owner(c.owner_id, c.team)
        remaining = timedelta(seconds=c.remaining_seconds or 0)
        resume_fields(c, now)
        c.state, c.remaining_seconds = "running", None
        c.due_at = add_business_time(now, remaining, calendar)
        term = terms.term(c)
        if c.warned_at is None and term is not None:
            before_warn = remaining - timedelta(seconds=c.business_seconds) * (
                1 - term.warn_fraction
            )
            c.warn_at = add_business_time(now, max(before_warn, timedelta(0)), calendar)
        log.append(log_row(c, "resumed", now, "owner is back"))
    result.paused, result.resumed = len(to_pause), len(to_resume)
    session.flush()
    clock_rows.log_events(session, log)
