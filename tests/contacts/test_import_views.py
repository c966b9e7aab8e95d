"""The import page: upload, a job page that polls while running, counts, the errors file."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts.importing import runner
from huddle.contacts.importing.schemas import source_label
from huddle.contacts.models import ImportJob
from huddle.core import deferred_indexes
from huddle.lifecycle.models import ENTRY_DATE_INDEXES
from tests.contacts.fixtures.imports import HUBSPOT, run_queued_imports, write_csv

XSS = "<script>alert(1)</script>"


def _upload(client: TestClient, path: Path, name: str | None = None):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return client.post(
            "/imports",
            files={"file": (name or path.name, handle, "text/csv")},
            follow_redirects=False,
        )


def test_anonymous_visitors_are_sent_to_sign_in(anon_client: TestClient) -> None:
    response = anon_client.get("/imports", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/imports"


def test_empty_page_offers_the_upload(client: TestClient) -> None:
    html = client.get("/imports").text
    assert 'enctype="multipart/form-data"' in html and "No imports yet" in html


def test_upload_queues_then_the_job_page_polls_until_done(client: TestClient, db: Session) -> None:
    response = _upload(client, HUBSPOT)
    assert response.status_code == 303
    job_url = response.headers["location"]
    queued = client.get(job_url).text
    assert "Waiting for the worker" in queued
    assert f'hx-get="{job_url}" hx-trigger="every 1s"' in queued
    assert "HubSpot contacts export" in queued and "is queued for import" in queued

    run_queued_imports(db)

    done = client.get(job_url).text
    assert "Finished" in done and "every 1s" not in done
    assert "Every row was imported" in done
    assert "<dd>13</dd>" in done  # created
    listing = client.get("/imports").text
    assert f'href="{job_url}"' in listing and "hubspot_contacts.csv" in listing


def test_failed_rows_link_to_the_errors_file(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        ["Email", "First Name", "Last Name", "Lifecycle Stage"],
        [["ok@example.org", "Ok", "Row", "lead"], ["not-an-email", "Bad", "Row", "lead"]],
    )
    job_url = _upload(client, path).headers["location"]
    run_queued_imports(db)
    html = client.get(job_url).text
    job_id = job_url.rsplit("/", 1)[1]
    assert "1 row could not be imported" in html
    assert f'href="/api/v1/imports/{job_id}/errors.csv"' in html
    assert client.get(f"/api/v1/imports/{job_id}/errors.csv").status_code == 200


def test_a_file_that_is_not_a_known_format_is_refused_inline(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "odd.csv", ["Foo", "Bar"], [["1", "2"]])
    response = _upload(client, path)
    assert response.status_code == 422
    assert "odd.csv cannot be imported" in response.text
    assert "No imports yet" in response.text


def test_no_file_chosen(client: TestClient) -> None:
    response = client.post("/imports", files={"file": ("", b"", "text/csv")})
    assert response.status_code == 422
    assert "Choose a CSV file" in response.text


def test_file_names_are_escaped(client: TestClient, db: Session) -> None:
    job_url = _upload(client, HUBSPOT, name=f"{XSS}.csv").headers["location"]
    for path in (job_url, "/imports"):
        html = client.get(path).text
        assert XSS not in html and "&lt;script&gt;" in html


def test_the_page_says_what_encoding_the_file_is_read_in(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("email,first_name\r\nrene@acme.fr,René\r\n".encode("cp1252"))
    job_url = _upload(client, path).headers["location"]
    assert "read as Windows-1252" in client.get(job_url).text  # before it runs
    run_queued_imports(db)
    assert "read as Windows-1252" in client.get(job_url).text
    assert "Windows-1252" in client.get("/imports").text


def test_the_page_warns_up_front_of_lines_that_are_not_utf8(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "email,first_name\r\nzoe@acme.es,Zoë\r\n".encode()
        + "rene@acme.fr,René\r\n".encode("cp1252")
    )
    html = client.get(_upload(client, path).headers["location"]).text
    assert "read as UTF-8" in html
    assert "1 line is not UTF-8, the encoding the rest of the file is in" in html


@pytest.mark.sqlite_only
def test_a_big_imports_page_says_its_indexes_come_at_its_end(
    client: TestClient, db: Session
) -> None:
    job_url = _upload(client, HUBSPOT).headers["location"]
    job = db.get(ImportJob, int(job_url.rsplit("/", 1)[1]))
    assert job is not None
    job.status, job.runner = "running", runner.this_process()
    deferred_indexes.defer(db, ENTRY_DATE_INDEXES, holder=f"import {job.id}")
    db.flush()

    with runner.running(job.id):  # run by this process
        running = client.get(job_url).text
        deferred_indexes.rebuild(db)
        built = client.get(job_url).text

    assert "A big import: 1 index is built once, after the last row" in running
    assert "Importing…" in built and "after the last row" not in built


def test_an_import_says_which_export_its_columns_mapped_by_hand_are() -> None:
    hubspot = {"Record ID": "external_id", "First Name": "first_name", "Last Name": "last_name"}

    assert source_label("manual", hubspot) == "HubSpot contacts export, columns mapped by hand"
    assert source_label("manual", {"Mail": "email"}) == "Columns mapped by hand"
    assert source_label("hubspot", None) == "HubSpot contacts export"
