"""SLA clocks: started by hand-offs, inbound requests and stage/touch conditions; stopped
by sales touches and decisions; paused while the owner is out of office; breached by the
worker's pass (``run_due``), which finds what is due with one range query per index.

A clock keeps the version active when it started (``version_id``): the terms of that
version decide its due time, its warning point and what happens on breach.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, String, any_, bindparam, insert, literal, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Account, Contact, Touch
from huddle.core import clock
from huddle.core.events import publish
from huddle.core.models import UTCDateTime
from huddle.core.rawsql import IdList, in_ids
from huddle.routing.events import SALES_ACTIVITY_TYPES
from huddle.scoring.models import ContactGrade
from huddle.sla.calendar import (
    BusinessCalendar,
    add_business_time,
    business_time_between,
)
from huddle.sla.events import SlaBreached, SlaEscalated, SlaWarning
from huddle.sla.models import OPEN_STATES, SlaClock, SlaClockEvent
from huddle.sla.service.alerts import queue_alerts
from huddle.sla.service.calendars import CalendarCache
from huddle.sla.service.versions import TermCache, active_version, touch_interest
from huddle.sla.terms import Condition, Term, parse_terms

# Clocks that belong to one hand-off: a new hand-off or a recycle ends them.
HANDOFF_KINDS = ("first_touch", "decision", "touch_attempts", "follow_up")
BATCH = 5_000


def business_duration(term: Term, calendar: BusinessCalendar) -> timedelta:
    """Hours as they are; business days as the calendar's average working day."""
    if term.hours is not None:
        return timedelta(hours=term.hours)
    assert term.days is not None
    working_days = len([d for d, iv in calendar.hours.items() if iv]) or 1
    return calendar.weekly_nominal() / working_days * term.days


def lead_facts(session: Session, contact_id: int) -> dict[str, str | None]:
    """The values a term's scope filters on: segment, region, grade, source."""
    row = session.execute(
        select(
            Contact.custom,
            Contact.country,
            Contact.first_touch_source,
            Account.region,
            Account.industry,
            ContactGrade.grade,
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .where(Contact.id == contact_id)
    ).one_or_none()
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


def _log(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(SlaClockEvent), rows)


def _log_set(session: Session, ids: list[int], kind: str, at: datetime, detail: str) -> None:
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
            ).where(_among(session, SlaClock.id, ids)),
        )
    )


def _among(session: Session, column: Any, ids: list[int]) -> Any:
    """``column IN ids``: one array parameter on PostgreSQL (a thousand-item IN list costs
    more to send and plan than the work), a plain IN list on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(ids, ARRAY(BigInteger())))
    return column.in_(ids)


def _event(c: SlaClock, kind: str, at: datetime, detail: str | None = None) -> dict[str, Any]:
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
    calendars: CalendarCache | None = None,
) -> list[SlaClock]:
    """Start a clock for each term of the active version that this moment starts."""
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
    ]
    if not terms:
        return []
    facts = lead_facts(session, contact_id)
    terms = [t for t in terms if t.matches(facts)]
    if not terms:
        return []
    calendars = calendars or CalendarCache(session)
    calendar = calendars.for_owner(owner_id, team)
    owner = session.get(User, owner_id) if owner_id is not None else None
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
        log.append(_event(c, "started", at, detail))
        if paused:
            log.append(_event(c, "paused", at, "owner is out of office"))
    _log(session, log)
    return [c for c, _, _ in started]


def _open_clocks(
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


def _satisfy(c: SlaClock, at: datetime, why: str, calendars: CalendarCache) -> list[dict[str, Any]]:
    """The clock's condition was met at ``at``: met in time, or late."""
    _stop(c, at, calendars)
    if c.state == "breached":
        if c.due_at is not None and at <= c.due_at:
            # The touch happened in time but arrived after the pass (e.g. a mailbox sync).
            c.state, c.breached_at = "met", None
            return [_event(c, "met", at, f"{why} (in time; breach withdrawn)")]
        return [_event(c, "met_late", at, why)]
    if c.state == "paused":
        _resume_fields(c, at)
    if c.due_at is not None and at > c.due_at:
        c.state, c.breached_at, c.warn_at = "breached", c.due_at, None
        return [_event(c, "breached", c.due_at, "due time passed"), _event(c, "met_late", at, why)]
    c.state, c.warn_at = "met", None
    return [_event(c, "met", at, why)]


def _cancel(c: SlaClock, at: datetime, why: str, calendars: CalendarCache) -> list[dict[str, Any]]:
    if c.state not in OPEN_STATES:
        return []
    if c.state == "paused":
        _resume_fields(c, at)
    _stop(c, at, calendars)
    c.state, c.warn_at = "cancelled", None
    return [_event(c, "cancelled", at, why)]


def _stop(c: SlaClock, at: datetime, calendars: CalendarCache) -> None:
    c.stopped_at = at
    c.elapsed_seconds = calendars.business_seconds(c.owner_id, c.team, c.started_at, at)


def _resume_fields(c: SlaClock, at: datetime) -> None:
    if c.paused_at is not None:
        c.paused_intervals = [*c.paused_intervals, [c.paused_at.isoformat(), at.isoformat()]]
        c.paused_at = None


# --- reacting to what happens -----------------------------------------------------------


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
    for c in _open_clocks(session, [contact_id], HANDOFF_KINDS):
        if c.handoff_id != handoff_id:
            log += _cancel(c, at, f"handed off again (hand-off #{handoff_id})", calendars)
    _log(session, log)
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
    for c in _open_clocks(session, [contact_id]):
        if (c.term_kind == "decision" and c.handoff_id in (handoff_id, None)) or (
            c.term_kind == "custom" and _stops(terms.term(c), condition)
        ):
            log += _satisfy(c, at, f"hand-off {word}", calendars)
        elif not accepted and c.term_kind in HANDOFF_KINDS:
            log += _cancel(c, at, "hand-off rejected", calendars)
    _log(session, log)
    session.flush()
    _start_custom(session, contact_id, owner_id, at, condition)


def on_recycled(session: Session, *, contact_id: int, at: datetime, reason: str) -> None:
    log: list[dict[str, Any]] = []
    condition = Condition(event="recycled")
    terms = TermCache(session)
    calendars = CalendarCache(session)
    for c in _open_clocks(session, [contact_id]):
        if c.term_kind == "custom" and _stops(terms.term(c), condition):
            log += _satisfy(c, at, "recycled", calendars)
        elif c.term_kind in HANDOFF_KINDS:
            log += _cancel(c, at, f"recycled to marketing: {reason}", calendars)
    _log(session, log)
    session.flush()
    _start_custom(session, contact_id, None, at, condition)


def on_stage_changed(session: Session, *, contact_id: int, to_stage: str, at: datetime) -> None:
    condition = Condition(stage=to_stage)
    terms = TermCache(session)
    log: list[dict[str, Any]] = []
    calendars = CalendarCache(session)
    for c in _open_clocks(session, [contact_id], ("custom",)):
        if _stops(terms.term(c), condition):
            log += _satisfy(c, at, f"stage {to_stage}", calendars)
    _log(session, log)
    session.flush()
    owner_id = session.scalar(select(Contact.owner_id).where(Contact.id == contact_id))
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
    # The ids as one parameter: an expanding IN of a batch's thousands of ids is rendered
    # into the SQL and bound one by one on every call.
    ids = bindparam("touch_ids", list(touch_ids), type_=IdList())
    rows = session.execute(
        select(Touch.id, Touch.type, Touch.contact_id, Touch.occurred_at, Touch.actor_user_id)
        .where(in_ids(Touch.id, ids), Touch.type.in_(sorted(wanted)))
        .where(Touch.contact_id.is_not(None))
        .order_by(Touch.occurred_at, Touch.id)
    ).all()
    if not rows:
        return
    terms = TermCache(session)
    calendars = CalendarCache(session)
    contact_ids = {r.contact_id for r in rows}
    open_by_contact: dict[int, list[SlaClock]] = {}
    for c in _open_clocks(session, contact_ids):
        open_by_contact.setdefault(c.contact_id, []).append(c)
    owners: dict[int, int | None] = {}
    for cid, oid in session.execute(
        select(Contact.id, Contact.owner_id).where(Contact.id.in_(sorted(contact_ids)))
    ):
        owners[cid] = oid
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
                    log += _satisfy(c, row.occurred_at, why, calendars)
                elif c.term_kind == "touch_attempts":
                    c.count += 1
                    log.append(
                        _event(c, "attempt", row.occurred_at, f"{c.count} of {c.target_count}")
                    )
                    if c.target_count is not None and c.count >= c.target_count:
                        why = f"{c.count} touch attempts"
                        log += _satisfy(c, row.occurred_at, why, calendars)
                if c.handoff_id is not None:
                    had_handoff, handoff_owner = True, c.owner_id
            if follow_up and had_handoff:
                session.flush()
                _log(session, log)
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
                log += _satisfy(c, row.occurred_at, row.type, calendars)
        if row.type in request_types or row.type in custom_touches:
            session.flush()
            _log(session, log)
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
    _log(session, log)


def _latest_handoff(clocks: list[SlaClock]) -> int | None:
    ids = [c.handoff_id for c in clocks if c.handoff_id is not None]
    return max(ids) if ids else None


# --- the worker's pass --------------------------------------------------------------------


@dataclass
class PassResult:
    warned: int = 0
    breached: int = 0
    escalated: int = 0
    paused: int = 0
    resumed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _claim(
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


def run_due(session: Session, *, limit: int = BATCH) -> PassResult:
    """One pass: pause/resume for absence, warnings, breaches (with escalation). Each step
    reads its candidates with one range query on (state, warn_at) or (state, due_at)."""
    now = clock.now()
    result = PassResult()
    terms = TermCache(session)
    calendars = CalendarCache(session)
    _absences(session, now, result, calendars, terms)

    warn_rows = _claim(session, SlaClock.warn_at, now, limit, {"warn_at": None, "warned_at": now})
    if warn_rows:
        ids = [w.id for w in warn_rows]
        _log_set(session, ids, "warned", now, "warning: the due time is near")
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

    due_rows = _claim(
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
    managers: dict[int, int] = {}
    if owner_ids:
        for uid, mid in session.execute(
            select(User.id, User.manager_id).where(
                _among(session, User.id, owner_ids), User.manager_id.is_not(None)
            )
        ):
            if mid is not None:
                managers[uid] = mid
    escalated_ids, reroute_ids = [], []
    for r in due_rows:
        term = terms.terms(r.version_id).get(r.term_key)
        if (term.escalate if term else True) and managers.get(r.owner_id or 0) is not None:
            escalated_ids.append(r.id)
        if term is not None and term.reroute:
            reroute_ids.append(r.id)
    _log_set(session, ids, "breached", now, "the due time passed")
    _log_set(session, escalated_ids, "escalated", now, "to the owner's manager")
    _log_set(session, reroute_ids, "reroute", now, "re-routing asked for")
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
    away = select(User.id).where(User.out_of_office.is_(True))
    to_pause = list(
        session.scalars(
            select(SlaClock).where(
                SlaClock.state == "running",
                SlaClock.pausable.is_(True),
                SlaClock.owner_id.in_(away),
            )
        )
    )
    log = []
    for c in to_pause:
        calendar = calendars.for_owner(c.owner_id, c.team)
        assert c.due_at is not None
        remaining = max(business_time_between(now, c.due_at, calendar), timedelta(0))
        c.state, c.paused_at, c.remaining_seconds = "paused", now, int(remaining.total_seconds())
        c.due_at = c.warn_at = None
        log.append(_event(c, "paused", now, "owner is out of office"))
    to_resume = list(
        session.scalars(
            select(SlaClock).where(
                SlaClock.state == "paused",
                (SlaClock.owner_id.is_(None)) | SlaClock.owner_id.not_in(away),
            )
        )
    )
    for c in to_resume:
        calendar = calendars.for_owner(c.owner_id, c.team)
        remaining = timedelta(seconds=c.remaining_seconds or 0)
        _resume_fields(c, now)
        c.state, c.remaining_seconds = "running", None
        c.due_at = add_business_time(now, remaining, calendar)
        term = terms.term(c)
        if c.warned_at is None and term is not None:
            before_warn = remaining - timedelta(seconds=c.business_seconds) * (
                1 - term.warn_fraction
            )
            c.warn_at = add_business_time(now, max(before_warn, timedelta(0)), calendar)
        log.append(_event(c, "resumed", now, "owner is back"))
    result.paused, result.resumed = len(to_pause), len(to_resume)
    session.flush()
    _log(session, log)


def pause_intervals(c: SlaClock) -> list[tuple[datetime, datetime | None]]:
    out: list[tuple[datetime, datetime | None]] = [
        (datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in c.paused_intervals
    ]
    if c.paused_at is not None:
        out.append((c.paused_at, None))
    return out


def contact_clocks(session: Session, contact_id: int) -> tuple[list[SlaClock], list[SlaClockEvent]]:
    """A contact's clocks (newest first) and their log, for the contact page."""
    clocks = list(
        session.scalars(
            select(SlaClock)
            .where(SlaClock.contact_id == contact_id)
            .order_by(SlaClock.started_at.desc(), SlaClock.id.desc())
            .limit(50)
        )
    )
    events = list(
        session.scalars(
            select(SlaClockEvent)
            .where(SlaClockEvent.contact_id == contact_id)
            .order_by(SlaClockEvent.at.desc(), SlaClockEvent.id.desc())
            .limit(200)
        )
    )
    return clocks, events
