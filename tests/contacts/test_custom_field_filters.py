"""The contact list filtered on your own fields: ``where=<field>:<op>[:<value>]`` in the API,
the export and saved views, one custom-field condition in the page's filter form (with its
values as a column); the operators and values a field's type allows, else a 422."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from huddle.contacts import service
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactFilters
from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from tests.contacts.factories import make_account, make_contact, make_custom_field
from tests.web.forms import submitted


@pytest.fixture
def people(db: Session) -> dict[str, Contact]:
    make_custom_field(db, key="tier", label="Tier", field_type="choice", choices=["gold", "silver"])
    make_custom_field(db, key="nickname", label="Nickname")
    make_custom_field(db, key="partner", label="Partner", field_type="boolean")
    make_custom_field(db, key="renewal", label="Renewal", field_type="date")
    make_custom_field(db, entity="account", key="seats", label="Seats", field_type="number")
    found = {
        "gold": make_contact(
            db,
            last_name="Gold",
            custom={"tier": "gold", "partner": True, "renewal": "2024-03-14", "nickname": "Ace"},
            account=make_account(db, custom={"seats": 800}),
        ),
        "silver": make_contact(
            db,
            last_name="Silver",
            custom={"tier": "silver", "partner": False, "renewal": "2024-09-01"},
            account=make_account(db, custom={"seats": 12}),
        ),
        "bare": make_contact(db, last_name="Bare"),
    }
    db.commit()
    return found


def _ids(db: Session, *where: str) -> set[int]:
    page = service.list_contacts(db, ContactFilters(where=list(where)), limit=100)
    return {c.id for c in page.items}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (["contact.custom.tier:eq:gold"], {"gold"}),
        (["contact.custom.tier:in:gold,silver"], {"gold", "silver"}),
        (["contact.custom.tier:not_in:gold"], {"silver", "bare"}),
        (["contact.custom.tier:is_empty"], {"bare"}),
        (["contact.custom.nickname:contains:ac"], {"gold"}),
        (["contact.custom.partner:is_true"], {"gold"}),
        (["contact.custom.partner:is_false"], {"silver"}),
        (["contact.custom.renewal:before:2024-06-01"], {"gold"}),
        (["contact.custom.renewal:after:2024-06-01"], {"silver"}),
        (["account.custom.seats:gte:100"], {"gold"}),
        (["account.custom.seats:between:10,20"], {"silver"}),
        (["account.custom.seats:is_empty"], {"bare"}),
        (["contact.custom.partner:is_false", "account.custom.seats:lt:100"], {"silver"}),
    ],
)
def test_the_list_filters_on_custom_fields(
    db: Session, people: dict[str, Contact], where: list[str], expected: set[str]
) -> None:
    assert _ids(db, *where) == {people[name].id for name in expected}


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("account.custom.seats:gt:many", "needs a number"),
        ("contact.custom.tier:eq:bronze", "not one of gold, silver"),
        ("contact.custom.renewal:before:14/03/2024", "not a date"),
        ("contact.custom.nickname:gt:3", "unknown operator"),
        ("contact.custom.shoe:eq:9", "unknown custom field"),
    ],
)
def test_a_condition_that_does_not_fit_the_field_is_refused(
    db: Session, people: dict[str, Contact], where: str, why: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _ids(db, where)
    (error,) = refused.value.errors
    assert error.field == "where.0" and why in error.message


def test_the_api_filters_and_refuses_with_a_422(
    client: TestClient, people: dict[str, Contact]
) -> None:
    found = client.get("/api/v1/contacts", params={"where": "contact.custom.tier:eq:gold"})
    assert found.status_code == 200, found.text
    assert [c["id"] for c in found.json()["items"]] == [people["gold"].id]
    refused = client.get("/api/v1/contacts", params={"where": "account.custom.seats:gt:lots"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-2:] == ["where", "0"]


def test_the_export_takes_the_same_conditions(db: Session, people: dict[str, Contact]) -> None:
    filters = ContactFilters(where=["contact.custom.partner:is_true"])
    rows = list(service.export_rows(db, filters, actor=SYSTEM))
    assert [row["id"] for row in rows] == [people["gold"].id]
    with pytest.raises(ValidationFailed):  # before the first row, so before a file starts
        service.export_rows(db, ContactFilters(where=["contact.custom.tier:gt:1"]), actor=SYSTEM)


def test_the_csv_export_refuses_a_condition_before_the_file_starts(
    client: TestClient, people: dict[str, Contact]
) -> None:
    refused = client.get(
        "/api/v1/contacts/export.csv", params={"where": "contact.custom.tier:gt:1"}
    )
    assert refused.status_code == 422
    found = client.get(
        "/api/v1/contacts/export.csv", params={"where": "contact.custom.tier:eq:gold"}
    )
    assert found.status_code == 200
    assert len(found.text.strip().splitlines()) == 2  # the header and Gold


def test_scores_export_as_numbers(db: Session) -> None:
    contact = make_contact(db, score=-7)
    [row] = list(service.export_rows(db, ContactFilters(q=contact.email), actor=SYSTEM))
    assert row["score"] == -7 and isinstance(row["score"], int)


def _listed(html: str) -> list[str]:
    return re.findall(r'<a href="/contacts/(\d+)">', html)


def test_the_page_filters_on_a_custom_field_and_shows_it(
    client: TestClient, people: dict[str, Contact]
) -> None:
    page = client.get("/contacts")
    assert 'name="where_field"' in page.text and ">Tier</option>" in page.text
    filtered = client.get(
        "/contacts",
        params={"where_field": "contact.custom.tier", "where_op": "eq", "where_value": "silver"},
    )
    assert _listed(filtered.text) == [str(people["silver"].id)]
    # The filtered field's values as a column, sorted from its header.
    assert re.search(r"<th[^>]*><a [^>]*sort_field=contact.custom.tier[^>]*>Tier<", filtered.text)
    by_account = client.get(
        "/contacts",
        params={"where_field": "account.custom.seats", "where_op": "gte", "where_value": "100"},
    )
    assert _listed(by_account.text) == [str(people["gold"].id)]
    assert ">800<" in by_account.text


def test_the_page_says_what_does_not_fit_and_lists_everyone(
    client: TestClient, people: dict[str, Contact]
) -> None:
    page = client.get(
        "/contacts",
        params={"where_field": "account.custom.seats", "where_op": "gte", "where_value": "lots"},
    )
    assert page.status_code == 200
    assert "needs a number" in page.text
    assert len(_listed(page.text)) == 3


def test_a_saved_view_keeps_the_custom_condition(
    client: TestClient, people: dict[str, Contact]
) -> None:
    view = submitted(
        client,
        "/contacts/views",
        {
            "name": "Partners",
            "where_field": "contact.custom.partner",
            "where_op": "is_true",
            "where_value": "",
        },
    )
    html = client.get(view).text
    assert _listed(html) == [str(people["gold"].id)]
    api = client.get("/api/v1/saved-views").json()
    assert api[0]["filters"]["where"] == ["contact.custom.partner:is_true"]


def test_a_view_with_a_condition_that_does_not_fit_is_not_saved(
    client: TestClient, people: dict[str, Contact]
) -> None:
    response = client.post(
        "/api/v1/saved-views",
        json={"name": "Bad", "filters": {"where": ["contact.custom.tier:eq:bronze"]}},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "filters", "where", "0"]
    assert client.get("/api/v1/saved-views").json() == []


def test_contacts_group_by_built_in_and_custom_fields(
    db: Session, people: dict[str, Contact]
) -> None:
    names = {g.name: g for g in service.groupable_fields(db)}
    assert {"contact.lifecycle_stage", "contact.custom.tier", "account.custom.seats"} <= set(names)
    assert "contact.custom.nickname" not in names  # free text: a value per contact
    assert names["contact.custom.tier"].label == "Tier" and names["contact.custom.tier"].custom
    # Ties in any order (databases put NULL first or last).
    counts = service.count_contacts_by(db, "contact.custom.tier")
    assert set(counts) == {(None, 1), ("gold", 1), ("silver", 1)}
    partners = ContactFilters(where=["contact.custom.partner:is_true"])
    assert service.count_contacts_by(db, "contact.custom.tier", partners) == [("gold", 1)]
    with pytest.raises(ValidationFailed):
        service.count_contacts_by(db, "contact.custom.nickname")


def test_the_list_sorts_by_a_custom_field_page_by_page(
    client: TestClient, db: Session, people: dict[str, Contact]
) -> None:
    make_custom_field(db, key="rank", label="Rank", field_type="number")
    ranked = [make_contact(db, custom={"rank": rank}) for rank in (10, 2, 33, 2)]
    db.commit()
    order: list[int] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"sort_field": "-contact.custom.rank", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/v1/contacts", params=params).json()
        order += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    by_rank = [c.id for c in sorted(ranked, key=lambda c: (-c.custom["rank"], -c.id))]
    # The contacts without a rank come together, first or last as the database sorts NULLs.
    assert [i for i in order if i in by_rank] == by_rank
    assert len(order) == len(set(order)) == 7
    tier = client.get("/api/v1/contacts", params={"sort_field": "contact.custom.tier"}).json()
    named = [c["id"] for c in tier["items"] if c["custom"].get("tier")]
    assert named == [people["gold"].id, people["silver"].id]
    refused = client.get("/api/v1/contacts", params={"sort_field": "contact.custom.partner"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] == "sort_field"


def test_the_page_sorts_by_the_custom_column_and_a_view_keeps_it(
    client: TestClient, people: dict[str, Contact]
) -> None:
    filtered = {"where_field": "contact.custom.tier", "where_op": "is_set"}
    page = client.get("/contacts", params=filtered).text
    assert "sort_field=contact.custom.tier" in page  # the column's header sorts by it
    descending = client.get("/contacts", params={**filtered, "sort_field": "-contact.custom.tier"})
    assert _listed(descending.text) == [str(people["silver"].id), str(people["gold"].id)]
    assert 'aria-sort="descending"' in descending.text
    view = submitted(
        client,
        "/contacts/views",
        {"name": "Tiers", **filtered, "where_value": "", "sort_field": "-contact.custom.tier"},
    )
    assert _listed(client.get(view).text) == [str(people["silver"].id), str(people["gold"].id)]
    [saved] = client.get("/api/v1/saved-views").json()
    assert saved["sort_field"] == "-contact.custom.tier"
