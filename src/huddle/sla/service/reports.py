"""What the dashboard and the quarterly review show: compliance per term, rep, team and
period; MQL delivery pacing and acceptance; leads at risk now; trends; suggested terms.

Every figure is one grouped query over an index (``sla.repository.reports``). The review's
medians read the business time each clock recorded when it stopped (``elapsed_seconds``)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.schemas.normalize import full_name
from huddle.core import clock
from huddle.routing.events import rule_label
from huddle.sla.models import OPEN_STATES, SlaVersion
from huddle.sla.repository import reports as figures
from huddle.sla.repository import versions as version_rows
from huddle.sla.repository.reports import mqls_between
from huddle.sla.service.calendars import CalendarCache
from huddle.sla.service.versions import active_version
from huddle.sla.terms import Term, parse_terms


@dataclass(frozen=True)
class Compliance:
    key: Any  # term key, owner id or team
    label: str
    met: int
    breached: int
    open: int

    @property
    def decided(self) -> int:
        return self.met + self.breached

    @property
    def percent(self) -> float | None:
        return round(100 * self.met / self.decided, 1) if self.decided else None


def period_bounds(period: str, at: datetime) -> tuple[datetime, datetime]:
    """The week (from Monday), month or quarter containing ``at``, in UTC."""
    day = at.astimezone(UTC).date()
    if period == "week":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=7)
    elif period == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    else:
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        last = (first + timedelta(days=95)).replace(day=1)
    return _utc(first), _utc(last)


def _utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def quarter_label(start: datetime) -> str:
    return f"Q{(start.month - 1) // 3 + 1} {start.year}"


def compliance(
    session: Session, *, start: datetime, end: datetime, by: str = "term"
) -> list[Compliance]:
    """Clocks started in [start, end), grouped by ``term``, ``owner`` or ``team``: met in
    time, breached (whether or not met later), still open. Cancelled clocks do not count."""
    return compliance_views(session, start=start, end=end, views=(by,))[by]


def compliance_views(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    views: tuple[str, ...] = ("term", "owner", "team"),
) -> dict[str, list[Compliance]]:
    """``compliance`` grouped each way in ``views``, from one read of the period's clocks."""
    rows = figures.clock_counts(session, start=start, end=end)
    out: dict[str, list[Compliance]] = {}
    for by in views:
        tallies: dict[Any, dict[str, int]] = {}
        for term_key, owner_id, team, state, count in rows:
            key = {"term": term_key, "owner": owner_id, "team": team}[by]
            tally = tallies.setdefault(key, {"met": 0, "breached": 0, "open": 0})
            if state in ("met", "breached"):
                tally[state] += count
            elif state in OPEN_STATES:
                tally["open"] += count
        labels = _labels(session, by, list(tallies))
        views_rows = [
            Compliance(key=key, label=labels.get(key, str(key)), **tally)
            for key, tally in tallies.items()
        ]
        out[by] = sorted(views_rows, key=lambda c: c.label)
    return out


def _labels(session: Session, by: str, keys: list[Any]) -> dict[Any, str]:
    if by == "owner":
        ids = [k for k in keys if k is not None]
        names = figures.user_names(session, ids)
        return {**{k: names.get(k, f"user #{k}") for k in ids}, None: "Team queue"}
    if by == "term":
        labels: dict[Any, str] = {}
        for version in version_rows.versions_oldest_first(session):
            for term in parse_terms(version.terms):
                labels[term.key] = term.label
        return labels
    return {k: rule_label(k) for k in keys}


@dataclass(frozen=True)
class Pacing:
    term: Term
    start: datetime
    end: datetime
    delivered: int
    target: int
    projected: int
    elapsed: float  # fraction of the period gone

    @property
    def on_track(self) -> bool:
        return self.projected >= self.target

    @property
    def percent_of_target(self) -> float:
        return round(100 * self.delivered / self.target, 1) if self.target else 0.0


def pacing(session: Session, term: Term, at: datetime | None = None) -> Pacing:
    """MQLs delivered so far this period against the commitment, projected linearly."""
    at = at or clock.now()
    start, end = period_bounds(term.period or "month", at)
    delivered = mqls_between(session, term, start, at)
    elapsed = max((at - start) / (end - start), 1e-9)
    projected = round(delivered / elapsed) if elapsed < 1 else delivered
    return Pacing(term, start, end, delivered, term.count or 0, projected, min(elapsed, 1.0))


@dataclass(frozen=True)
class Acceptance:
    term: Term
    mqls: int
    accepted: int
    start: datetime
    end: datetime  # exclusive

    @property
    def percent(self) -> float | None:
        return round(100 * self.accepted / self.mqls, 1) if self.mqls else None

    @property
    def met(self) -> bool | None:
        return None if self.percent is None else self.percent >= (self.term.percent or 0)


def acceptance(session: Session, term: Term, start: datetime, end: datetime) -> Acceptance:
    """Of the contacts that became MQL in [start, end), how many sales accepted (SAL)."""
    total, taken = figures.mqls_and_accepted(session, term, start, end)
    return Acceptance(term, total, taken, start, end)


@dataclass(frozen=True)
class AtRisk:
    clock_id: int
    contact_id: int
    contact_name: str
    owner_name: str
    term_label: str
    due_at: datetime
    warned: bool


def at_risk(session: Session, *, limit: int = 20, personal: bool = True) -> list[AtRisk]:
    """Running clocks closest to their due time (the index on (state, due_at) serves it).
    A lead without a name goes by its email only for those who may see it (``personal``)."""
    rows = figures.running_soonest_due(session, limit=limit)
    labels = _labels(session, "term", [])
    return [
        AtRisk(
            clock_id=r.id,
            contact_id=r.contact_id,
            contact_name=full_name(r.first_name, r.last_name)
            or (r.email if personal else f"Contact #{r.contact_id}"),
            owner_name=r.name or "Team queue",
            term_label=labels.get(r.term_key, r.term_key),
            due_at=r.due_at,
            warned=r.warned_at is not None,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class TrendPoint:
    start: datetime
    met: int
    breached: int

    @property
    def percent(self) -> float | None:
        total = self.met + self.breached
        return round(100 * self.met / total, 1) if total else None


def weekly_trend(
    session: Session, *, weeks: int = 12, at: datetime | None = None
) -> list[TrendPoint]:
    """Compliance of all clock terms per week, oldest first."""
    at = at or clock.now()
    this_week, _ = period_bounds("week", at)
    starts = [this_week - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]
    counts = figures.weekly_counts(session, starts)
    return [TrendPoint(start, *counts.get(n, (0, 0))) for n, start in enumerate(starts)]


@dataclass(frozen=True)
class Dashboard:
    """Everything the SLA dashboard shows for one period (the page and the API read this)."""

    at: datetime
    period: str
    start: datetime
    end: datetime  # exclusive
    version: SlaVersion | None
    clock_terms: list[Term]
    by_term: dict[str, Compliance]
    by_owner: list[Compliance]
    by_team: list[Compliance]
    pacing: list[Pacing]
    acceptance: list[Acceptance]
    at_risk: list[AtRisk]
    trend: list[TrendPoint]

    @property
    def overall(self) -> Compliance:
        """All clock terms together: the dashboard's headline compliance."""
        return Compliance(
            key=None,
            label="All terms",
            met=sum(c.met for c in self.by_team),
            breached=sum(c.breached for c in self.by_team),
            open=sum(c.open for c in self.by_team),
        )


AT_RISK_SHOWN = 15
TREND_WEEKS = 12


def active_terms(session: Session) -> list[Term]:
    """The active version's terms; none while no version is active."""
    version = active_version(session)
    return parse_terms(version.terms) if version else []


def volume_pacing(session: Session, terms: list[Term], at: datetime) -> list[Pacing]:
    """Each MQL volume term's pacing in its period so far."""
    return [pacing(session, t, at) for t in terms if t.kind == "mql_volume"]


def acceptance_rates(session: Session, terms: list[Term], at: datetime) -> list[Acceptance]:
    """Each MQL acceptance term measured over its whole period containing ``at``."""
    return [
        acceptance(session, t, *period_bounds(t.period or "month", at))
        for t in terms
        if t.kind == "mql_acceptance"
    ]


def dashboard(
    session: Session, *, period: str = "month", at: datetime | None = None, personal: bool = True
) -> Dashboard:
    """The dashboard's figures for the week, month or quarter containing ``at``: compliance
    of the clocks started in it by term, rep and team; MQL pacing and acceptance in each
    term's own period; the leads at risk now; the weekly trend."""
    at = at or clock.now()
    start, end = period_bounds(period, at)
    version = active_version(session)
    terms = parse_terms(version.terms) if version else []
    views = compliance_views(session, start=start, end=end)
    return Dashboard(
        at=at,
        period=period,
        start=start,
        end=end,
        version=version,
        clock_terms=[t for t in terms if t.is_clock],
        by_term={c.key: c for c in views["term"]},
        by_owner=views["owner"],
        by_team=views["team"],
        pacing=volume_pacing(session, terms, at),
        acceptance=acceptance_rates(session, terms, at),
        at_risk=at_risk(session, limit=AT_RISK_SHOWN, personal=personal),
        trend=weekly_trend(session, weeks=TREND_WEEKS, at=at),
    )


# --- the quarterly review ------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    term_key: str
    now: str
    suggested: str
    why: str
    terms: dict[str, Any]


@dataclass(frozen=True)
class Review:
    start: datetime
    end: datetime
    version: SlaVersion | None
    rows: list[tuple[Term, Compliance | None, Pacing | None, Acceptance | None]]
    suggestions: list[Suggestion]


def review(session: Session, *, at: datetime | None = None) -> Review:
    """Each term of the active version, measured over the quarter, and terms the data
    suggests for the next version."""
    at = at or clock.now()
    start, end = period_bounds("quarter", at)
    version = active_version(session)
    terms = parse_terms(version.terms) if version else []
    by_term = {c.key: c for c in compliance(session, start=start, end=end, by="term")}
    rows: list[tuple[Term, Compliance | None, Pacing | None, Acceptance | None]] = []
    suggestions: list[Suggestion] = []
    for term in terms:
        if term.kind == "mql_volume":
            delivered = mqls_between(session, term, start, min(end, at))
            rows.append((term, None, pacing(session, term, at), None))
            capacity = figures.sales_capacity(session)
            if capacity:
                per = {"week": 1 / 13, "month": 1 / 3, "quarter": 1.0}[term.period or "month"]
                suggestion = max(1, round(capacity * per))
                suggestions.append(
                    Suggestion(
                        term.key,
                        term.describe(),
                        f"{suggestion} MQLs per {term.period}",
                        f"sales' capacity is {capacity} open leads; {delivered} MQLs arrived "
                        "this quarter so far",
                        {**_stored_term(version, term.key), "count": suggestion},
                    )
                )
        elif term.kind == "mql_acceptance":
            rows.append((term, None, None, acceptance(session, term, start, end)))
        else:
            rows.append((term, by_term.get(term.key), None, None))
            if term.kind in ("first_touch", "decision", "customer_response"):
                median = _median_business_hours(session, term.key, start, end)
                if median is not None:
                    hours = max(0.5, round(median * 2) / 2)
                    suggestions.append(
                        Suggestion(
                            term.key,
                            term.describe(),
                            f"{hours:g} business hours",
                            f"the median achieved this quarter was {median:.1f} business hours",
                            {**_stored_term(version, term.key), "hours": hours},
                        )
                    )
    return Review(start, end, version, rows, suggestions)


def _stored_term(version: SlaVersion | None, key: str) -> dict[str, Any]:
    for item in version.terms if version else []:
        if item.get("key") == key:
            return dict(item)
    return {}


def _median_business_hours(
    session: Session, term_key: str, start: datetime, end: datetime, sample: int = 5000
) -> float | None:
    """Median business hours from start to stop of the term's stopped clocks (a sample of
    the most recent ``sample``), each in its owner's calendar: as the clock recorded when it
    stopped, worked out here for one that stopped without recording it."""
    seconds, unrecorded = figures.stopped_clock_times(session, term_key, start, end, sample=sample)
    if not seconds and not unrecorded:
        return None
    if unrecorded:
        calendars = CalendarCache(session)
        seconds += [
            calendars.business_seconds(c.owner_id, c.team, c.started_at, c.stopped_at)
            for c in unrecorded
        ]
    return float(statistics.median(seconds)) / 3600


def new_draft_terms(session: Session, *, at: datetime | None = None) -> list[dict[str, Any]]:
    """The active version's terms with every suggestion applied: a starting point."""
    result = review(session, at=at)
    suggested = {s.term_key: s.terms for s in result.suggestions}
    base = result.version.terms if result.version else []
    return [suggested.get(item["key"], item) for item in base]


def term_labels(session: Session) -> dict[str, str]:
    """Term key -> label, over every version (a clock may belong to an archived one)."""
    return _labels(session, "term", [])


def user_names(session: Session, ids: set[int]) -> dict[int, str]:
    return figures.user_names(session, sorted(ids))
