"""Importing contacts with their past: created dates and the date each stage was entered.

The fixtures follow the documented headers of a HubSpot contacts export ("Create Date",
"Became a … Date") and a Salesforce Lead data export (CreatedDate, ConvertedDate, Status).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts.events import ContactsChanged
from huddle.contacts.importing.cleaning import CellError
from huddle.contacts.importing.history import HistoryReader, RowHistory, merged, moment_in
from huddle.contacts.importing.service import Progress, create_import, run_import
from huddle.contacts.models import CREATED_DATE_INDEXES, SPREAD_INDEXES, Contact, ImportJob
from huddle.contacts.service import PastMove
from huddle.core import deferred_indexes
from huddle.core.actor import Actor
from huddle.core.db import session_factory, unit_of_work
from huddle.core.deferred_indexes import DeferredIndex
from huddle.core.events import DomainEvent
from huddle.core.jobs import Job
from huddle.lifecycle.events import StageChanged, StageHistoryRewritten
from huddle.lifecycle.models import ENTRY_DATE_INDEXES, StageTransition
from huddle.lifecycle.service import transition_stage
from huddle.lifecycle.service.history import UNDATED
from huddle.notifications.models import Notification, Webhook, WebhookDelivery
from huddle.routing.models import Handoff
from huddle.sla.models import SlaClock
from tests.contacts.factories import make_contact
from tests.contacts.fixtures.imports import FIXTURES, counts, import_file, read_csv, write_csv
from tests.contacts.test_search import assert_indexes_match_their_tables
from tests.contacts.test_search import found as search_found
from tests.scoring.factories import set_mql

HUBSPOT_HISTORY = FIXTURES / "hubspot_contacts_history.csv"
SALESFORCE_LEADS_HISTORY = FIXTURES / "salesforce_leads_history.csv"


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _contact(db: Session, email: str) -> Contact:
    return db.scalars(select(Contact).where(Contact.email == email)).one()


def _moves(db: Session, contact: Contact) -> list[tuple[str | None, str, datetime]]:
    query = (
        select(StageTransition)
        .where(StageTransition.contact_id == contact.id)
        .order_by(StageTransition.at, StageTransition.id)
    )
    return [(t.from_stage, t.to_stage, t.at) for t in db.scalars(query)]


def _count(db: Session, model: type, *where: Any) -> int:
    return db.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _entries(db: Session, stage: str) -> dict[int, datetime]:
    """When each contact first entered ``stage``, from the stage history alone."""
    query = (
        select(StageTransition.contact_id, func.min(StageTransition.at))
        .where(StageTransition.to_stage == stage)
        .group_by(StageTransition.contact_id)
    )
    return {row.contact_id: row[1] for row in db.execute(query)}


def test_hubspot_stage_dates_become_the_stage_history_with_the_files_dates(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    job = import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "errors.csv")

    assert (job.source_format, job.status) == ("hubspot", "done")
    assert counts(job) == {"total": 9, "created": 9, "updated": 0, "unchanged": 0, "failed": 0}
    ada = _contact(db, "ada@analytical.example.com")
    assert _moves(db, ada) == [
        (None, "lead", _at("2024-01-02 09:15")),
        ("lead", "mql", _at("2024-01-10 10:00")),
        ("mql", "sql", _at("2024-01-15 14:30")),
        ("sql", "opportunity", _at("2024-01-18 11:00")),
        ("opportunity", "customer", _at("2024-01-24 10:00")),
    ]
    # Created when HubSpot created it; in the stage it entered last, since then.
    assert (ada.created_at, ada.lifecycle_stage, ada.stage_entered_at) == (
        _at("2024-01-02 09:15"),
        "customer",
        _at("2024-01-24 10:00"),
    )
    # Recorded as imported, from the file, by the import; not as made in Huddle.
    rows = db.scalars(select(StageTransition).where(StageTransition.contact_id == ada.id)).all()
    assert {(t.by_rule, t.by_user_id, t.source, t.reason) for t in rows} == {
        (f"import #{job.id}", actor.user_id, "hubspot_contacts_history.csv", None)
    }
    # An evangelist became a customer on the earlier of its two dates.
    dev = _contact(db, "dev@northwind.example.com")
    assert (dev.lifecycle_stage, dev.stage_entered_at) == ("customer", _at("2024-03-01 10:00"))
    # Subscriber first, a lead three months later.
    gus = _contact(db, "gus@gmail.com")
    assert [(to, at) for _, to, at in _moves(db, gus)] == [
        ("subscriber", _at("2024-01-05 07:00")),
        ("lead", _at("2024-04-01 07:00")),
    ]
    # "Other" says nothing about the funnel: the latest dated stage stands.
    ivy = _contact(db, "ivy@woodgrove.example.com")
    assert (ivy.lifecycle_stage, [to for _, to, _ in _moves(db, ivy)]) == ("lead", ["lead"])
    hana = _contact(db, "hana@adatum.example.com")
    assert (hana.lifecycle_stage, len(_moves(db, hana))) == ("opportunity", 4)


def test_the_mql_to_customer_median_comes_from_the_files_dates(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "errors.csv")

    mql, customer = _entries(db, "mql"), _entries(db, "customer")
    velocity = [customer[c] - mql[c] for c in customer.keys() & mql.keys()]

    # Ada 14 days, Ben 12, Cara 16, Dev 14 (across 29 February): two weeks, not seconds.
    assert sorted(d.days for d in velocity) == [12, 14, 14, 16]
    assert median(velocity) == timedelta(days=14)


def test_past_moves_start_no_clock_hand_off_notification_or_webhook(
    db: Session, actor: Actor, tmp_path: Path, published: list[DomainEvent]
) -> None:
    db.add(
        Webhook(
            name="CRM sync",
            url="http://127.0.0.1:9/hook",
            secret="s" * 32,
            events=["contact.stage_changed", "lead.handed_off"],
        )
    )
    db.flush()

    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e1.csv")
    import_file(db, SALESFORCE_LEADS_HISTORY, actor=actor, errors_path=tmp_path / "e2.csv")

    # Contacts imported as MQLs and customers, with months of moves behind them...
    assert _count(db, Contact, Contact.lifecycle_stage == "mql") == 1
    assert _count(db, StageTransition) == 29 + 7
    # ...announce no stage change: nothing is routed, clocked, notified or posted.
    assert not [e for e in published if isinstance(e, StageChanged)]
    assert _count(db, Job, Job.kind.like("routing%")) == 0
    for model in (Handoff, SlaClock, Notification, WebhookDelivery):
        assert _count(db, model) == 0, model.__name__

    # The same contacts moved in Huddle now are the present: that is routed and posted.
    eli = _contact(db, "eli@tailspin.example.com")
    transition_stage(db, eli.id, "sql", actor=actor)
    fay = _contact(db, "fay@litware.example.com")
    transition_stage(db, fay.id, "mql", actor=actor)
    assert _count(db, Job, Job.kind.like("routing%")) == 1
    assert _count(db, WebhookDelivery) == 2


def test_importing_the_same_file_again_adds_no_history(
    db: Session, actor: Actor, tmp_path: Path, published: list[DomainEvent]
) -> None:
    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e1.csv")
    before = _count(db, StageTransition)
    del published[:]

    again = import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e2.csv")

    assert counts(again)["unchanged"] == 9
    assert _count(db, StageTransition) == before == 29
    assert not [e for e in published if isinstance(e, StageChanged | ContactsChanged)]


def test_salesforce_leads_enter_lead_on_creation_and_sql_on_conversion(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    job = import_file(db, SALESFORCE_LEADS_HISTORY, actor=actor, errors_path=tmp_path / "e.csv")

    assert (job.source_format, job.rows_created, job.rows_failed) == ("salesforce_lead", 4, 0)
    lena = _contact(db, "lena.fischer@acme-logistics.example.com")
    assert _moves(db, lena) == [
        (None, "lead", _at("2024-03-14 08:31:22")),
        ("lead", "sql", _at("2024-03-28 00:00")),
    ]
    assert (lena.created_at, lena.lifecycle_stage) == (_at("2024-03-14 08:31:22"), "sql")
    # A status without its date: entered no earlier than the latest date the row gives,
    # which is all the file knows, and the move says so.
    marco = _contact(db, "marco.bianchi@brightwave.example.com")
    assert _moves(db, marco) == [
        (None, "lead", _at("2024-04-02 14:05")),
        ("lead", "sal", _at("2024-04-02 14:05")),
    ]
    undated = db.scalars(
        select(StageTransition).where(
            StageTransition.contact_id == marco.id, StageTransition.to_stage == "sal"
        )
    ).one()
    assert undated.reason == UNDATED
    nora = _contact(db, "nora.haddad@meridian.example.com")
    assert (nora.lifecycle_stage, len(_moves(db, nora))) == ("lead", 1)
    omar = _contact(db, "omar.said@dunes.example.com")
    assert omar.lifecycle_stage == "disqualified"


def test_a_salesforce_leads_report_is_recognised_by_its_labels(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["First Name", "Last Name", "Email", "Company / Account", "Lead Status"]
    pia = ["Pia", "Berg", "pia@berg.example.com", "Berg AB", "Qualified"]
    raj = ["Raj", "Iyer", "raj@iyer.example.com", "Iyer Labs", "Open"]
    report = write_csv(
        tmp_path / "leads report.csv",
        [*header, "Created Date", "Converted Date"],
        [[*pia, "3/4/2024 9:05 AM", "3/18/2024"], [*raj, "3/5/2024 4:30 PM", ""]],
    )

    job = import_file(db, report, actor=actor, errors_path=tmp_path / "e.csv")

    assert (job.source_format, job.rows_created) == ("salesforce_lead_report", 2)
    berg = _contact(db, "pia@berg.example.com")
    assert [(to, at) for _, to, at in _moves(db, berg)] == [
        ("lead", _at("2024-03-04 09:05")),
        ("sql", _at("2024-03-18 00:00")),
    ]
    iyer = _contact(db, "raj@iyer.example.com")
    assert (iyer.lifecycle_stage, iyer.created_at) == ("lead", _at("2024-03-05 16:30"))


def test_a_leads_report_that_says_create_date_is_still_a_leads_report(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Salesforce's lead reports label CreatedDate "Create Date", as HubSpot does.
    report = write_csv(
        tmp_path / "leads report.csv",
        ["Lead ID", "Last Name", "Email", "Lead Status", "Lead Owner", "Create Date"],
        [["00Q5g00000IaZx7", "Brontë", "zoe@camden.example", "Open", "Émile Zola", "2024-02-11"]],
    )

    job = import_file(db, report, actor=actor, errors_path=tmp_path / "e.csv")

    assert (job.source_format, job.rows_created, job.rows_reported) == (
        "salesforce_lead_report",
        1,
        1,
    )
    zoe = _contact(db, "zoe@camden.example")
    assert (zoe.external_id, zoe.owner_id, zoe.created_at) == (
        # The report's 15-character id, kept in its 18-character form.
        "00Q5g00000IaZx7EAF",
        None,
        _at("2024-02-11"),
    )


def test_a_day_first_report_is_read_day_first_whatever_its_first_rows_say(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # A Salesforce report exported by a user in the UK: day first. Its first two rows fit
    # month first as well; the third tells.
    header = ["First Name", "Last Name", "Email", "Company / Account", "Lead Status"]
    report = write_csv(
        tmp_path / "uk leads report.csv",
        [*header, "Created Date", "Converted Date"],
        [
            ["Pia", "Berg", "pia@berg.example.com", "Berg AB", "Qualified", "03/04/2024 09:05", ""],
            ["Raj", "Iyer", "raj@iyer.example.com", "Iyer Labs", "Open", "05/03/2024", ""],
            [
                "Lou",
                "Kim",
                "lou@kim.example.com",
                "Kim Ltd",
                "Qualified",
                "25/03/2024",
                "02/04/2024",
            ],
        ],
    )

    job = import_file(db, report, actor=actor, errors_path=tmp_path / "e.csv")

    assert (job.rows_created, job.rows_failed) == (3, 0)
    assert job.date_formats == {"Created Date": "%d/%m/%Y", "Converted Date": "%d/%m/%Y"}
    assert _contact(db, "pia@berg.example.com").created_at == _at("2024-04-03 09:05")
    assert _contact(db, "raj@iyer.example.com").created_at == _at("2024-03-05")
    assert [(to, at) for _, to, at in _moves(db, _contact(db, "lou@kim.example.com"))] == [
        ("lead", _at("2024-03-25")),
        ("sql", _at("2024-04-02")),
    ]


def test_a_date_that_cannot_be_read_or_is_in_the_future_fails_its_row_only(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    source = write_csv(
        tmp_path / "dates.csv",
        ["Mail", "Stage", "Created", "MQL since"],
        [
            ["ok@dated.example.com", "mql", "2024-03-14", "2024-03-20T10:00:00+02:00"],
            ["bad@dated.example.com", "mql", "14th of March", "2024-03-20"],
            ["later@dated.example.com", "mql", "2024-03-14", "9999-01-01"],
        ],
    )
    errors = tmp_path / "errors.csv"
    mapping = {
        "Mail": "email",
        "Stage": "lifecycle_stage",
        "Created": "created_at",
        "MQL since": "stage_dates.mql",
    }

    job = import_file(db, source, actor=actor, errors_path=errors, mapping=mapping)

    assert (job.rows_created, job.rows_failed) == (1, 2)
    reasons = {row["Mail"]: (row["error_column"], row["error_reason"]) for row in read_csv(errors)}
    assert reasons["bad@dated.example.com"][0] == "Created"
    assert "is not a date" in reasons["bad@dated.example.com"][1]
    assert reasons["later@dated.example.com"][0] == "MQL since"
    assert "in the future" in reasons["later@dated.example.com"][1]
    ok = _contact(db, "ok@dated.example.com")
    # The offset is honoured: 10:00 at UTC+2 is 08:00 UTC.
    assert (ok.created_at, ok.stage_entered_at) == (_at("2024-03-14"), _at("2024-03-20 08:00"))
    assert _moves(db, ok) == [(None, "mql", _at("2024-03-20 08:00"))]


def test_history_for_a_contact_huddle_has_adds_the_past_and_moves_it_quietly(
    db: Session, actor: Actor, tmp_path: Path, published: list[DomainEvent]
) -> None:
    ada = make_contact(db, email="ada@analytical.example.com", lifecycle_stage="lead")
    db.flush()

    job = import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e.csv")

    assert job.rows_failed == 0
    db.refresh(ada)
    assert (ada.lifecycle_stage, ada.stage_entered_at) == ("customer", _at("2024-01-24 10:00"))
    assert ada.created_at == _at("2024-01-02 09:15")
    assert [to for _, to, _ in _moves(db, ada)] == ["lead", "mql", "sql", "opportunity", "customer"]
    # No stage change announced; the contact is announced as changed, to be scored as of now.
    assert not [e for e in published if isinstance(e, StageChanged)]
    changed = [e for e in published if isinstance(e, ContactsChanged)]
    assert [e.contact_ids for e in changed] == [(ada.id,)]


def test_a_contact_that_moved_since_keeps_its_stage(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e1.csv")
    eli = _contact(db, "eli@tailspin.example.com")
    transition_stage(db, eli.id, "sal", actor=actor)

    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e2.csv")

    db.refresh(eli)
    assert eli.lifecycle_stage == "sal"
    assert [to for _, to, _ in _moves(db, eli)] == ["lead", "mql", "sal"]


def test_mql_criteria_are_met_now_not_in_the_past(
    db: Session, actor: Actor, tmp_path: Path, test_clock: Any
) -> None:
    # Growth marketers qualify: Fay, a lead since March 2024, meets the criteria today.
    set_mql(db, {"field": "contact.job_title", "op": "contains", "value": "Growth"})
    now = test_clock.now()

    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "e.csv")

    fay = _contact(db, "fay@litware.example.com")
    moves = _moves(db, fay)
    assert [(before, to) for before, to, _ in moves] == [(None, "lead"), ("lead", "mql")]
    assert moves[0][2] == _at("2024-03-14 11:30")
    assert moves[1][2] >= now  # qualified as of now: the present, routed as any new MQL
    assert (fay.lifecycle_stage, _count(db, Job, Job.kind.like("routing%"))) == ("mql", 1)


@pytest.mark.sqlite_only
def test_a_big_import_notes_and_indexes_what_triggers_row_by_row_would(
    every_insert_replays_triggers: Session, actor: Actor, tmp_path: Path
) -> None:
    # The contacts' and the stage rows' insert triggers (the search index, attribution's
    # notes) are set aside and run once a chunk.
    db = every_insert_replays_triggers
    import_file(db, HUBSPOT_HISTORY, actor=actor, errors_path=tmp_path / "errors.csv")

    notes = db.scalars(text("SELECT contact_id FROM attribution_stale ORDER BY contact_id"))
    converting = StageTransition.to_stage.in_(("mql", "sql", "customer"))
    moves = select(StageTransition.contact_id).where(converting)
    assert list(notes) == sorted(db.scalars(moves)) != []
    assert_indexes_match_their_tables(db)
    (ada,) = search_found(db, "lovelace")
    assert db.get(Contact, ada).email == "ada@analytical.example.com"


def _index_definitions(session: Session) -> dict[str, str]:
    query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    rows = session.execute(text(query)).all()
    return {row.name: row.sql for row in rows}


def _import_committing(
    engine: Engine,
    errors_path: Path,
    look: Callable[[Session], None],
    before: Callable[[Session, int], None] | None = None,
) -> ImportJob:
    """The HubSpot history file, chunks of 4 rows each committed for real; ``look`` is
    handed a session of its own after each chunk, ``before`` the import's id first."""
    if engine.dialect.name != "sqlite":
        pytest.skip("only SQLite defers indexes")
    factory = session_factory(engine)

    def after_chunk(_: Progress) -> None:
        with Session(engine) as session:
            look(session)

    with unit_of_work(factory) as session:
        job_id = create_import(
            session, HUBSPOT_HISTORY, filename="history.csv", actor=Actor.system("test")
        ).id
        if before is not None:
            before(session, job_id)
    return run_import(
        lambda: unit_of_work(factory),
        job_id,
        HUBSPOT_HISTORY,
        errors_path=errors_path,
        chunk_size=4,
        on_progress=after_chunk,
    )


@pytest.mark.sqlite_only
def test_a_big_history_import_builds_its_unordered_indexes_at_its_end(
    own_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nine rows stand for a big file here.
    monkeypatch.setattr(deferred_indexes, "MIN_ENTRIES", 5)
    unordered = {*SPREAD_INDEXES, *CREATED_DATE_INDEXES, *ENTRY_DATE_INDEXES}
    with Session(own_engine) as session:
        before = _index_definitions(session)
    during: list[tuple[set[str], set[str]]] = []

    def look(session: Session) -> None:
        missing = unordered - set(_index_definitions(session))
        during.append((missing, set(session.scalars(select(DeferredIndex.name)))))

    job = _import_committing(own_engine, tmp_path / "errors.csv", look)

    assert (job.status, job.rows_created) == ("done", 9)
    assert during == [(unordered, unordered)] * 3  # chunks of 4, 4 and 1 row
    with Session(own_engine) as session:
        assert _index_definitions(session) == before
        assert session.scalar(select(func.count()).select_from(DeferredIndex)) == 0
        # The history reads the same through the index built again.
        ada = _contact(session, "ada@analytical.example.com")
        assert _entries(session, "customer")[ada.id] == _at("2024-01-24 10:00")
        assert len(_moves(session, ada)) == 5


@pytest.mark.sqlite_only
def test_a_small_history_import_keeps_its_indexes(own_engine: Engine, tmp_path: Path) -> None:
    kept: list[int] = []

    def look(session: Session) -> None:
        names = set(_index_definitions(session))
        kept.append(len({*SPREAD_INDEXES, *ENTRY_DATE_INDEXES} & names))

    _import_committing(own_engine, tmp_path / "errors.csv", look)

    assert kept == [len(SPREAD_INDEXES) + 1] * 3


@pytest.mark.sqlite_only
def test_a_resumed_import_builds_what_its_stopped_run_left_deferred(
    own_engine: Engine, tmp_path: Path
) -> None:
    def stopped_run_left(session: Session, job_id: int) -> None:
        deferred_indexes.defer(session, ENTRY_DATE_INDEXES, holder=f"import {job_id}")

    missing: list[int] = []

    def look(session: Session) -> None:
        missing.append(len(set(ENTRY_DATE_INDEXES) - set(_index_definitions(session))))

    # Nine rows: too few to defer anything themselves.
    _import_committing(own_engine, tmp_path / "errors.csv", look, before=stopped_run_left)

    assert missing == [1, 1, 1]
    with Session(own_engine) as session:
        assert set(ENTRY_DATE_INDEXES) <= set(_index_definitions(session))
        assert session.scalar(select(func.count()).select_from(DeferredIndex)) == 0


def test_a_date_written_another_way_than_its_columns_is_read_alone() -> None:
    assert moment_in("2024-04-05", "%d/%m/%Y") == _at("2024-04-05")
    assert moment_in("05/04/2024 10:30", "%d/%m/%Y") == _at("2024-04-05 10:30")
    with pytest.raises(CellError, match=r"not a date in the column's format \(DD/MM/YYYY\)"):
        moment_in("soon", "%d/%m/%Y")


def test_moves_on_one_moment_follow_the_funnel_whatever_the_columns_order() -> None:
    # Columns in no funnel order; Lead and MQL on the same moment; two columns for Customer.
    reader = HistoryReader(
        [
            (0, "Customer since", "customer", None),
            (1, "MQL since", "mql", None),
            (2, "Lead since", "lead", None),
            (3, "Evangelist since", "customer", None),
        ]
    )

    history = reader.read(
        ["2024-03-01", "2024-01-02 09:00", "2024-01-02 09:00", "2024-02-20"], stage=None
    )

    assert isinstance(history, RowHistory)
    assert history.moves == (
        PastMove("lead", _at("2024-01-02 09:00")),
        PastMove("mql", _at("2024-01-02 09:00")),
        PastMove("customer", _at("2024-02-20")),
    )


def test_a_converted_lead_is_known_by_its_contacts_id_and_keeps_its_earliest_date(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Salesforce's weekly export: a lead converted into contact 003..., which the Contact
    # export names again, created when the lead was converted.
    leads = write_csv(
        tmp_path / "Lead.csv",
        ["Id", "LastName", "Company", "Email", "Status", "CreatedDate", "ConvertedContactId"],
        [
            [
                "00Q5g00000AAA01",
                "Reyes",
                "Northstar",
                "mason@northstar.test",
                "Closed - Converted",
                "2024-01-02T09:15:00.000Z",
                "0035g00000CCC01",
            ],
            [
                "00Q5g00000AAA02",
                "Patel",
                "Pinecone",
                "scarlett@pinecone.test",
                "Open - Not Contacted",
                "2024-01-05T10:22:00.000Z",
                "",
            ],
        ],
    )
    contacts = write_csv(
        tmp_path / "Contact.csv",
        ["Id", "LastName", "AccountId", "Email", "CreatedDate"],
        [
            [
                "0035g00000CCC01",
                "Reyes",
                "0015g00000ACC01",
                "mason@northstar.test",
                "2024-02-11T14:15:00.000Z",
            ]
        ],
    )

    import_file(db, leads, actor=actor, errors_path=tmp_path / "e1.csv")
    then = import_file(db, contacts, actor=actor, errors_path=tmp_path / "e2.csv")
    again = import_file(db, leads, actor=actor, errors_path=tmp_path / "e3.csv")

    mason = _contact(db, "mason@northstar.test")
    # The ids kept in their 18-character form (``core.recordids``).
    assert (mason.external_id, mason.created_at) == ("0035g00000CCC01AAH", _at("2024-01-02 09:15"))
    assert _contact(db, "scarlett@pinecone.test").external_id == "00Q5g00000AAA02EAH"
    assert (then.rows_updated, then.rows_unchanged) == (0, 1)
    assert counts(again) == {"total": 2, "created": 0, "updated": 0, "unchanged": 2, "failed": 0}


def test_a_stage_the_file_names_without_a_date_leaves_history_and_stage_agreeing(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # A customer since March; a later file says she is unqualified, dating only the
    # stages she had: the undated move follows the latest date, and she is in it.
    header = ["Email", "Lifecycle Stage", "Became a Lead Date", "Became a Customer Date"]
    dates = ["2024-01-02 09:00", "2024-03-01 10:00"]
    first = write_csv(tmp_path / "first.csv", header, [["bo@x.example", "customer", *dates]])
    later = write_csv(tmp_path / "later.csv", header, [["bo@x.example", "unqualified", *dates]])
    mapping = {
        "Email": "email",
        "Lifecycle Stage": "lifecycle_stage",
        "Became a Lead Date": "stage_dates.lead",
        "Became a Customer Date": "stage_dates.customer",
    }

    import_file(db, first, actor=actor, errors_path=tmp_path / "e1.csv", mapping=mapping)
    import_file(db, later, actor=actor, errors_path=tmp_path / "e2.csv", mapping=mapping)
    again = import_file(db, later, actor=actor, errors_path=tmp_path / "e3.csv", mapping=mapping)

    bo = _contact(db, "bo@x.example")
    assert _moves(db, bo)[-1] == ("customer", "disqualified", _at("2024-03-01 10:00"))
    assert (bo.lifecycle_stage, bo.stage_entered_at) == ("disqualified", _at("2024-03-01 10:00"))
    assert counts(again)["unchanged"] == 1


HISTORY_MAPPING = {
    "Email": "email",
    "Lifecycle Stage": "lifecycle_stage",
    "Became a Lead Date": "stage_dates.lead",
    "Became a Marketing Qualified Lead Date": "stage_dates.mql",
    "Became a Customer Date": "stage_dates.customer",
}


def test_the_rows_stage_is_the_contacts_stage_now_even_when_the_row_dates_it_earlier(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = list(HISTORY_MAPPING)
    rows = [
        # Dates out of the funnel's order (MQL a day before Lead); the CRM says MQL.
        ["io@x.example", "Marketing Qualified Lead", "01/05/2024", "01/04/2024", ""],
        # A customer the CRM has since moved back to Lead.
        ["al@x.example", "Lead", "2024-01-02 09:00", "", "2024-03-01 10:00"],
    ]
    path = write_csv(tmp_path / "crm.csv", header, rows)

    job = import_file(
        db, path, actor=actor, errors_path=tmp_path / "e.csv", mapping=HISTORY_MAPPING
    )
    again = import_file(
        db, path, actor=actor, errors_path=tmp_path / "e2.csv", mapping=HISTORY_MAPPING
    )

    assert (job.rows_created, job.rows_failed, counts(again)["unchanged"]) == (2, 0, 2)
    io, al = _contact(db, "io@x.example"), _contact(db, "al@x.example")
    assert (io.lifecycle_stage, al.lifecycle_stage) == ("mql", "lead")
    assert _moves(db, io) == [
        (None, "mql", _at("2024-01-04")),
        ("mql", "lead", _at("2024-01-05")),
        ("lead", "mql", _at("2024-01-05")),
    ]
    assert _moves(db, al)[-1] == ("customer", "lead", _at("2024-03-01 10:00"))
    # The funnel still counts when each first reached a stage.
    assert _entries(db, "customer") == {al.id: _at("2024-03-01 10:00")}


def test_a_contact_named_twice_in_a_file_ends_in_the_stage_its_rows_say() -> None:
    # Two rows of one person: the second names the stage the CRM moved it back to.
    first = RowHistory(
        None, (PastMove("lead", _at("2024-01-02")), PastMove("customer", _at("2024-03-01")))
    )
    second = RowHistory(
        None,
        (
            PastMove("lead", _at("2024-01-02")),
            PastMove("customer", _at("2024-03-01")),
            PastMove("lead", _at("2024-03-01"), dated=False),
        ),
    )

    one = merged([first, second])

    assert [(m.stage, m.dated) for m in one.moves] == [
        ("lead", True),
        ("customer", True),
        ("lead", False),
    ]


def test_stage_dates_a_spreadsheet_shows_as_day_numbers_are_read(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # An export re-saved with its date cells formatted as numbers.
    header = ["Email", "Lifecycle Stage", "Create Date", "Became a Lead Date"]
    rows = [["kai@x.example", "Lead", "45365.39583", "45366"]]
    path = write_csv(tmp_path / "numbers.csv", header, rows)

    mapping = {
        "Email": "email",
        "Lifecycle Stage": "lifecycle_stage",
        "Create Date": "created_at",
        "Became a Lead Date": "stage_dates.lead",
    }

    job = import_file(db, path, actor=actor, errors_path=tmp_path / "e.csv", mapping=mapping)

    assert (job.rows_created, job.rows_failed) == (1, 0)
    kai = _contact(db, "kai@x.example")
    assert (kai.created_at, _moves(db, kai)) == (
        _at("2024-03-14 09:30"),
        [(None, "lead", _at("2024-03-15"))],
    )


def _salesforce_files(tmp_path: Path) -> tuple[Path, Path]:
    """A lead converted on 11 February (a date alone: midnight) into a contact the Contact
    export says was created at 14:15 that day, with no stage of its own."""
    leads = write_csv(
        tmp_path / "Lead.csv",
        [
            *("Id", "LastName", "Company", "Email", "Status"),
            *("CreatedDate", "ConvertedDate", "ConvertedContactId"),
        ],
        [
            [
                "00Q5g00000AAA01",
                "Reyes",
                "Northstar",
                "mason@northstar.test",
                "Closed - Converted",
                "2024-01-02T09:15:00.000Z",
                "2024-02-11",
                "0035g00000CCC01",
            ]
        ],
    )
    contacts = write_csv(
        tmp_path / "Contact.csv",
        ["Id", "LastName", "AccountId", "Email", "CreatedDate"],
        [["0035g00000CCC01", "Reyes", "", "mason@northstar.test", "2024-02-11T14:15:00.000Z"]],
    )
    return leads, contacts


@pytest.mark.parametrize("leads_first", [True, False])
def test_the_leads_and_the_contacts_end_alike_in_either_order(
    db: Session,
    actor: Actor,
    tmp_path: Path,
    leads_first: bool,
    published: list[DomainEvent],
) -> None:
    leads, contacts = _salesforce_files(tmp_path)
    order = (leads, contacts) if leads_first else (contacts, leads)

    for n, path in enumerate(order):
        import_file(db, path, actor=actor, errors_path=tmp_path / f"e{n}.csv")

    mason = _contact(db, "mason@northstar.test")
    # The Contact export's own start (Lead on 11 February, undated) gave way to the dates
    # the leads give: one entry into the funnel, then SQL on the conversion.
    assert (mason.lifecycle_stage, mason.created_at) == ("sql", _at("2024-01-02 09:15"))
    assert _moves(db, mason) == [
        (None, "lead", _at("2024-01-02 09:15")),
        ("lead", "sql", _at("2024-02-11")),
    ]
    # What was derived from the history taken out (the funnel's roll-up) is redone.
    rewritten = [e.contact_ids for e in published if isinstance(e, StageHistoryRewritten)]
    assert rewritten == ([] if leads_first else [(mason.id,)])
