"""Importing activities (HubSpot and Salesforce activity exports) as touches with their own
timestamps, typed by the registered event types; unknown types and contacts reported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from huddle.auth.models import User
from huddle.cli import app
from huddle.contacts.models import Contact, Touch
from huddle.core.actor import Actor
from huddle.core.csvreport import FileImportResult
from huddle.core.errors import ValidationFailed
from huddle.tracking.importing import import_touches
from tests.contacts.factories import make_contact
from tests.contacts.fixtures.imports import read_csv, same_session, write_csv
from tests.contacts.test_cli import cli_db  # noqa: F401 - the command line's own database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HUBSPOT_ACTIVITIES = FIXTURES / "hubspot_activities.csv"
SALESFORCE_ACTIVITIES = FIXTURES / "salesforce_activities.csv"
runner = CliRunner()


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def run(db: Session, path: Path, actor: Actor, errors: Path) -> FileImportResult:
    return import_touches(
        lambda: same_session(db), path, filename=path.name, actor=actor, errors_path=errors
    )


def touches(db: Session, contact: Contact) -> list[tuple[str, datetime, str | None]]:
    rows = db.scalars(
        select(Touch).where(Touch.contact_id == contact.id).order_by(Touch.occurred_at)
    )
    return [(t.type, t.occurred_at, t.properties.get("subject")) for t in rows]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_hubspot_activities_become_touches_at_their_own_time(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example")
    bo = make_contact(db, email="bo@globex.example")

    result = run(db, HUBSPOT_ACTIVITIES, actor, tmp_path / "errors.csv")

    assert (result.rows, result.created, result.failed, result.exit_code) == (7, 4, 3, 1)
    assert touches(db, ann) == [
        ("sales_email_sent", at("2024-02-03 14:10"), "Following up on the demo"),
        ("meeting_held", at("2024-02-05 09:00"), "Scoping call"),
    ]
    assert touches(db, bo) == [
        ("call_logged", at("2024-02-06 16:45"), "Left a voicemail"),
        ("form_submitted", at("2024-02-07 08:00"), "Pricing page form"),
    ]
    # The contact's first and last touch are the file's, not the moment of the import.
    db.refresh(ann)
    assert (ann.first_touch_at, ann.last_touch_at) == (
        at("2024-02-03 14:10"),
        at("2024-02-05 09:00"),
    )
    report = {row["error_line"]: row for row in read_csv(tmp_path / "errors.csv")}
    assert sorted(report) == ["6", "7", "8"]
    assert report["6"]["error_column"] == "Activity type"
    assert "'Smoke signal' is not a registered event type" in report["6"]["error_reason"]
    assert "no contact with email zed@nowhere.example" in report["7"]["error_reason"]
    assert report["8"]["error_column"] == "Activity date"


def test_activities_dated_the_german_way_are_read_so(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example")
    source = write_csv(
        tmp_path / "aktivitaeten.csv",
        ["Activity ID", "Activity date", "Activity type", "Associated Contact", "Subject"],
        [
            ["61001", "03.02.2024 14:10", "EMAIL", "ann@acme.example", "Angebot"],
            ["61002", "05.02.2024", "MEETING", "ann@acme.example", "Termin"],
        ],
    )

    result = run(db, source, actor, tmp_path / "errors.csv")

    assert (result.created, result.failed, result.dates_read) == (
        2,
        0,
        {"Activity date": "DD.MM.YYYY"},
    )
    assert touches(db, ann) == [
        ("sales_email_sent", at("2024-02-03 14:10"), "Angebot"),
        ("meeting_held", at("2024-02-05 12:00"), "Termin"),
    ]


def test_a_salesforce_activities_export_and_a_registered_label(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example")
    bo = make_contact(db, email="bo@globex.example")

    result = run(db, SALESFORCE_ACTIVITIES, actor, tmp_path / "errors.csv")

    assert (result.created, result.failed) == (3, 0)
    assert [t[:2] for t in touches(db, ann)] == [
        ("email_opened", at("2024-03-04 08:15")),
        ("email_clicked", at("2024-03-04 08:16")),
    ]
    assert [t[:2] for t in touches(db, bo)] == [("webinar_attended", at("2024-03-10 12:00"))]


def test_importing_the_same_activities_again_stores_nothing_twice(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    make_contact(db, email="ann@acme.example")
    make_contact(db, email="bo@globex.example")
    header = ["Email", "Event type", "Timestamp"]
    # No activity id: the row's contact, type and time tell it apart.
    unkeyed = write_csv(tmp_path / "u.csv", header, [["ann@acme.example", "OPEN", "2024-05-01"]])
    run(db, HUBSPOT_ACTIVITIES, actor, tmp_path / "e1.csv")
    run(db, unkeyed, actor, tmp_path / "e2.csv")
    stored = db.scalar(select(func.count()).select_from(Touch))

    again = run(db, HUBSPOT_ACTIVITIES, actor, tmp_path / "e3.csv")
    unkeyed_again = run(db, unkeyed, actor, tmp_path / "e4.csv")

    assert (again.created, again.unchanged) == (0, 4)
    assert (unkeyed_again.created, unkeyed_again.unchanged) == (0, 1)
    assert db.scalar(select(func.count()).select_from(Touch)) == stored


def test_a_file_without_the_columns_an_activity_needs_is_refused(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "x.csv", ["Email", "Subject"], [["a@b.example", "Hi"]])

    with pytest.raises(ValidationFailed) as refused:
        run(db, path, actor, tmp_path / "e.csv")

    assert "Activity type" in refused.value.errors[0].message
    assert "Occurred at" in refused.value.errors[0].message


@pytest.mark.usefixtures("cli_db")
def test_the_command_line_exit_codes(tmp_path: Path) -> None:
    header = ["Email", "Activity type", "Activity date"]
    nobody = write_csv(tmp_path / "n.csv", header, [["x@nowhere.example", "CALL", "2024-01-02"]])

    refused = runner.invoke(app, ["import", "touches", str(nobody)])

    assert refused.exit_code == 2, refused.output
    assert "1 rows: 0 touches created, 0 updated, 0 unchanged, 1 failed." in refused.output


def test_the_api_imports_activities(client: TestClient, db: Session) -> None:
    make_contact(db, email="ann@acme.example")
    make_contact(db, email="bo@globex.example")
    db.commit()

    with HUBSPOT_ACTIVITIES.open("rb") as handle:
        response = client.post(
            "/api/v1/touch-imports", files={"file": ("activities.csv", handle, "text/csv")}
        )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["created"], body["failed"]) == (4, 3)
    assert sorted((p["line"], p["column"]) for p in body["problems"]) == [
        (6, "Activity type"),
        (7, "Associated Contact"),
        (8, "Activity date"),
    ]


def test_activities_keyed_by_contact_record_ids_need_no_email_column(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    # Contacts imported from HubSpot without email, keyed by their "Record ID".
    ann = make_contact(db, email=None, external_id="701")
    header = ["Activity ID", "Activity date", "Activity type", "Contact ID", "Subject"]
    rows = [
        ["61001", "2024-03-14 10:00", "CALL", "701", "Intro call"],
        ["61002", "2024-03-14 11:00", "MEETING", "799", "Nobody's meeting"],
    ]

    result = run(db, write_csv(tmp_path / "a.csv", header, rows), actor, tmp_path / "e.csv")
    again = run(db, write_csv(tmp_path / "a.csv", header, rows), actor, tmp_path / "e2.csv")

    assert (result.created, result.failed) == (1, 1)
    assert (again.created, again.unchanged) == (0, 1)
    assert touches(db, ann) == [("call_logged", at("2024-03-14 10:00"), "Intro call")]
    [problem] = result.problems
    assert (problem.line, problem.column) == (3, "Contact ID")
    assert "no contact with record id 799 (Contact ID)" in problem.reason


def test_salesforce_activities_take_the_email_first_then_the_who_id(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example", external_id="003A")
    bo = make_contact(db, email=None, external_id="00QB")
    header = ["Id", "Date", "Type", "Contact: Email", "WhoId"]
    rows = [
        ["00T1", "3/14/2024 8:15 AM", "Call", "ann@acme.example", "003A"],
        # An email no contact has, a lead id one has: the lead's touch.
        ["00T2", "3/14/2024 9:15 AM", "Call", "gone@globex.example", "00QB"],
        # An id alone, the email cell empty.
        ["00T3", "3/14/2024 10:15 AM", "Meeting", "", "00QB"],
        ["00T4", "3/14/2024 11:15 AM", "Call", "x@initech.example", "00QZ"],
    ]

    result = run(db, write_csv(tmp_path / "s.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (3, 1)
    assert [t[:2] for t in touches(db, ann)] == [("call_logged", at("2024-03-14 08:15"))]
    assert [t[:2] for t in touches(db, bo)] == [
        ("call_logged", at("2024-03-14 09:15")),
        ("meeting_held", at("2024-03-14 10:15")),
    ]
    [problem] = result.problems
    assert (problem.line, problem.column) == (5, "Contact: Email")
    assert "email x@initech.example (Contact: Email) or record id 00QZ (WhoId)" in (problem.reason)


def test_a_tasks_15_character_who_id_finds_the_lead_an_export_created(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    zoe = make_contact(db, email=None, external_id="00Q5g00000IaZx7EAF")
    header = ["Id", "Date", "Type", "WhoId"]
    rows = [["00T1", "3/14/2024 8:15 AM", "Call", "00Q5g00000IaZx7"]]

    result = run(db, write_csv(tmp_path / "t.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (1, 0)
    assert [t[:2] for t in touches(db, zoe)] == [("call_logged", at("2024-03-14 08:15"))]


def test_a_who_id_a_spreadsheet_rounded_fails_its_row(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    header = ["Id", "Date", "Type", "WhoId"]
    rows = [["00T1", "3/14/2024 8:15 AM", "Call", "5.12346E+10"]]

    result = run(db, write_csv(tmp_path / "t.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.failed) == (0, 1)
    [problem] = result.problems
    assert (problem.line, problem.column) == (2, "WhoId")
    assert "is a long number a spreadsheet rounded" in problem.reason


def test_a_salesforce_task_export_leaves_out_open_tasks_and_keeps_untyped_ones_as_tasks(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    zoe = make_contact(db, email=None, external_id="00Q5g00000IaZx7EAF")
    # The weekly export's Task file, as its header goes.
    header = ["Id", "WhoId", "Subject", "ActivityDate", "Status", "Type", "TaskSubtype", "IsClosed"]
    rows = [
        [
            "00T1",
            "00Q5g00000IaZx7EAF",
            "Intro call",
            "2024-03-14",
            "Completed",
            "Call",
            "Call",
            "true",
        ],
        [
            "00T2",
            "00Q5g00000IaZx7EAF",
            "Follow up",
            "2024-03-20",
            "Not Started",
            "Call",
            "Call",
            "false",
        ],
        [
            "00T3",
            "00Q5g00000IaZx7EAF",
            "Send deck",
            "2024-03-15",
            "Completed",
            "Other",
            "Task",
            "true",
        ],
        ["00T4", "00Q5g00000IaZx7EAF", "Check in", "2024-03-16", "Completed", "", "Task", "true"],
    ]

    result = run(db, write_csv(tmp_path / "Task.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.left_out, result.failed, result.exit_code) == (3, 1, 0, 0)
    assert [t[0] for t in touches(db, zoe)] == ["call_logged", "task_completed", "task_completed"]
    [left_out] = result.problems
    assert (left_out.line, left_out.column) == (3, "IsClosed")
    assert "an open task, not done yet: left out" in left_out.reason
    assert "1 left out" in result.summary("touches")


def test_a_task_whose_status_says_it_is_not_started_is_left_out(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email="ann@acme.example")
    header = ["Email", "Activity date", "Activity type", "Task Status"]
    rows = [
        ["ann@acme.example", "2024-03-14", "Call", "COMPLETED"],
        ["ann@acme.example", "2024-03-15", "Call", "NOT_STARTED"],
    ]

    result = run(db, write_csv(tmp_path / "tasks.csv", header, rows), actor, tmp_path / "e.csv")

    assert (result.created, result.left_out) == (1, 1)
    assert "'NOT_STARTED': an open task" in result.problems[0].reason
    assert len(touches(db, ann)) == 1


def test_a_hubspot_record_id_names_the_contact_in_a_file_with_no_other_contact_column(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email=None, external_id="701")
    header = ["Record ID", "Activity date", "Activity type"]
    rows = [["701", "2024-03-14 10:00", "CALL"], ["701", "2024-03-15 10:00", "CALL"]]

    result = run(db, write_csv(tmp_path / "r.csv", header, rows), actor, tmp_path / "e.csv")

    # Not the activity's id: two activities of one contact are two touches.
    assert (result.created, result.failed) == (2, 0)
    assert [t[:2] for t in touches(db, ann)] == [
        ("call_logged", at("2024-03-14 10:00")),
        ("call_logged", at("2024-03-15 10:00")),
    ]


def test_a_file_naming_contacts_neither_way_is_refused(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "x.csv", ["Activity type", "Date"], [["CALL", "2024-03-14"]])

    with pytest.raises(ValidationFailed) as refused:
        run(db, path, actor, tmp_path / "e.csv")

    assert "Email or Contact ID" in refused.value.errors[0].message


def test_an_activities_file_huddle_does_not_know_is_read_by_its_mapping(
    db: Session, actor: Actor, tmp_path: Path
) -> None:
    ann = make_contact(db, email=None, external_id="lead-7")
    db.flush()
    path = write_csv(
        tmp_path / "webinar.csv",
        ["attendee", "what", "when", "session"],
        [["lead-7", "meeting", "2024-05-06 15:00", "Pricing webinar"]],
    )
    with pytest.raises(ValidationFailed, match="not an activities export"):
        run(db, path, actor, tmp_path / "e0.csv")

    result = import_touches(
        lambda: same_session(db),
        path,
        filename=path.name,
        actor=actor,
        errors_path=tmp_path / "e.csv",
        mapping={
            "attendee": "contact_id",
            "what": "type",
            "when": "occurred_at",
            "session": "subject",
        },
    )

    assert (result.created, result.failed) == (1, 0)
    assert touches(db, ann) == [("meeting_held", at("2024-05-06 15:00"), "Pricing webinar")]


@pytest.mark.usefixtures("cli_db")
def test_the_command_line_takes_a_mapping_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["who", "kind"], [["x@nowhere.example", "CALL"]])
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"who": "email", "kind": "type"}')

    refused = runner.invoke(app, ["import", "touches", str(path), "--mapping", str(mapping)])

    # The mapping is read; the file still needs a date column, and says so.
    assert refused.exit_code == 2, refused.output
    assert "no Occurred at column" in refused.output
