"""The figures of the SLA dashboard and the quarterly review, on a small history whose every
number is worked out by hand: compliance per term, rep and team, the weekly trend, MQL
pacing and acceptance, leads at risk, and the terms the review suggests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Connection, column, insert, table, text
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.models import Contact
from huddle.core.clock import FrozenClock
from huddle.core.migrations import upgrade
from huddle.core.models import JSONType as JSON_TYPE
from huddle.core.models import UTCDateTime
from huddle.lifecycle.models import StageTransition
from huddle.sla.models import SlaClock, SlaVersion
from huddle.sla.service import reports
from huddle.sla.terms import parse_terms
from tests.conftest import database_at, make_user
from tests.contacts.factories import make_contact
from tests.sla.factories import activate

# A Wednesday afternoon: the month is May, the quarter Q2, the week began on Monday the 11th.
NOW = datetime(2026, 5, 13, 14, 0, tzinfo=UTC)
TERMS = [
    {"key": "first_touch", "kind": "first_touch", "hours": 4},
    {"key": "decision", "kind": "decision", "hours": 8},
    {"key": "mql_volume", "kind": "mql_volume", "count": 10, "period": "month"},
    {"key": "mql_acceptance", "kind": "mql_acceptance", "percent": 50, "period": "quarter"},
]


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


class History:
    """Reps, leads, clocks and stage moves. No calendar is stored: every clock counts in
    the default one, Monday to Friday 09:00-17:00 UTC."""

    def __init__(self, db: Session) -> None:
        self.db = db
        self.version = activate(db, TERMS)
        self.ann = make_user(db, name="Ann Rep", role="sales_rep", team="sales", capacity=20)
        self.bob = make_user(db, name="Bob Rep", role="sales_rep", team="sales", capacity=30)
        self.leads = [make_contact(db, first_name=f"Lead{n}") for n in range(7)]

    def clock(
        self,
        key: str,
        owner: User | None,
        started: datetime,
        state: str,
        stopped: datetime | None = None,
        *,
        lead: int = 0,
    ) -> SlaClock:
        hours = {"first_touch": 4, "decision": 8}[key]
        row = SlaClock(
            version_id=self.version.id,
            term_key=key,
            term_kind=key,
            contact_id=self.leads[lead].id,
            owner_id=owner.id if owner else None,
            team="sales",
            state=state,
            started_at=started,
            business_seconds=hours * 3600,
            due_at=started + timedelta(hours=hours),
            stopped_at=stopped,
            breached_at=started + timedelta(hours=hours) if state == "breached" else None,
            paused_intervals=[],
        )
        self.db.add(row)
        self.db.flush()
        return row

    def moved(self, lead: int, to_stage: str, when: datetime) -> None:
        contact: Contact = self.leads[lead]
        self.db.add(StageTransition(contact_id=contact.id, to_stage=to_stage, at=when))
        self.db.flush()


@pytest.fixture
def history(db: Session, frozen_clock: FrozenClock) -> History:
    frozen_clock.set(NOW)
    h = History(db)
    ann, bob = h.ann, h.bob
    # This month.
    h.clock("first_touch", ann, at(5, 12, 10), "met", at(5, 12, 12))  # 2 business hours
    h.clock("first_touch", ann, at(5, 11, 16), "met", at(5, 12, 10))  # 1 + 1
    h.clock("first_touch", bob, at(5, 4, 9), "breached", at(5, 4, 15))  # 6, late
    h.clock("first_touch", bob, at(5, 13, 13), "running", lead=3)  # due at 17:00 today
    h.clock("first_touch", ann, at(5, 13, 11), "running", lead=4)  # due at 15:00 today
    h.clock("decision", ann, at(5, 5, 10), "met", at(5, 5, 11, 30))  # 1.5
    h.clock("decision", None, at(5, 6, 10), "breached")  # the team queue's, never met
    h.clock("first_touch", ann, at(5, 7, 10), "cancelled", at(5, 7, 11))  # counts nowhere
    # Earlier this quarter.
    h.clock("first_touch", bob, at(4, 14, 10), "met", at(4, 14, 13))  # 3
    h.clock("decision", bob, at(4, 20, 9), "breached", at(4, 21, 10))  # 8 + 1
    # Last quarter, still in the twelve weeks of the trend.
    h.clock("first_touch", ann, at(3, 3, 10), "met", at(3, 3, 11))
    # MQLs: three this month (lead 1 twice), two earlier in the quarter, one last quarter.
    h.moved(0, "mql", at(5, 2, 10))
    h.moved(0, "sal", at(5, 3, 10))
    h.moved(1, "mql", at(5, 5, 10))
    h.moved(1, "mql", at(5, 9, 10))
    h.moved(2, "mql", at(5, 12, 10))
    h.moved(5, "mql", at(4, 10, 10))
    h.moved(5, "sal", at(4, 11, 10))
    h.moved(6, "sal", at(4, 27, 10))  # accepted before it was an MQL: does not count
    h.moved(6, "mql", at(4, 28, 10))
    h.moved(3, "mql", at(3, 20, 10))
    h.moved(3, "sal", at(3, 21, 10))
    return h


def figures(rows: list[reports.Compliance]) -> dict[object, tuple[int, int, int]]:
    return {r.key: (r.met, r.breached, r.open) for r in rows}


def test_compliance_per_term_rep_and_team(db: Session, history: History) -> None:
    start, end = reports.period_bounds("month", NOW)
    assert (start, end) == (at(5, 1, 0), at(6, 1, 0))
    by_term = reports.compliance(db, start=start, end=end)
    assert figures(by_term) == {"first_touch": (2, 1, 2), "decision": (1, 1, 0)}
    assert {r.key: r.percent for r in by_term} == {"first_touch": 66.7, "decision": 50.0}
    by_owner = reports.compliance(db, start=start, end=end, by="owner")
    assert figures(by_owner) == {
        history.ann.id: (3, 0, 1),
        history.bob.id: (0, 1, 1),
        None: (0, 1, 0),
    }
    assert [r.label for r in by_owner] == ["Ann Rep", "Bob Rep", "Team queue"]
    by_team = reports.compliance(db, start=start, end=end, by="team")
    assert figures(by_team) == {"sales": (3, 2, 2)}


def test_weekly_trend(db: Session, history: History) -> None:
    trend = reports.weekly_trend(db, weeks=12, at=NOW)
    assert [p.start for p in trend] == [at(2, 23, 0) + timedelta(weeks=n) for n in range(12)]
    points = {p.start.date().isoformat(): (p.met, p.breached) for p in trend if p.met + p.breached}
    assert points == {
        "2026-03-02": (1, 0),
        "2026-04-13": (1, 0),
        "2026-04-20": (0, 1),
        "2026-05-04": (1, 2),
        "2026-05-11": (2, 0),
    }
    assert [p.percent for p in trend][-3:] == [None, 33.3, 100.0]


def test_pacing_and_acceptance(db: Session, history: History) -> None:
    terms = {t.key: t for t in parse_terms(TERMS)}
    pacing = reports.pacing(db, terms["mql_volume"], NOW)
    assert (pacing.delivered, pacing.target, pacing.projected) == (3, 10, 7)
    assert not pacing.on_track and pacing.percent_of_target == 30.0
    start, end = reports.period_bounds("quarter", NOW)
    acceptance = reports.acceptance(db, terms["mql_acceptance"], start, end)
    assert (acceptance.mqls, acceptance.accepted, acceptance.percent) == (5, 2, 40.0)
    assert acceptance.met is False
    # Scoped to leads whose first touch was a webinar: leads 0 (accepted), 1 and 6.
    for lead in (0, 1, 6):
        history.leads[lead].first_touch_source = "Webinar"
    db.flush()
    webinars = parse_terms([{**TERMS[3], "scope": {"source": ["webinar"]}}])[0]
    scoped = reports.acceptance(db, webinars, start, end)
    assert (scoped.mqls, scoped.accepted) == (3, 1)
    volume = parse_terms([{**TERMS[2], "scope": {"source": ["webinar"]}}])[0]
    assert reports.pacing(db, volume, NOW).delivered == 2


def test_leads_at_risk_come_soonest_due_first(db: Session, history: History) -> None:
    risky = reports.at_risk(db, limit=20)
    assert [(r.contact_id, r.owner_name) for r in risky] == [
        (history.leads[4].id, "Ann Rep"),
        (history.leads[3].id, "Bob Rep"),
    ]
    assert risky[0].due_at == at(5, 13, 15)


def test_the_review_measures_the_quarter_and_suggests_terms(db: Session, history: History) -> None:
    review = reports.review(db, at=NOW)
    assert (review.start, review.end) == (at(4, 1, 0), at(7, 1, 0))
    rows = {
        term.key: (compliance, pacing, acceptance)
        for term, compliance, pacing, acceptance in review.rows
    }
    assert figures([c for c, _, _ in rows.values() if c]) == {
        "first_touch": (3, 1, 2),
        "decision": (1, 2, 0),
    }
    assert rows["mql_volume"][1] is not None and rows["mql_volume"][1].delivered == 3
    assert rows["mql_acceptance"][2] is not None and rows["mql_acceptance"][2].accepted == 2
    suggested = {s.term_key: (s.suggested, s.why, s.terms) for s in review.suggestions}
    # First touches took 2, 2, 6 and 3 business hours: the median is 2.5.
    assert suggested["first_touch"][0] == "2.5 business hours"
    assert "2.5 business hours" in suggested["first_touch"][1]
    # Decisions took 1.5 and 9: the median is 5.25, suggested to the half hour.
    assert "5.2 business hours" in suggested["decision"][1]
    assert suggested["decision"][2]["hours"] == 5.0
    # Sales can hold 50 open leads: a third of that per month.
    assert suggested["mql_volume"][0] == "17 MQLs per month"
    assert suggested["mql_volume"][2] == {**TERMS[2], "count": 17}
    assert isinstance(review.version, SlaVersion)


def test_clocks_stopped_before_the_upgrade_get_their_business_time(
    database_url: str, tmp_path: Path
) -> None:
    with database_at(database_url, tmp_path, "0017") as engine:
        with engine.begin() as connection:
            rita = _insert(
                connection,
                "users",
                email="rita@example.org",
                name="Rita Rep",
                team="sales",
                role="sales_rep",
                is_active=True,
                out_of_office=False,
                working_hours={d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
                time_zone="Europe/Berlin",
            )
            version = _insert(
                connection,
                "sla_versions",
                number=1,
                status="active",
                title="SLA",
                body="",
                terms=TERMS,
            )
            lead = _insert(
                connection,
                "contacts",
                email="lead@example.org",
                lifecycle_stage="lead",
                stage_entered_at=NOW,
                email_opt_in="unknown",
                do_not_email=False,
                do_not_call=False,
                score=0,
                custom={},
            )
            clock = partial(
                _insert,
                connection,
                "sla_clocks",
                version_id=version,
                term_key="first_touch",
                term_kind="first_touch",
                contact_id=lead,
                team="sales",
                business_seconds=3600,
                count=0,
                pausable=False,
                paused_intervals=[],
            )
            # Friday 17:55 to Monday 09:30 in Berlin, in Rita's hours: 5 + 30 minutes.
            ritas = clock(
                owner_id=rita,
                state="met",
                started_at=at(11, 20, 16, 55),
                stopped_at=at(11, 23, 8, 30),
            )
            # The team queue's, in the default calendar: two hours on a Tuesday.
            queue = clock(
                owner_id=None,
                state="breached",
                started_at=at(11, 24, 10),
                stopped_at=at(11, 24, 12),
            )
            running = clock(owner_id=rita, state="running", started_at=at(11, 24, 10))
        upgrade(engine)
        with engine.connect() as connection:
            elapsed = dict(
                connection.execute(text("SELECT id, elapsed_seconds FROM sla_clocks")).all()
            )
    assert elapsed == {ritas: 35 * 60, queue: 2 * 3600, running: None}


def _insert(connection: Connection, table_name: str, **values: object) -> int:
    """A row as an older schema held it (no model: the models describe the newest)."""
    types = {datetime: UTCDateTime(), dict: JSON_TYPE, list: JSON_TYPE}
    columns = [column(k, types.get(type(v))) for k, v in values.items()]
    stamped = {"created_at": NOW, "updated_at": NOW} if table_name != "sla_clocks" else {}
    columns += [column(k, UTCDateTime()) for k in stamped]
    row = table(table_name, column("id"), *columns)
    statement = insert(row).values(**values, **stamped).returning(row.c.id)
    return int(connection.execute(statement).scalar_one())
