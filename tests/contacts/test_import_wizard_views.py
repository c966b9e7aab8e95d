"""The import wizard's pages: upload, map (a new custom field inline), check, import."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, CustomFieldDefinition
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_contact
from tests.contacts.fixtures.imports import run_queued_imports, write_csv
from tests.contacts.fixtures.wizard import EXISTING_EMAIL, MESSY_HEADER, messy_leads


def _upload(client: TestClient, path: Path) -> str:
    with path.open("rb") as handle:
        response = client.post(
            "/imports/wizard",
            files={"file": (path.name, handle, "text/csv")},
            follow_redirects=False,
        )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _form(**changes: str) -> dict[str, str]:
    """The mapping form as the page fills it for the messy file, with ``changes``."""
    suggested = [
        "email",
        "first_name",
        "last_name",
        "company",
        "job_title",
        "",
        "",
        "lifecycle_stage",
    ]
    form = {f"map-{i}": target for i, target in enumerate(suggested)}
    return form | changes


def test_the_upload_goes_to_the_mapping_page_with_suggestions(
    client: TestClient, tmp_path: Path
) -> None:
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    assert re.fullmatch(r"/imports/wizard/[A-Za-z0-9_-]{40,}", url)
    html = client.get(url).text
    assert "Map the columns" in html and "10 rows" in html
    assert '<option value="email" selected>' in html
    assert "6 of 8 columns mapped" in html
    assert "3 placeholders" in html  # Job Title: N/A, -, Select
    assert 'aria-current="step"' in html
    assert "New custom field…" in html
    # The new field's type is guessed from the column's values.
    assert '<option value="number" selected>Number</option>' in html


def test_map_to_a_new_field_check_and_import(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    make_contact(db, email=EXISTING_EMAIL, job_title="Intern")
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    form = _form(**{"map-5": "__new__", "new-label-5": "Budget (USD)", "new-type-5": "number"})

    response = client.post(f"{url}/mapping", data=form, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"] == f"{url}/check"
    field = db.scalars(
        select(CustomFieldDefinition).where(CustomFieldDefinition.key == "budget_usd")
    ).one()
    assert (field.label, field.field_type) == ("Budget (USD)", "number")
    before = db.scalar(select(func.count()).select_from(Contact))
    check = client.get(f"{url}/check").text
    assert "<dt>New contacts</dt><dd>5</dd>" in check and "<dt>Refused</dt><dd>3</dd>" in check
    assert "unknown lifecycle stage &#39;Guru&#39;" in check and "7, 9" in check
    assert "Import 7 rows" in check
    assert db.scalar(select(func.count()).select_from(Contact)) == before

    done = client.post(f"{url}/import", data={"save_as": "Fair leads"}, follow_redirects=False)

    assert done.status_code == 303 and re.fullmatch(r"/imports/\d+", done.headers["location"])
    run_queued_imports(db)
    dev = db.scalars(select(Contact).where(Contact.email == "dev@quarry-labs.test")).one()
    assert dev.custom == {"budget_usd": 30000}
    assert client.get(url).status_code == 404
    # The next file of the same shape offers the saved mapping, and it fills the form.
    again = _upload(client, messy_leads(tmp_path / "next.csv"))
    page = client.get(again).text
    assert "Fair leads" in page
    saved_id = re.search(r"\?saved=(\d+)", page)
    assert saved_id
    used = client.get(f"{again}?saved={saved_id.group(1)}").text
    assert '<option value="custom.budget_usd" selected>' in used


def test_a_mapping_without_email_is_refused_on_the_page(client: TestClient, tmp_path: Path) -> None:
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    response = client.post(f"{url}/mapping", data=_form(**{"map-0": ""}))
    assert response.status_code == 422
    assert "No column is mapped to &#39;email&#39;" in response.text
    assert 'aria-live="assertive"' in response.text
    # What was chosen stays chosen.
    assert '<option value="first_name" selected>' in response.text


def test_a_bad_new_field_is_named_under_its_column(client: TestClient, tmp_path: Path) -> None:
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    form = _form(**{"map-6": "__new__", "new-label-6": "Source", "new-type-6": "choice"})
    form["new-choices-6"] = ""
    response = client.post(f"{url}/mapping", data=form)
    assert response.status_code == 422
    assert "needs at least one choice" in response.text
    assert 'class="field-error"' in response.text


def test_someone_elses_upload_is_not_found(
    client: TestClient,
    app,
    db: Session,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    with TestClient(app, base_url="http://testserver") as other:
        sign_in(other, make_user(db, role="marketing", team="marketing"))
        assert other.get(url).status_code == 404
        assert other.post(f"{url}/import", data={}).status_code == 404


def test_marketing_imports_but_cannot_define_fields(
    anon_client: TestClient, db: Session, tmp_path: Path
) -> None:
    sign_in(anon_client, make_user(db, role="marketing", team="marketing"))
    url = _upload(anon_client, messy_leads(tmp_path / "leads.csv"))
    assert "New custom field…" not in anon_client.get(url).text
    response = anon_client.post(f"{url}/mapping", data=_form(**{"map-5": "__new__"}))
    assert response.status_code == 422


def test_a_file_that_is_not_csv_is_refused_on_the_upload_page(
    client: TestClient, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with path.open("rb") as handle:
        response = client.post("/imports/wizard", files={"file": ("empty.csv", handle, "text/csv")})
    assert response.status_code == 422 and "empty.csv cannot be imported" in response.text
    assert MESSY_HEADER  # the fixture's header is what the other tests map


def test_a_header_is_shown_escaped(client: TestClient, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "x.csv", ["email", "<script>alert(1)</script>"], [["a@b.test", "x"]]
    )
    html = client.get(_upload(client, path)).text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_name_that_cannot_be_saved_keeps_the_upload_for_another_try(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    url = _upload(client, messy_leads(tmp_path / "leads.csv"))
    client.post(f"{url}/mapping", data=_form(), follow_redirects=False)
    refused = client.post(f"{url}/import", data={"save_as": "x" * 121}, follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"] == f"{url}/check"
    assert "a name of 1 to 120 characters" in client.get(f"{url}/check").text
    done = client.post(f"{url}/import", data={"save_as": ""}, follow_redirects=False)
    assert re.fullmatch(r"/imports/\d+", done.headers["location"])


def test_the_check_page_asks_day_or_month_first_and_the_import_keeps_the_answer(
    client: TestClient, db: Session, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "early-month.csv",
        ["Email", "Create Date", "First Name", "Last Name"],
        [["ann@uk.test", "03/04/2024", "Ann", "Lee"], ["bo@uk.test", "01/02/2024", "Bo", "Ng"]],
    )
    url = _upload(client, path)
    form = {"map-0": "email", "map-1": "created_at", "map-2": "first_name", "map-3": "last_name"}
    assert client.post(f"{url}/mapping", data=form, follow_redirects=False).status_code == 303

    asked = client.get(f"{url}/check").text
    answered = client.get(f"{url}/check?dates=day_first").text

    assert "MM/DD/YYYY (no value tells the day from the month)" in asked
    assert 'name="dates"' in asked and "day first: 3 April" in asked
    assert "<strong>DD/MM/YYYY</strong>" in answered
    assert '<input type="hidden" name="dates" value="day_first">' in answered
    done = client.post(f"{url}/import", data={"dates": "day_first"}, follow_redirects=False)
    assert done.status_code == 303
    run_queued_imports(db)
    ann = db.scalars(select(Contact).where(Contact.email == "ann@uk.test")).one()
    assert (ann.created_at.month, ann.created_at.day) == (4, 3)
