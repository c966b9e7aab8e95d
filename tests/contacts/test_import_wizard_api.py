"""The import wizard's API: upload a file to preview it, check it in a dry run that writes
nothing, import it with a mapping (a new custom field included), and saved mappings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact, make_custom_field
from tests.contacts.fixtures.imports import run_queued_imports, write_csv
from tests.contacts.fixtures.wizard import EXISTING_EMAIL, SUGGESTED, messy_leads


def _preview(client: TestClient, path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        response = client.post(
            "/api/v1/imports/preview", files={"file": (path.name, handle, "text/csv")}
        )
    assert response.status_code == 201, response.text
    return response.json()


def _contacts(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Contact)) or 0


def _mapping(**changes: str | None) -> dict[str, str | None]:
    return SUGGESTED | changes


def test_the_preview_shows_rows_suggestions_counts_and_types(
    client: TestClient, tmp_path: Path
) -> None:
    preview = _preview(client, messy_leads(tmp_path / "leads.csv"))
    assert preview["filename"] == "leads.csv" and preview["rows"] == 10
    assert len(preview["token"]) >= 40
    assert preview["sample_rows"][0][:2] == ["ana@harbor-logistics.test", "Ana"]
    assert preview["suggested_mapping"] == SUGGESTED
    assert preview["detected_format"] is None
    columns = {c["header"]: c for c in preview["columns"]}
    assert columns["Email Address"]["suggested_by"] == "name"
    assert (columns["Job Title"]["placeholder_cells"], columns["Job Title"]["empty_cells"]) == (
        3,
        0,
    )
    assert (columns["Budget (USD)"]["inferred_type"], columns["Budget (USD)"]["empty_cells"]) == (
        "number",
        1,
    )
    assert columns["Lead Source"]["inferred_type"] == "choice"
    assert columns["Lead Source"]["inferred_choices"] == ["Webinar", "Referral", "Trade show"]
    assert {"value": "email", "label": TARGET_EMAIL, "custom": False} in preview["targets"]


TARGET_EMAIL = "Email address (the dedupe key; a row without one needs an external id)"


def test_a_known_export_gets_its_own_columns_suggested(client: TestClient, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "hs.csv",
        ["Email", "First Name", "Last Name", "Lifecycle Stage", "Favourite colour"],
        [["a@b.test", "A", "B", "lead", "blue"]],
    )
    preview = _preview(client, path)
    assert preview["detected_format"] == "hubspot"
    assert preview["suggested_mapping"]["Lifecycle Stage"] == "lifecycle_stage"
    assert preview["suggested_mapping"]["Favourite colour"] is None
    by = {c["header"]: c["suggested_by"] for c in preview["columns"]}
    assert by["Email"] == "hubspot"
    # Imported as suggested, the import says what the file is, not "manual".
    started = client.post(
        "/api/v1/imports/start",
        json={"token": preview["token"], "mapping": preview["suggested_mapping"]},
    )
    assert started.status_code == 202, started.text
    assert started.json()["source_format_label"] == "HubSpot contacts export"


def test_the_dry_run_counts_what_would_happen_and_writes_nothing(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    make_contact(db, email=EXISTING_EMAIL, job_title="Intern")
    make_custom_field(db, key="budget", label="Budget", field_type="number")
    before = _contacts(db)
    token = _preview(client, messy_leads(tmp_path / "leads.csv"))["token"]

    response = client.post(
        "/api/v1/imports/dry-run",
        json={"token": token, "mapping": _mapping(**{"Budget (USD)": "custom.budget"})},
    )

    assert response.status_code == 200, response.text
    result = response.json()
    counts = [result[k] for k in ("rows_total", "would_create", "would_update", "unchanged")]
    assert counts == [10, 5, 1, 1]
    assert result["refused"] == 3
    top = result["reasons"][0]
    assert (top["column"], top["rows"], top["sample_lines"]) == ("Lead status", 2, [7, 9])
    assert top["reason"].startswith("unknown lifecycle stage 'Guru'")
    assert result["reasons"][1]["column"] == "Email Address"
    assert result["reasons"][1]["sample_lines"] == [6]
    assert result["mapping"]["Budget (USD)"] == "custom.budget"
    assert "Lead Source" not in result["mapping"]
    assert _contacts(db) == before


def test_a_mapping_that_does_not_fit_is_refused_naming_the_column(
    client: TestClient, tmp_path: Path
) -> None:
    token = _preview(client, messy_leads(tmp_path / "leads.csv"))["token"]
    response = client.post(
        "/api/v1/imports/dry-run",
        json={"token": token, "mapping": _mapping(**{"Budget (USD)": "custom.nope"})},
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "mapping", "Budget (USD)"]
    assert "define it first" in problem["msg"]


def test_an_upload_is_its_uploaders_alone(
    client: TestClient, app: Any, db: Session, tmp_path: Path
) -> None:
    token = _preview(client, messy_leads(tmp_path / "leads.csv"))["token"]
    with TestClient(app, base_url="http://testserver") as other:
        sign_in(other, make_user(db, role="marketing", team="marketing"))
        response = other.post("/api/v1/imports/dry-run", json={"token": token, "mapping": {}})
    assert response.status_code == 404
    guessed = client.post("/api/v1/imports/dry-run", json={"token": "x" * 43, "mapping": {}})
    assert guessed.status_code == 404


def test_a_file_without_a_header_is_refused(client: TestClient, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with empty.open("rb") as handle:
        response = client.post(
            "/api/v1/imports/preview", files={"file": ("empty.csv", handle, "text/csv")}
        )
    assert response.status_code == 422 and "no header row" in response.text


def test_import_from_the_preview_with_a_new_field_and_save_the_mapping(
    client: TestClient, db: Session, tmp_path: Path, settings: Any
) -> None:
    token = _preview(client, messy_leads(tmp_path / "leads.csv"))["token"]
    field = client.post(
        "/api/v1/custom-fields",
        json={"entity": "contact", "key": "budget", "label": "Budget", "field_type": "number"},
    )
    assert field.status_code == 201, field.text
    mapping = _mapping(**{"Budget (USD)": "custom.budget"})

    response = client.post(
        "/api/v1/imports/start", json={"token": token, "mapping": mapping, "save_as": "Fair leads"}
    )

    assert response.status_code == 202, response.text
    run_queued_imports(db)
    job = client.get(f"/api/v1/imports/{response.json()['id']}").json()
    assert (job["rows_created"], job["rows_failed"], job["source_format"]) == (6, 3, "manual")
    dev = db.scalars(select(Contact).where(Contact.email == "dev@quarry-labs.test")).one()
    assert dev.custom == {"budget": 30000}
    again = client.post("/api/v1/imports/dry-run", json={"token": token, "mapping": mapping})
    assert again.status_code == 404
    assert list((settings.data_dir / "imports" / "staged").iterdir()) == []
    saved = client.get("/api/v1/import-mappings").json()
    assert [(m["name"], m["mapping"]) for m in saved] == [("Fair leads", mapping)]
    # The next file of the same shape is offered the saved mapping.
    offered = _preview(client, messy_leads(tmp_path / "next.csv"))["saved_mappings"]
    assert [m["name"] for m in offered] == ["Fair leads"]


def test_saved_mappings_are_created_renamed_checked_and_deleted(client: TestClient) -> None:
    mapping = {"Work email": "email", "Notes": None}
    created = client.post("/api/v1/import-mappings", json={"name": "Partner", "mapping": mapping})
    assert created.status_code == 201, created.text
    mapping_id = created.json()["id"]
    twice = client.post("/api/v1/import-mappings", json={"name": "Partner", "mapping": mapping})
    assert twice.status_code == 409
    bad = client.post(
        "/api/v1/import-mappings", json={"name": "Bad", "mapping": {"Work email": "shoe_size"}}
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "mapping", "Work email"]
    renamed = client.patch(f"/api/v1/import-mappings/{mapping_id}", json={"name": "Partner v2"})
    assert renamed.json()["name"] == "Partner v2"
    assert client.get(f"/api/v1/import-mappings/{mapping_id}").json()["mapping"] == mapping
    assert client.delete(f"/api/v1/import-mappings/{mapping_id}").status_code == 204
    assert client.get(f"/api/v1/import-mappings/{mapping_id}").status_code == 404


def test_the_dry_run_reads_a_day_first_history_as_the_import_will_and_says_how(
    client: TestClient, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "uk.csv",
        ["Email", "Created", "MQL since"],
        [
            ["ann@uk.test", "03/04/2024", "05/04/2024"],
            ["bo@uk.test", "25/03/2024 16:30", ""],
            ["cy@uk.test", "01/02/2024", "soon"],
        ],
    )
    token = _preview(client, path)["token"]
    mapping = {"Email": "email", "Created": "created_at", "MQL since": "stage_dates.mql"}

    result = client.post("/api/v1/imports/dry-run", json={"token": token, "mapping": mapping})

    assert result.status_code == 200, result.text
    body = result.json()
    assert (body["would_create"], body["refused"]) == (2, 1)
    [refusal] = body["reasons"]
    assert (refusal["column"], refusal["sample_lines"]) == ("MQL since", [4])
    assert "'soon' is not a date in the column's format (DD/MM/YYYY)" in refusal["reason"]
    # "MQL since" alone cannot tell: it reads as the file's other date column does.
    assert body["dates_read"] == {"Created": "DD/MM/YYYY", "MQL since": "DD/MM/YYYY"}


def test_the_dry_run_counts_rows_without_email_by_their_external_id(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A HubSpot export where some contacts have no email: known by their Record ID, in
    # chunks of two rows (Ava's second row is in the second chunk).
    monkeypatch.setattr("huddle.contacts.importing.wizard.CHUNK_SIZE", 2)
    path = write_csv(
        tmp_path / "hubspot.csv",
        ["Record ID", "First Name", "Email", "Lifecycle Stage"],
        [
            ["101", "Mason", "mason@northstar.test", "lead"],
            ["102", "Ava", "", "lead"],
            ["103", "Noah", "", "subscriber"],
            ["102", "Ava", "", "lead"],
        ],
    )
    preview = _preview(client, path)

    result = client.post(
        "/api/v1/imports/dry-run",
        json={"token": preview["token"], "mapping": preview["suggested_mapping"]},
    )

    assert result.status_code == 200, result.text
    body = result.json()
    assert (body["would_create"], body["would_update"], body["refused"]) == (3, 1, 0)


def test_an_owner_nobody_in_huddle_is_goes_in_unassigned_and_is_listed_to_check(
    client: TestClient, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "owners.csv",
        ["Email", "Contact owner"],
        [["ann@acme.test", "Jordan Lee"], ["bo@acme.test", ""], ["cy@acme.test", "Jordan Lee"]],
    )
    token = _preview(client, path)["token"]
    mapping = {"Email": "email", "Contact owner": "owner"}

    result = client.post("/api/v1/imports/dry-run", json={"token": token, "mapping": mapping})

    assert result.status_code == 200, result.text
    body = result.json()
    assert (body["would_create"], body["refused"], body["to_check"]) == (3, 0, 2)
    [note] = body["to_check_reasons"]
    assert (note["column"], note["rows"], note["sample_lines"]) == ("Contact owner", 2, [2, 4])
    assert note["reason"] == (
        "no user with the email address or name 'Jordan Lee'; imported without this owner"
    )


def test_a_person_settles_dates_no_value_of_which_tells_the_day_from_the_month(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "early-month.csv",
        ["Email", "Created"],
        [["ann@uk.test", "03/04/2024"], ["bo@uk.test", "01/02/2024"]],
    )
    token = _preview(client, path)["token"]
    mapping = {"Email": "email", "Created": "created_at"}

    asked = client.post("/api/v1/imports/dry-run", json={"token": token, "mapping": mapping})
    answered = client.post(
        "/api/v1/imports/dry-run", json={"token": token, "mapping": mapping, "day_first": True}
    )
    started = client.post(
        "/api/v1/imports/start", json={"token": token, "mapping": mapping, "day_first": True}
    )

    assert asked.json()["dates_ambiguous"] is True
    assert asked.json()["dates_read"] == {
        "Created": "MM/DD/YYYY (no value tells the day from the month)"
    }
    assert (answered.json()["dates_ambiguous"], answered.json()["dates_read"]) == (
        False,
        {"Created": "DD/MM/YYYY"},
    )
    assert started.status_code == 202, started.text
    assert started.json()["date_formats"] == {"Created": "%d/%m/%Y"}
    run_queued_imports(db)
    ann = db.scalars(select(Contact).where(Contact.email == "ann@uk.test")).one()
    assert (ann.created_at.month, ann.created_at.day) == (4, 3)
