"""Importing deals from a HubSpot deals export and a Salesforce opportunities export: the
deals with their own dates, linked to contacts and accounts; a won deal making its contacts
customers with its date (or the row saying why not); past moves starting nothing now."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.auth.models import User
from huddle.cli import app
from huddle.contacts.models import Account, Contact
from huddle.core.actor import Actor
from huddle.core.clock import FrozenClock
from huddle.core.csvreport import FileImportResult
from huddle.core.errors import ValidationFailed
from huddle.core.events import DomainEvent
from huddle.core.jobs import Job
from huddle.lifecycle import service
from huddle.lifecycle.events import StageChanged
from huddle.lifecycle.importing.deals import import_deals
from huddle.lifecycle.models import (
    AllowedTransition,
    Opportunity,
    OpportunityContact,
    StageTransition,
)
from huddle.lifecycle.stages import DEFAULT_TRANSITIONS
from huddle.notifications.models import Notification
from huddle.routing.models import Handoff
from huddle.sla.models import SlaClock
from tests.contacts.factories import make_account, make_contact
from tests.contacts.fixtures.imports import read_csv, same_session, write_csv
from tests.contacts.test_cli import cli_db  # noqa: F401 - the command line's own database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HUBSPOT_DEALS = FIXTURES / "hubspot_deals.csv"
SALESFORCE_OPPORTUNITIES = FIXTURES / "salesforce_opportunities.csv"
runner = CliRunner()


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def run(db: Session, path: Path, actor: Actor, errors: Path) -> FileImportResult:
    return import_deals(
        lambda: same_session(db), path, filename=path.name, actor=actor, errors_path=errors
    )


def deal(db: Session, external_id: str) -> Opportunity:
    return db.scalars(select(Opportunity).where(Opportunity.external_id == external_id)).one()


def moves(db: Session, contact: Contact) -> list[tuple[str | None, str, datetime]]:
    return [(m.from_stage, m.to_stage, m.at) for m in service.stage_history(db, contact.id)]


def count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_hubspot_deals_export_goes_in_with_its_own_dates(
    db: Session, actor: Actor, admin: User, tmp_path: Path
) -> None:
    acme = make_account(db, name="Acme")
    ann = make_contact(db, email="ann@acme.example", lifecycle_stage="mql", account=acme)
    bo = make_contact(db, email="bo@globex.example", lifecycle_stage="sql")
    cy = make_contact(db, email="cy@umbrella.example", lifecycle_stage="opportunity")
    di = make_contact(db, email="di@umbrella.example", lifecycle_stage="customer")

    result = run(db, HUBSPOT_DEALS, actor, tmp_path / "errors.csv")

    assert (result.source_format, result.rows, result.created, result.failed) == (
        "hubspot",
        8,
        5,
        3,
    )
    assert result.exit_code == 1
    # A stage of the CRM's own goes in as an open deal, and the row says so.
    handshake = deal(db, "hubspot:9006")
    assert (handshake.status, handshake.pipeline_stage) == ("open", "qualification")
    won = deal(db, "hubspot:9001")
    assert (won.name, won.amount, won.status, won.pipeline_stage) == (
        "Acme platform rollout",
        24000.0,
        "won",
        "closed_won",
    )
    assert (won.account_id, won.primary_contact_id, won.owner_id) == (acme.id, ann.id, admin.id)
    assert (won.created_at, won.closed_at) == (at("2024-01-10 09:30"), at("2024-03-28 16:05"))
    open_deal = deal(db, "hubspot:9002")
    assert (open_deal.status, open_deal.pipeline_stage, open_deal.expected_close_date) == (
        "open",
        "negotiation",
        date(2024, 9, 30),
    )
    lost = deal(db, "hubspot:9003")
    assert (lost.status, lost.lost_reason, lost.amount) == ("lost", "Budget cut", 8500.0)
    # A date alone is that day at noon UTC: the same calendar day on every continent.
    assert lost.closed_at == at("2024-04-15 12:00")
    # Companies Huddle did not know are created by name; known ones are reused.
    assert db.get(Account, lost.account_id).name == "Initech"  # type: ignore[union-attr]
    assert db.scalar(select(func.count()).where(Account.name == "Acme")) == 1
    umbrella = deal(db, "hubspot:9004")
    roles = db.scalars(
        select(OpportunityContact.contact_id).where(
            OpportunityContact.opportunity_id == umbrella.id
        )
    ).all()
    assert sorted(roles) == sorted([cy.id, di.id])

    # The won deal made its MQL a customer through the stages in between: Ann entered MQL
    # today, after the deal closed, so each move is on the close date (never before the
    # stage she was in); the open deal made its SQL an Opportunity on its created date.
    closed = at("2024-03-28 16:05")
    assert moves(db, ann) == [
        ("mql", "sal", closed),
        ("sal", "opportunity", closed),
        ("opportunity", "customer", closed),
    ]
    assert moves(db, bo) == [("sql", "opportunity", at("2024-02-01 11:00"))]
    assert moves(db, cy) == [("opportunity", "customer", at("2024-05-02 12:00"))]
    assert moves(db, di) == []
    db.refresh(ann)
    assert (ann.lifecycle_stage, ann.stage_entered_at) == ("customer", closed)
    assert result.contacts_moved == 3

    report = {row["error_line"]: row for row in read_csv(tmp_path / "errors.csv")}
    assert sorted(report) == ["6", "7", "8", "9"]
    assert (report["6"]["error_column"], report["6"]["Deal Name"]) == ("Amount", "Hooli deal")
    assert "not an amount" in report["6"]["error_reason"]
    assert report["7"]["error_column"] == "Deal Stage"
    assert "'Handshake' is not a deal stage Huddle knows" in report["7"]["error_reason"]
    assert "imported as Qualification" in report["7"]["error_reason"]
    assert report["8"]["error_column"] == "Record ID"
    assert report["9"]["error_column"] == "Close Date"
    assert "a won deal needs its close date" in report["9"]["error_reason"]


def test_a_won_deals_contacts_are_opportunities_from_the_deals_creation(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Ann was an MQL before the deal was created; Bo became one after it was.
    ann = make_contact(db, email="ann@acme.example", lifecycle_stage="mql")
    bo = make_contact(db, email="bo@acme.example", lifecycle_stage="mql")
    ann.stage_entered_at, bo.stage_entered_at = at("2023-12-01 10:00"), at("2024-02-01 08:00")
    db.flush()
    source = write_csv(
        tmp_path / "won.csv",
        ["Record ID", "Deal Name", "Deal Stage", "Create Date", "Close Date", "Associated Contact"],
        [
            ["1", "Acme", "Closed Won", "2024-01-10 09:30", "2024-03-28 16:05", "ann@acme.example"],
            [
                "2",
                "Acme 2",
                "Closed Won",
                "2024-01-10 09:30",
                "2024-03-28 16:05",
                "bo@acme.example",
            ],
        ],
    )

    run(db, source, actor, tmp_path / "errors.csv")

    opened, closed, later = at("2024-01-10 09:30"), at("2024-03-28 16:05"), at("2024-02-01 08:00")
    assert moves(db, ann) == [
        ("mql", "sal", opened),
        ("sal", "opportunity", opened),
        ("opportunity", "customer", closed),
    ]
    assert moves(db, bo) == [
        ("mql", "sal", later),
        ("sal", "opportunity", later),
        ("opportunity", "customer", closed),
    ]


def test_past_moves_start_no_clock_hand_off_or_notification(
    db: Session, actor: Actor, tmp_path: Path, published: list[DomainEvent]
) -> None:
    make_contact(db, email="ann@acme.example", lifecycle_stage="lead")
    make_contact(db, email="bo@globex.example", lifecycle_stage="lead")
    jobs_before = count(db, Job)

    run(db, HUBSPOT_DEALS, actor, tmp_path / "errors.csv")

    # The lead on the won deal became a customer, the one on the open deal an opportunity,
    # each through SAL (Lead → Opportunity is not an allowed move): all of it the past.
    assert count(db, StageTransition) == 5
    assert [e for e in published if isinstance(e, StageChanged)] == []
    assert (count(db, SlaClock), count(db, Handoff), count(db, Notification)) == (0, 0, 0)
    assert count(db, Job) == jobs_before


def test_open_and_lost_deals_make_their_earlier_stage_contacts_opportunities_then(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example", lifecycle_stage="lead")
    bo = make_contact(db, email="bo@globex.example", lifecycle_stage="lead")
    header = ["Record ID", "Deal Name", "Associated Contact", "Create Date", "Close Date"]
    header += ["Deal Stage"]
    rows = [
        ["1", "Acme pilot", "ann@acme.example", "2024-02-01 10:00", "2024-09-30", "qualifiedtobuy"],
        ["2", "Globex", "bo@globex.example", "2024-03-01 10:00", "2024-04-15", "closedlost"],
    ]

    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")
    again = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e2.csv")

    assert (result.created, result.contacts_moved, result.reported) == (2, 2, 0)
    # In the deal from its start, through the stages the configuration requires.
    assert moves(db, ann) == [
        ("lead", "sal", at("2024-02-01 10:00")),
        ("sal", "opportunity", at("2024-02-01 10:00")),
    ]
    assert moves(db, bo)[-2:] == [
        ("sal", "opportunity", at("2024-03-01 10:00")),
        ("opportunity", "lost", at("2024-04-15 12:00")),
    ]
    db.expire_all()
    assert (ann.lifecycle_stage, bo.lifecycle_stage) == ("opportunity", "lost")
    assert (again.contacts_moved, again.unchanged) == (0, 2)


def test_a_pipeline_of_the_crms_own_goes_in_by_the_words_of_its_stages(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Record ID", "Deal Name", "Associated Company", "Deal Stage", "Close Date"]
    rows = [
        ["1", "Renewal A", "Acme", "Renewal Won", "2024-03-01"],
        ["2", "Renewal B", "Acme", "Churned", "2024-03-02"],
        ["3", "Renewal C", "Acme", "Renewal Due", "2024-09-30"],
        ["4", "Renewal D", "Acme", "Won't renew", "2024-03-03"],
    ]

    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed, result.reported) == (4, 0, 4)
    assert [(deal(db, f"hubspot:{n}").status) for n in "1234"] == ["won", "lost", "open", "open"]
    assert "imported as Closed won" in result.problems[0].reason


def test_a_contact_the_configuration_gives_no_way_to_opportunity_is_noted(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Here no stage leads on to Opportunity (deals are opened by hand only).
    db.execute(delete(AllowedTransition).where(AllowedTransition.to_stage == "opportunity"))
    cy = make_contact(db, email="cy@acme.example", lifecycle_stage="subscriber")
    header = ["Record ID", "Deal Name", "Associated Contact", "Deal Stage"]
    rows = [["1", "Acme pilot", "cy@acme.example", "qualifiedtobuy"]]

    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.reported) == (1, 1)
    assert f"contact #{cy.id} stays Subscriber" in result.problems[0].reason
    assert "by no way to Opportunity" in result.problems[0].reason


def test_importing_the_same_file_again_changes_nothing(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    make_contact(db, email="ann@acme.example", lifecycle_stage="mql")
    first = run(db, HUBSPOT_DEALS, actor, tmp_path / "first.csv")
    deals, history = count(db, Opportunity), count(db, StageTransition)

    again = run(db, HUBSPOT_DEALS, actor, tmp_path / "again.csv")

    assert (first.created, again.created, again.updated, again.unchanged) == (5, 0, 0, 5)
    assert (count(db, Opportunity), count(db, StageTransition)) == (deals, history)
    assert again.contacts_moved == 0


def test_a_deal_won_since_the_last_import_moves_its_contacts_then(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date"]
    header += ["Associated Contact", "Associated Company", "Is Closed Won"]
    sam = make_contact(db, email="sam@soylent.example", lifecycle_stage="sql")
    row = ["77", "Soylent", "Contract Sent", "900", "2024-08-01", "2024-05-01"]
    row += ["sam@soylent.example", "Soylent", "false"]
    run(db, write_csv(tmp_path / "open.csv", header, [row]), actor, tmp_path / "e1.csv")
    row[2], row[8] = "Closed Won", "true"

    result = run(db, write_csv(tmp_path / "won.csv", header, [row]), actor, tmp_path / "e2.csv")

    assert (result.updated, deal(db, "hubspot:77").status) == (1, "won")
    assert [m[1] for m in moves(db, sam)] == ["opportunity", "customer"]
    assert moves(db, sam)[-1][2] == at("2024-08-01 12:00")


def test_a_won_deal_whose_contact_cannot_become_a_customer_is_reported(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # No way out of Disqualified in this configuration.
    service.set_allowed_transitions(
        db, [p for p in DEFAULT_TRANSITIONS if p[0] != "disqualified"], actor=actor
    )
    cy = make_contact(db, email="cy@umbrella.example", lifecycle_stage="disqualified")
    make_contact(db, email="di@umbrella.example", lifecycle_stage="customer")

    result = run(db, HUBSPOT_DEALS, actor, tmp_path / "errors.csv")

    umbrella = deal(db, "hubspot:9004")
    assert umbrella.status == "won"
    db.refresh(cy)
    assert cy.lifecycle_stage == "disqualified"
    assert result.reported >= 1
    [row] = [r for r in read_csv(tmp_path / "errors.csv") if r["error_line"] == "5"]
    assert f"the deal is won, but contact #{cy.id} stays Disqualified" in row["error_reason"]
    assert "no way to Customer" in row["error_reason"]
    assert any(p.line == 5 and "stays Disqualified" in p.reason for p in result.problems)


def test_a_salesforce_opportunities_export(
    db: Session, actor: Actor, admin: User, tmp_path: Path
) -> None:
    dee = make_contact(db, email="dee@northwind.example", lifecycle_stage="opportunity")

    result = run(db, SALESFORCE_OPPORTUNITIES, actor, tmp_path / "errors.csv")

    assert (result.source_format, result.created, result.failed, result.reported) == (
        "salesforce",
        3,
        0,
        1,
    )
    northwind = deal(db, "salesforce:0065g00000AAA01AAH")
    assert (northwind.amount, northwind.status, northwind.owner_id) == (36000.0, "won", admin.id)
    assert (northwind.created_at, northwind.closed_at) == (
        at("2024-01-05 09:12"),
        at("2024-03-14 12:00"),
    )
    assert moves(db, dee) == [("opportunity", "customer", at("2024-03-14 12:00"))]
    contoso = deal(db, "salesforce:0065g00000AAA02AAH")
    assert (contoso.pipeline_stage, contoso.owner_id, contoso.created_at) == (
        "negotiation",
        None,
        at("2024-06-01 14:45"),
    )
    fabrikam = deal(db, "salesforce:0065g00000AAA03AAH")
    assert (fabrikam.status, fabrikam.lost_reason) == ("lost", "Price")
    [told] = read_csv(tmp_path / "errors.csv")
    assert (told["error_line"], told["error_column"]) == ("3", "Opportunity Owner")
    assert "'Rita Gone' is no Huddle user: the deal is unassigned" in told["error_reason"]


def test_a_day_first_export_is_read_day_first_and_says_so(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Salesforce opportunities exported by a user in the UK: dates day first.
    header = ["Opportunity ID", "Opportunity Name", "Account Name", "Amount", "Stage"]
    source = write_csv(
        tmp_path / "uk opportunities.csv",
        [*header, "Close Date", "Created Date"],
        [
            [
                "0065g00000UK001",
                "Northwind",
                "Northwind",
                "36,000",
                "Closed Won",
                "03/04/2024",
                "05/01/2024 09:12",
            ],
            [
                "0065g00000UK002",
                "Contoso",
                "Contoso",
                "9,900",
                "Negotiation/Review",
                "30/11/2024",
                "01/06/2024 14:45",
            ],
        ],
    )

    result = run(db, source, actor, tmp_path / "errors.csv")

    assert (result.created, result.failed) == (2, 0)
    assert result.dates_read == {"Close Date": "DD/MM/YYYY", "Created Date": "DD/MM/YYYY"}
    northwind = deal(db, "salesforce:0065g00000UK001AAD")
    assert (northwind.created_at, northwind.closed_at) == (
        at("2024-01-05 09:12"),
        at("2024-04-03 12:00"),
    )
    contoso = deal(db, "salesforce:0065g00000UK002AAD")
    assert (contoso.created_at, contoso.expected_close_date) == (
        at("2024-06-01 14:45"),
        date(2024, 11, 30),
    )
    assert "Dates read as DD/MM/YYYY (Close Date, Created Date)." in result.summary("deals")


def test_a_european_export_is_read_with_its_own_decimal_mark_and_currency(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # As Excel saves it where the decimal mark is a comma: separated by semicolons.
    source = tmp_path / "eu.csv"
    source.write_text(
        "Record ID;Deal Name;Associated Company;Amount\r\n"
        # "1.250" alone could be either; the file's other amounts write "4.800,00".
        "1;Small;Northwind;1.250\r\n"
        "2;Annual;Northwind;€4.800,00\r\n"
        "3;Spaced;Northwind;12 500,00\r\n"
        "4;Guess;Northwind;12.5k\r\n",
        encoding="utf-8",
    )

    result = run(db, source, actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (3, 1)
    assert [(d.amount, d.currency) for d in (deal(db, f"hubspot:{n}") for n in "123")] == [
        (1250.0, "USD"),
        (4800.0, "EUR"),
        (12500.0, "USD"),
    ]
    [problem] = result.problems
    assert (problem.line, problem.column) == (5, "Amount")
    assert "'12.5k' is not an amount" in problem.reason


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (["Email", "First Name"], "expected a HubSpot deals export"),
        (["Deal Name", "Amount"], "Record ID"),
    ],
)
def test_a_file_that_is_not_a_deals_export_is_refused(
    db: Session, actor: Actor, tmp_path: Path, header: list[str], reason: str
) -> None:
    path = write_csv(tmp_path / "other.csv", header, [["x", "y"]])

    with pytest.raises(ValidationFailed) as refused:
        run(db, path, actor, tmp_path / "errors.csv")

    assert reason in refused.value.errors[0].message
    assert count(db, Opportunity) == 0


def test_nothing_imported_is_exit_code_2(db: Session, actor: Actor, tmp_path: Path) -> None:
    header = ["Record ID", "Deal Name", "Amount"]
    result = run(
        db, write_csv(tmp_path / "bad.csv", header, [["1", "A", "x"]]), actor, tmp_path / "e.csv"
    )

    assert (result.rows, result.failed, result.exit_code) == (1, 1, 2)


def test_a_row_naming_neither_company_nor_known_contact_fails(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Record ID", "Deal Name", "Associated Contact"]
    rows: list[list[Any]] = [["5", "Lonely deal", "nobody@nowhere.example"]]
    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (0, 1)
    reasons = [p.reason for p in result.problems]
    assert any("no contact with email nobody@nowhere.example" in r for r in reasons)
    assert any(r.startswith("no account to put the deal in") for r in reasons)
    assert any("import the contacts first, then this file again" in r for r in reasons)


@pytest.mark.usefixtures("cli_db")
def test_the_command_line_says_what_went_in_and_exits_as_documented(tmp_path: Path) -> None:
    errors = tmp_path / "deal-errors.csv"
    some = runner.invoke(
        app, ["import", "deals", str(SALESFORCE_OPPORTUNITIES), "--errors", str(errors)]
    )
    assert some.exit_code == 1, some.output
    assert "3 rows: 3 deals created, 0 updated, 0 unchanged, 0 failed" in some.output
    assert "2 imported with a problem to check" in some.output
    assert {row["error_line"] for row in read_csv(errors)} == {"2", "3"}

    header = ["Record ID", "Deal Name", "Amount", "Associated Company"]
    good = write_csv(tmp_path / "good.csv", header, [["1", "Plain deal", "10", "Acme"]])
    assert runner.invoke(app, ["import", "deals", str(good)]).exit_code == 0
    bad = write_csv(tmp_path / "bad.csv", header, [["2", "Bad deal", "ten", "Acme"]])
    assert runner.invoke(app, ["import", "deals", str(bad)]).exit_code == 2
    other = write_csv(tmp_path / "other.csv", ["Email"], [["a@b.example"]])
    refused = runner.invoke(app, ["import", "deals", str(other)])
    assert refused.exit_code == 2
    assert "not a deals export Huddle knows" in refused.output


def test_the_api_imports_a_deals_export_and_lists_each_problem(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    make_contact(db, email="dee@northwind.example", lifecycle_stage="sql")
    db.commit()

    with SALESFORCE_OPPORTUNITIES.open("rb") as handle:
        response = client.post(
            "/api/v1/deal-imports", files={"file": ("opps.csv", handle, "text/csv")}
        )

    assert response.status_code == 200, response.text
    body = response.json()
    assert {k: body[k] for k in ("source_format", "rows", "created", "failed", "reported")} == {
        "source_format": "salesforce",
        "rows": 3,
        "created": 3,
        "failed": 0,
        "reported": 1,
    }
    assert body["contacts_moved"] == 1  # SQL → Opportunity → Customer, on the close date
    assert body["problems"] == [
        {
            "line": 3,
            "column": "Opportunity Owner",
            "reason": "'Rita Gone' is no Huddle user: the deal is unassigned",
        }
    ]
    assert deal(db, "salesforce:0065g00000AAA01AAH").status == "won"

    other = write_csv(tmp_path / "contacts.csv", ["Email"], [["a@b.example"]])
    with other.open("rb") as handle:
        refused = client.post("/api/v1/deal-imports", files={"file": ("c.csv", handle, "text/csv")})
    assert refused.status_code == 422


def test_the_imports_page_imports_deals_and_lists_the_rows_to_look_at(
    client: TestClient, db: Session
) -> None:
    page = client.get("/imports").text
    assert 'action="/imports/deals"' in page
    assert 'action="/imports/touches"' in page

    with HUBSPOT_DEALS.open("rb") as handle:
        response = client.post(
            "/imports/deals", files={"file": ("hubspot-deals.csv", handle, "text/csv")}
        )

    assert response.status_code == 200, response.text
    html = response.text
    assert "hubspot-deals.csv" in html
    assert "Deals · read as a HubSpot deals export" in html
    assert "Rows to look at" in html
    assert "&#39;Handshake&#39; is not a deal stage Huddle knows" in html
    assert deal(db, "hubspot:9003").status == "lost"

    with HUBSPOT_DEALS.open("rb") as handle:
        wrong = client.post(
            "/imports/touches", files={"file": ("hubspot-deals.csv", handle, "text/csv")}
        )
    assert wrong.status_code == 422
    assert "hubspot-deals.csv cannot be imported" in wrong.text


def test_a_file_without_dates_imports_again_unchanged(
    db: Session, actor: Actor, frozen_clock: FrozenClock, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "d.csv", ["Record ID", "Deal Name", "Associated Company"], [["8", "X", "Acme"]]
    )
    run(db, path, actor, tmp_path / "e1.csv")
    frozen_clock.advance(timedelta(days=1))

    again = run(db, path, actor, tmp_path / "e2.csv")

    assert (again.updated, again.unchanged) == (0, 1)


def test_a_lost_deal_makes_its_engaged_contacts_lost_on_its_date(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Create Date"]
    header += ["Associated Contact", "Associated Company", "Closed Lost Reason"]
    gone = make_contact(db, email="gone@initech.example", lifecycle_stage="opportunity")
    busy = make_contact(db, email="busy@initech.example", lifecycle_stage="opportunity")
    both = "gone@initech.example; busy@initech.example"
    # The open deal engages busy@ too: losing the other deal leaves it an Opportunity.
    rows = [
        ["1", "Lost one", "Closed Lost", "2024-04-15", "2024-02-20", both, "Initech", "Budget"],
        [
            "2",
            "Still open",
            "Contract Sent",
            "2024-12-01",
            "2024-03-01",
            "busy@initech.example",
            "Initech",
        ],
    ]

    run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert moves(db, gone) == [("opportunity", "lost", at("2024-04-15 12:00"))]
    assert moves(db, busy) == []
    [reason] = [m.reason for m in service.stage_history(db, gone.id)]
    assert reason == "deal lost (imported from d.csv): Budget"


def roles_of(db: Session, opportunity: Opportunity) -> list[int]:
    return sorted(
        db.scalars(
            select(OpportunityContact.contact_id).where(
                OpportunityContact.opportunity_id == opportunity.id
            )
        )
    )


def test_hubspot_deals_link_contacts_without_email_by_their_record_ids(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Contacts imported from HubSpot without email: their "Record ID" is their key.
    acme = make_account(db, name="Acme")
    ann = make_contact(db, email=None, external_id="701", lifecycle_stage="sql", account=acme)
    bo = make_contact(db, email=None, external_id="702", lifecycle_stage="mql")
    cy = make_contact(db, email="cy@acme.example", external_id="703", lifecycle_stage="lead")
    header = ["Record ID", "Deal Name", "Deal Stage", "Create Date", "Associated Contact IDs"]
    rows: list[list[Any]] = [
        ["9101", "Acme expansion", "Contract Sent", "2024-03-14", "701; 702"],
        ["9102", "Ghost deal", "Contract Sent", "2024-03-14", "799"],
    ]

    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (1, 1)
    expansion = deal(db, "hubspot:9101")
    # Linked by record id: the first id is the primary contact and gives the account.
    assert roles_of(db, expansion) == sorted([ann.id, bo.id])
    assert (expansion.primary_contact_id, expansion.account_id) == (ann.id, acme.id)
    assert moves(db, ann)[-1][1:] == ("opportunity", at("2024-03-14 12:00"))
    assert cy.id not in roles_of(db, expansion)
    told = [p for p in result.problems if p.line == 3]
    assert any("no contact with record id 799 (Associated Contact IDs)" in p.reason for p in told)


def test_salesforce_opportunities_take_the_email_first_then_the_contact_id(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    by_email = make_contact(db, email="dee@northwind.example", external_id="003A")
    by_id = make_contact(db, email=None, external_id="003B")
    header = ["Opportunity ID", "Opportunity Name", "Account Name", "Contact Email", "Contact ID"]
    rows: list[list[Any]] = [
        # Both keys name the same person: the email finds them, nothing to report.
        ["006A", "Northwind annual", "Northwind", "dee@northwind.example", "003A"],
        # An email nobody has, an id someone has: linked by the id, nothing to report.
        ["006B", "Globex pilot", "Globex", "old@globex.example", "003B"],
        # Found by neither: linked to nobody, and the note names both columns.
        ["006C", "Initech renewal", "Initech", "x@initech.example", "003Z"],
    ]

    result = run(db, write_csv(tmp_path / "o.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (3, 0)
    assert roles_of(db, deal(db, "salesforce:006A")) == [by_email.id]
    assert roles_of(db, deal(db, "salesforce:006B")) == [by_id.id]
    assert roles_of(db, deal(db, "salesforce:006C")) == []
    assert [p.line for p in result.problems] == [4]
    reason = result.problems[0].reason
    assert "no contact with email x@initech.example (Contact Email)" in reason
    assert "no contact with record id 003Z (Contact ID)" in reason


def test_a_salesforce_reports_short_ids_find_the_exports_contacts_and_deals(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # A contact the weekly export created (18 characters); an opportunities report names it,
    # and its deals, by the 15 characters Salesforce's pages show.
    dee = make_contact(db, email=None, external_id="0035g00000CCC01AAH")
    header = ["Opportunity ID", "Opportunity Name", "Account Name", "Contact ID", "Amount"]
    report = [["0065g00000ZZZ09", "Northwind annual", "Northwind", "0035g00000CCC01", "1200"]]
    export = [["0065g00000ZZZ09AAH", "Northwind annual", "Northwind", "0035g00000CCC01AAH", "1500"]]

    first = run(db, write_csv(tmp_path / "r.csv", header, report), actor, tmp_path / "e1.csv")
    then = run(db, write_csv(tmp_path / "x.csv", header, export), actor, tmp_path / "e2.csv")

    assert (first.created, first.reported, then.created, then.updated) == (1, 0, 0, 1)
    northwind = deal(db, "salesforce:0065g00000ZZZ09AAH")
    assert (northwind.amount, roles_of(db, northwind)) == (1500.0, [dee.id])
    assert count(db, Opportunity) == 1


def test_record_ids_a_spreadsheet_rounded_fail_their_deal(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Record ID", "Deal Name", "Associated Company", "Associated Contact IDs"]
    rows = [["7.2E+10", "Annual", "Northwind", "1"], ["9", "Pilot", "Northwind", "5.1E+10"]]

    result = run(db, write_csv(tmp_path / "d.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (0, 2)
    assert [(p.line, p.column) for p in result.problems] == [
        (2, "Record ID"),
        (3, "Associated Contact IDs"),
    ]
    assert count(db, Opportunity) == 0


# --- a deals file Huddle does not know, mapped by hand ---------------------------------------

# A funnel export's closed deals: the lead's id, the seller signed, the won date; no deal
# name, amount, company or email.
CLOSED_DEALS_HEADER = ["mql_id", "seller_id", "won_date", "business_segment"]
CLOSED_DEALS_MAPPING = {"seller_id": "external_id", "mql_id": "contact_ids", "won_date": "won_date"}


def _funnel_leads(db: Session) -> tuple[Contact, Contact]:
    first = make_contact(db, email=None, external_id="mql-1", lifecycle_stage="mql")
    second = make_contact(db, email=None, external_id="mql-2", lifecycle_stage="mql")
    db.flush()
    return first, second


def test_a_deals_file_mapped_by_hand_wins_its_contacts_on_their_won_dates(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    first, second = _funnel_leads(db)
    path = write_csv(
        tmp_path / "closed_deals.csv",
        CLOSED_DEALS_HEADER,
        [
            ["mql-1", "seller-a", "2024-02-03 10:00:00", "home_decor"],
            ["mql-2", "seller-b", "2024-03-04", ""],
        ],
    )

    result = import_deals(
        lambda: same_session(db),
        path,
        filename=path.name,
        actor=actor,
        errors_path=tmp_path / "errors.csv",
        mapping=CLOSED_DEALS_MAPPING,
    )

    assert (result.source_format, result.created, result.failed) == ("csv", 2, 0)
    won = deal(db, "csv:seller-a")
    # No name column: named after its id; no company: the person's own account.
    assert (won.name, won.status, won.closed_at) == ("Deal seller-a", "won", at("2024-02-03 10:00"))
    # No created date: created when it closed, never after (not on the day of the import).
    assert won.created_at == won.closed_at
    assert db.get(Account, won.account_id) is not None
    for contact, when in ((first, at("2024-02-03 10:00")), (second, at("2024-03-04 12:00"))):
        db.refresh(contact)
        assert (contact.lifecycle_stage, contact.stage_entered_at) == ("customer", when)

    again = import_deals(
        lambda: same_session(db),
        path,
        filename=path.name,
        actor=actor,
        errors_path=tmp_path / "errors2.csv",
        mapping=CLOSED_DEALS_MAPPING,
    )
    assert (again.created, again.updated, count(db, Opportunity)) == (0, 0, 2)


def test_a_mapping_that_cannot_be_used_names_every_problem_and_imports_nothing(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "d.csv", CLOSED_DEALS_HEADER, [["mql-1", "s", "2024-02-03", ""]])

    with pytest.raises(ValidationFailed) as refused:
        import_deals(
            lambda: same_session(db),
            path,
            filename=path.name,
            actor=actor,
            mapping={"nope": "name", "mql_id": "deal_size", "won_date": "won_date"},
        )

    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("mapping.nope", "the file has no column 'nope'"),
        ("mapping.mql_id", refused.value.errors[1].message),
    ]
    assert refused.value.errors[1].message.startswith("unknown field 'deal_size'; one of ")
    with pytest.raises(ValidationFailed, match="no deal id"):
        import_deals(
            lambda: same_session(db),
            path,
            filename=path.name,
            actor=actor,
            mapping={"won_date": "won_date"},
        )
    assert count(db, Opportunity) == 0


def test_the_api_and_the_command_line_take_a_mapping(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    _funnel_leads(db)
    path = write_csv(tmp_path / "d.csv", CLOSED_DEALS_HEADER, [["mql-1", "s-1", "2024-02-03", ""]])
    mapping = json.dumps(CLOSED_DEALS_MAPPING)

    with path.open("rb") as handle:
        response = client.post(
            "/api/v1/deal-imports",
            files={"file": ("d.csv", handle, "text/csv")},
            data={"mapping": mapping},
        )
    assert response.status_code == 200, response.text
    assert (response.json()["source_format"], response.json()["created"]) == ("csv", 1)

    with path.open("rb") as handle:
        refused = client.post(
            "/api/v1/deal-imports",
            files={"file": ("d.csv", handle, "text/csv")},
            data={"mapping": "[1, 2]"},
        )
    assert refused.status_code == 422
    assert "csv header" in refused.text


def test_the_imports_page_shows_a_files_columns_to_map_and_imports_by_them(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    first, _ = _funnel_leads(db)
    path = write_csv(tmp_path / "d.csv", CLOSED_DEALS_HEADER, [["mql-1", "s-9", "2024-02-03", ""]])

    with path.open("rb") as handle:
        columns = client.post(
            "/imports/deals/columns", files={"file": ("d.csv", handle, "text/csv")}
        )
    assert columns.status_code == 200
    # One drop-down per column, with its first values; preset where a name is known.
    assert columns.text.count("<select") == 4
    assert 'name="map.0"' in columns.text and "mql-1" in columns.text
    assert columns.text.count(" selected>") == 1
    assert '<option value="won_date" selected>' in columns.text

    with path.open("rb") as handle:
        page = client.post(
            "/imports/deals",
            files={"file": ("d.csv", handle, "text/csv")},
            data={"map.0": "contact_ids", "map.1": "external_id", "map.2": "won_date", "map.3": ""},
        )
    assert page.status_code == 200, page.text
    assert deal(db, "csv:s-9").status == "won"
    db.refresh(first)
    assert first.lifecycle_stage == "customer"


def _preset(page: str) -> dict[str, str]:
    """The choices a browser sends for the page's drop-downs as they come preset."""
    choices = {}
    for block in page.split("<select")[1:]:
        name = re.search(r'name="(map\.\d+)"', block)
        chosen = re.search(r'<option value="([^"]*)" selected>', block.split("</select>")[0])
        assert name is not None
        choices[name.group(1)] = chosen.group(1) if chosen else ""
    return choices


@pytest.mark.parametrize(
    ("export", "deal_id"),
    [(HUBSPOT_DEALS, "hubspot:9001"), (SALESFORCE_OPPORTUNITIES, "salesforce:0065g00000AAA01AAH")],
)
def test_a_known_exports_columns_come_preset_and_go_in_as_they_are(
    client: TestClient, db: Session, export: Path, deal_id: str
) -> None:
    with export.open("rb") as handle:
        columns = client.post(
            "/imports/deals/columns", files={"file": (export.name, handle, "text/csv")}
        )
    assert columns.status_code == 200
    preset = _preset(columns.text)
    assert {"name", "external_id", "stage", "created_at", "close_date"} <= set(preset.values())

    with export.open("rb") as handle:
        page = client.post(
            "/imports/deals", files={"file": (export.name, handle, "text/csv")}, data=preset
        )

    assert page.status_code == 200, page.text
    assert deal(db, deal_id).created_at is not None


@pytest.mark.sqlite_only
def test_a_big_deals_import_notes_its_deals_for_attribution_as_triggers_would(
    every_insert_replays_triggers: Session, actor: Actor, tmp_path: Path
) -> None:
    # The deals' and the roles' insert triggers are set aside and run once a chunk.
    db = every_insert_replays_triggers
    acme = make_account(db, name="Acme")
    make_contact(db, email="ann@acme.example", lifecycle_stage="mql", account=acme)
    make_contact(db, email="bo@globex.example", lifecycle_stage="sql")
    db.execute(text("DELETE FROM attribution_stale"))

    result = run(db, HUBSPOT_DEALS, actor, tmp_path / "errors.csv")

    assert result.created
    noted = db.scalars(text("SELECT opportunity_id FROM attribution_stale ORDER BY 1"))
    deals = [d for (d,) in db.execute(select(Opportunity.id))]
    roles = [d for (d,) in db.execute(select(OpportunityContact.opportunity_id))]
    assert [d for d in noted if d is not None] == sorted(deals + roles)
