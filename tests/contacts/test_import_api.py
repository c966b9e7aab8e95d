"""The import API: upload, background run, status and counts, the error report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, ImportJob
from huddle.core.jobs import Job
from tests.contacts.fixtures.imports import HUBSPOT, run_queued_imports, write_csv


def _upload(client: TestClient, path: Path, **form: str) -> dict:  # type: ignore[type-arg]
    with path.open("rb") as handle:
        response = client.post(
            "/api/v1/imports", files={"file": (path.name, handle, "text/csv")}, data=form
        )
    assert response.status_code == 202, response.text
    return response.json()


def test_an_upload_is_queued_with_its_detected_format_and_imported_by_the_worker(
    client: TestClient, db: Session
) -> None:
    queued = _upload(client, HUBSPOT)
    assert queued["status"] == "queued"
    assert (queued["source_format"], queued["source_format_label"]) == (
        "hubspot",
        "HubSpot contacts export",
    )
    assert queued["mapping"]["Lifecycle Stage"] == "lifecycle_stage"
    assert (
        db.scalar(select(func.count()).select_from(Job).where(Job.kind == "contacts.import")) == 1
    )

    run_queued_imports(db)

    done = client.get(f"/api/v1/imports/{queued['id']}").json()
    assert done["status"] == "done"
    assert (done["rows_total"], done["rows_created"], done["rows_updated"]) == (15, 13, 2)
    assert (done["rows_unchanged"], done["rows_failed"], done["has_errors"]) == (0, 0, False)
    assert db.scalar(select(func.count()).select_from(Contact)) == 13
    assert client.get(f"/api/v1/imports/{queued['id']}/errors.csv").status_code == 404
    assert [job["id"] for job in client.get("/api/v1/imports").json()] == [queued["id"]]


def test_the_uploaded_file_is_kept_under_the_data_directory(
    client: TestClient, db: Session, settings
) -> None:  # type: ignore[no-untyped-def]
    queued = _upload(client, HUBSPOT)
    stored = settings.data_dir / "imports" / f"{queued['id']}.csv"
    assert stored.read_bytes() == HUBSPOT.read_bytes()
    assert [p.name for p in (settings.data_dir / "imports").iterdir()] == [stored.name]


def test_failed_rows_download_as_csv_with_line_column_and_reason(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        ["email", "first_name", "lifecycle_stage"],
        [
            ["ok@acme.com", "Ok", "lead"],
            ["not-an-email", "Bad", "lead"],
            ["x@acme.com", "X", "guru"],
        ],
    )
    queued = _upload(client, path)
    run_queued_imports(db)
    job = client.get(f"/api/v1/imports/{queued['id']}").json()
    assert (job["rows_created"], job["rows_failed"], job["has_errors"]) == (1, 2, True)

    response = client.get(f"/api/v1/imports/{queued['id']}/errors.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["error_line"], r["error_column"], r["email"]) for r in rows] == [
        ("3", "email", "not-an-email"),
        ("4", "lifecycle_stage", "x@acme.com"),
    ]
    assert rows[0]["error_reason"] == "'not-an-email' is not an email address"
    assert rows[1]["error_reason"].startswith("unknown lifecycle stage 'guru'")


def test_a_manual_mapping_is_sent_as_json(client: TestClient, db: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", ["E-mail", "Vorname"], [["anna@beispiel.de", "Anna"]])
    queued = _upload(client, path, mapping=json.dumps({"E-mail": "email", "Vorname": "first_name"}))
    assert queued["source_format"] == "manual"
    run_queued_imports(db)
    contact = db.scalars(select(Contact).where(Contact.email == "anna@beispiel.de")).one()
    assert contact.first_name == "Anna"


def test_a_bad_mapping_is_refused_before_anything_is_recorded_or_stored(
    client: TestClient, db: Session, tmp_path: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "list.csv", ["E-mail", "Job"], [["anna@beispiel.de", "CTO"]])
    with path.open("rb") as handle:
        response = client.post(
            "/api/v1/imports",
            files={"file": ("list.csv", handle, "text/csv")},
            data={"mapping": json.dumps({"E-mail": "email", "Job": "jobtitle"})},
        )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [item["loc"] for item in detail] == [["body", "mapping", "Job"]]
    assert "unknown field 'jobtitle'" in detail[0]["msg"]
    assert db.scalar(select(func.count()).select_from(ImportJob)) == 0
    assert list((settings.data_dir / "imports").iterdir()) == []


def test_a_file_of_unknown_format_without_mapping_is_refused(
    client: TestClient, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "list.csv", ["E-mail", "Name"], [["anna@beispiel.de", "Anna"]])
    with path.open("rb") as handle:
        response = client.post("/api/v1/imports", files={"file": ("list.csv", handle, "text/csv")})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "mapping"]


def test_imports_need_a_signed_in_user(anon_client: TestClient) -> None:
    with HUBSPOT.open("rb") as handle:
        response = anon_client.post(
            "/api/v1/imports", files={"file": ("h.csv", handle, "text/csv")}
        )
    assert response.status_code == 401
    assert anon_client.get("/api/v1/imports/1").status_code == 401
    assert anon_client.get("/api/v1/contacts/export.csv").status_code == 401


def test_an_unknown_import_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/imports/999999").status_code == 404
    assert client.get("/api/v1/imports/999999/errors.csv").status_code == 404


def test_the_encoding_a_file_is_read_in_is_given(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("email,first_name\r\nrene@acme.fr,René\r\n".encode("cp1252"))
    queued = _upload(client, path)
    assert (queued["encoding"], queued["encoding_label"], queued["invalid_lines"]) == (
        "cp1252",
        "Windows-1252",
        0,
    )
    run_queued_imports(db)
    done = client.get(f"/api/v1/imports/{queued['id']}").json()
    assert (done["status"], done["encoding_label"], done["rows_created"]) == (
        "done",
        "Windows-1252",
        1,
    )
    assert db.scalars(select(Contact.first_name)).one() == "René"
