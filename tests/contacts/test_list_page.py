"""The contact list as people use it at scale: its total, every column's sort, filters that
take several values, refused impossible filters, bulk actions (with their confirmation and
audit entries), the column chooser kept with a saved view, and a new contact by hand."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.audit.models import AuditEntry
from huddle.auth.models import User
from huddle.contacts import repository, service
from huddle.contacts.models import Contact
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core.actor import SYSTEM
from huddle.core.stages import STAGES
from tests.conftest import make_user, sign_in
from tests.contacts.factories import make_account, make_contact


def rows(html: str) -> list[int]:
    """The contacts of a list page, in order."""
    return [int(i) for i in re.findall(r'<a href="/contacts/(\d+)">', html)]


def headers(html: str) -> list[str]:
    """The list table's column headings."""
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", head)]


def _audit(db: Session, action: str) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
    return list(db.scalars(query))


# --- sorts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sort",
    [
        *("last_name", "company", "stage", "owner"),
        *("score", "last_touch_at", "updated_at", "created_at"),
    ],
)
def test_every_column_of_the_page_sorts_both_ways(
    client: TestClient, db: Session, admin: User, sort: str
) -> None:
    for n, stage in enumerate(("customer", "lead", "mql")):
        make_contact(db, last_name=f"N{n}", lifecycle_stage=stage, score=n * 10)
    html = client.get("/contacts", params={"sort": sort}).text
    assert f"/contacts?sort=-{sort}" in html  # the header flips to descending
    ascending = rows(html)
    descending = rows(client.get("/contacts", params={"sort": f"-{sort}"}).text)
    assert sorted(ascending) == sorted(descending) and len(ascending) == 3


def test_stages_sort_in_funnel_order_and_owners_by_name(db: Session) -> None:
    zoe = make_user(db, name="Zoe Zed", email="zoe@huddle.example")
    abe = make_user(db, name="Abe Able", email="abe@huddle.example")
    made = [
        make_contact(db, lifecycle_stage="customer", owner_id=zoe.id),
        make_contact(db, lifecycle_stage="lead", owner_id=None),
        make_contact(db, lifecycle_stage="mql", owner_id=abe.id),
        make_contact(db, lifecycle_stage="lead", owner_id=zoe.id),
    ]
    by_stage = service.list_contacts(db, sort=ContactSort.STAGE).items
    order = list(STAGES)
    assert [order.index(c.lifecycle_stage) for c in by_stage] == [1, 1, 2, 6]
    by_owner = service.list_contacts(db, sort=ContactSort.OWNER).items
    assert [c.owner_id for c in by_owner] == [abe.id, zoe.id, zoe.id, None]
    # A page at a time (one row each) gives the same order.
    paged, cursor = [], None
    for _ in made:
        page = service.list_contacts(db, sort=ContactSort.OWNER_DESC, cursor=cursor, limit=1)
        paged += page.items
        cursor = page.next_cursor
    assert paged == by_owner[::-1] and cursor is None
    # Filtered to few contacts, the list finds them by the filter and sorts them in one
    # query: the same order, page by page.
    few = ContactFilters(stage=["customer", "lead", "mql"])
    for sort in (ContactSort.STAGE_DESC, ContactSort.OWNER, ContactSort.OWNER_DESC):
        whole = service.list_contacts(db, few, sort=sort).items
        paged, cursor = [], None
        for _ in made:
            page = service.list_contacts(db, few, sort=sort, cursor=cursor, limit=1)
            paged += page.items
            cursor = page.next_cursor
        assert paged == whole and len(whole) == 4, sort
    by_owner_desc = service.list_contacts(db, few, sort=ContactSort.OWNER_DESC).items
    assert [c.owner_id for c in by_owner_desc] == [None, zoe.id, zoe.id, abe.id]


def test_companies_sort_by_name_and_contacts_without_one_stay_together(
    client: TestClient, db: Session, admin: User
) -> None:
    zeta, acme = make_account(db, name="Zeta Ltd"), make_account(db, name="Acme Corp")
    made = [
        make_contact(db, account=zeta),
        make_contact(db, account=None),
        make_contact(db, account=acme),
        make_contact(db, account=zeta),
        make_contact(db, account=None),
    ]
    by_company = service.list_contacts(db, sort=ContactSort.COMPANY).items
    names = [c.account.name if c.account else None for c in by_company]
    named = [name for name in names if name is not None]
    assert named == ["Acme Corp", "Zeta Ltd", "Zeta Ltd"]
    # Without an account: together at one end (where the database puts NULLs), by id.
    assert names in ([*named, None, None], [None, None, *named])
    assert [c.id for c in by_company if c.account is None] == [made[1].id, made[4].id]
    paged, cursor = [], None
    for _ in made:
        page = service.list_contacts(db, sort=ContactSort.COMPANY_DESC, cursor=cursor, limit=2)
        paged += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert paged == by_company[::-1]
    html = client.get("/contacts", params={"sort": "company"}).text
    assert "Company" in headers(html) and "/contacts?sort=-company" in html
    assert rows(html) == [c.id for c in by_company]
    # The export pages by the same key (its rows are plain, not contacts).
    exported = service.export_rows(db, sort=ContactSort.COMPANY, batch_size=2, actor=SYSTEM)
    assert [row["id"] for row in exported] == [c.id for c in by_company]


# --- filters --------------------------------------------------------------------------------


def test_several_stages_owners_and_sources_at_once(
    client: TestClient, db: Session, admin: User
) -> None:
    rep = make_user(db, name="Rita Rep", role="sales_rep", team="sales")
    mql = make_contact(db, lifecycle_stage="mql", owner_id=rep.id, first_touch_source="webinar")
    sql = make_contact(db, lifecycle_stage="sql", owner_id=None, first_touch_source="google")
    lead = make_contact(db, lifecycle_stage="lead", owner_id=admin.id, first_touch_source="ads")
    page = client.get("/contacts", params=[("stage", "mql"), ("stage", "sql")]).text
    assert sorted(rows(page)) == [mql.id, sql.id]
    assert "MQL, SQL" in page  # the filter says what it holds
    owners = client.get("/contacts", params={"owner": f"{rep.id},unassigned"}).text
    assert sorted(rows(owners)) == [mql.id, sql.id]
    sources = client.get("/contacts", params={"source": "webinar, ads"}).text
    assert sorted(rows(sources)) == [mql.id, lead.id]
    api = client.get("/api/v1/contacts", params=[("owner_id", rep.id), ("owner_id", admin.id)])
    assert sorted(c["id"] for c in api.json()["items"]) == [mql.id, lead.id]


def test_a_reversed_score_range_is_refused_with_the_reason(client: TestClient, db: Session) -> None:
    make_contact(db, score=50)
    page = client.get("/contacts", params={"score_min": 60, "score_max": 10})
    assert page.status_code == 200
    assert "below the minimum (60): no contact can match" in page.text
    assert 'value="60"' in page.text and 'value="10"' in page.text  # kept to be corrected
    assert len(rows(page.text)) == 1  # the range is left out, not an empty list
    api = client.get("/api/v1/contacts", params={"score_min": 60, "score_max": 10})
    assert api.status_code == 422
    assert "below the minimum" in api.text


# --- the total -------------------------------------------------------------------------------


def test_the_total_is_exact_when_small_and_labelled_an_estimate_beyond(
    client: TestClient, db: Session
) -> None:
    for n in range(12):
        make_contact(db, lifecycle_stage="mql" if n < 3 else "lead")
    assert service.count_contacts(db, ContactFilters(stage=["mql"])).count == 3
    assert "<strong>12</strong> contacts" in client.get("/contacts").text
    count, exact = repository.contact_count(db, ContactFilters(), cap=5)
    assert not exact and count >= 6
    # The page words an estimate as one.
    from huddle.web.format import about

    assert about(1_234_567) == "about 1.2 million"
    assert about(48_213) == "about 48,000"


def test_a_search_alone_is_counted_exactly_from_its_matches_and_sees_new_contacts(
    client: TestClient, db: Session
) -> None:
    for n in range(7):
        make_contact(db, last_name="Okafor", first_name=f"Ada{n}")
    make_contact(db, last_name="Other")
    # Beyond the cap, yet exact: the search's matches are known, so nothing is estimated.
    assert repository.contact_count(db, ContactFilters(q="okafor"), cap=5) == (7, True)
    assert "<strong>7</strong> contacts" in client.get("/contacts", params={"q": "okafor"}).text
    # A contact added in the same session is found by the next search (what a search
    # matched is kept only until the session writes).
    make_contact(db, last_name="Okafor", first_name="Late")
    assert repository.contact_count(db, ContactFilters(q="okafor"), cap=5) == (8, True)
    listed = service.list_contacts(db, ContactFilters(q="okafor")).items
    assert len(listed) == 8


# --- bulk actions ----------------------------------------------------------------------------


def _bulk(client: TestClient, data: Mapping[str, str]) -> str:
    response = client.post("/contacts/bulk", data=data)
    assert response.status_code == 200, response.text
    return response.text


def test_assigning_an_owner_to_all_matching_asks_first_then_audits(
    client: TestClient, db: Session, admin: User
) -> None:
    rep = make_user(db, name="Rita Rep", role="sales_rep", team="sales")
    chosen = [make_contact(db, lifecycle_stage="mql") for _ in range(3)]
    other = make_contact(db, lifecycle_stage="lead")
    form = {
        "scope": "all",
        "stage": "mql",
        "score_min": "0",
        "action": "assign_owner",
        "new_owner": str(rep.id),
    }
    confirm = _bulk(client, form)
    assert "Give <strong>3</strong> contacts the owner <strong>Rita Rep</strong>" in confirm
    assert all(c.owner_id is None for c in chosen)  # nothing changed yet
    done = _bulk(client, form | {"confirmed": "1"})
    assert "<dt>Changed</dt><dd>3</dd>" in done
    for contact in [*chosen, other]:
        db.refresh(contact)
    assert [c.owner_id for c in chosen] == [rep.id] * 3 and other.owner_id is None
    [entry] = _audit(db, "contact.bulk_changed")
    assert entry.changes["matched"] == 3 and entry.changes["filters"] == {
        "stage": ["mql"],
        "score_min": [0],
    }
    assert entry.actor_user_id == admin.id
    assert len(_audit(db, "contact.owner_changed")) == 3  # and each contact's own entry


def test_a_stage_change_reports_each_move_the_lifecycle_refuses(
    client: TestClient, db: Session
) -> None:
    lead = make_contact(db, lifecycle_stage="lead", first_name="Lena", last_name="Lead")
    customer = make_contact(db, lifecycle_stage="customer", first_name="Cal", last_name="Cust")
    form = {"scope": "selected", "action": "change_stage", "new_stage": "mql"}
    confirm = client.post("/contacts/bulk", data=form | {"ids": [lead.id, customer.id]})
    assert "Move <strong>2</strong> contacts to the stage <strong>MQL</strong>" in confirm.text
    done = client.post(
        "/contacts/bulk",
        data=form | {"confirmed": "1", "ids": [lead.id, customer.id]},
    ).text
    assert "<dt>Changed</dt><dd>1</dd>" in done and "Cal Cust" in done
    db.refresh(lead)
    db.refresh(customer)
    assert (lead.lifecycle_stage, customer.lifecycle_stage) == ("mql", "customer")
    [entry] = _audit(db, "contact.bulk_changed")
    assert (entry.changes["changed"], entry.changes["refused"]) == (1, 1)


def test_a_sales_rep_changes_only_their_own_or_unassigned_contacts(
    anon_client: TestClient, db: Session, admin: User
) -> None:
    rep = make_user(db, name="Rita Rep", role="sales_rep", team="sales", email="rita@x.example")
    mine = make_contact(db, owner_id=rep.id, lifecycle_stage="lead")
    theirs = make_contact(db, owner_id=admin.id, lifecycle_stage="lead")
    client = sign_in(anon_client, rep)
    form = {"scope": "all", "action": "change_stage", "new_stage": "mql", "confirmed": "1"}
    done = _bulk(client, form)
    assert "<dt>Refused</dt><dd>1</dd>" in done
    db.refresh(mine)
    db.refresh(theirs)
    assert (mine.lifecycle_stage, theirs.lifecycle_stage) == ("mql", "lead")


def test_exporting_the_selection_links_the_csv_of_those_contacts(
    client: TestClient, db: Session
) -> None:
    picked = make_contact(db, email="picked@x.example")
    make_contact(db, email="left@x.example")
    page = client.post(
        "/contacts/bulk", data={"scope": "selected", "action": "export", "ids": [picked.id]}
    ).text
    url = re.search(r'href="(/api/v1/contacts/export.csv[^"]*)"', page).group(1)  # type: ignore[union-attr]
    csv = client.get(url.replace("&amp;", "&")).text
    assert "picked@x.example" in csv and "left@x.example" not in csv


def test_nothing_ticked_changes_nothing(client: TestClient, db: Session) -> None:
    make_contact(db)
    response = client.post(
        "/contacts/bulk",
        data={"scope": "selected", "action": "assign_owner"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert _audit(db, "contact.bulk_changed") == []


# --- columns and new contacts ---------------------------------------------------------------


def test_the_chosen_columns_are_kept_with_a_saved_view(client: TestClient, db: Session) -> None:
    make_contact(db, lifecycle_stage="mql", score=77)
    page = client.get("/contacts", params={"columns": "stage,score"}).text
    assert headers(page) == ["", "Name", "Stage", "Score"]
    response = client.post(
        "/contacts/views", data={"name": "Narrow", "columns": "stage,score"}, follow_redirects=False
    )
    assert response.status_code == 303
    view = client.get(response.headers["location"]).text
    assert headers(view) == ["", "Name", "Stage", "Score"]
    [saved] = client.get("/api/v1/saved-views").json()
    assert saved["columns"] == ["stage", "score"]


def test_a_new_contact_from_the_list(client: TestClient, db: Session) -> None:
    assert 'href="/contacts/new"' in client.get("/contacts").text
    assert client.get("/contacts/new").status_code == 200
    response = client.post(
        "/contacts/new",
        data={"first_name": "Nina", "last_name": "New", "email": "nina@new.example"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    contact = db.scalar(select(Contact).where(Contact.email == "nina@new.example"))
    assert contact is not None and response.headers["location"] == f"/contacts/{contact.id}"
    again = client.post("/contacts/new", data={"email": "NINA@new.example"})
    assert again.status_code == 409
    assert f'href="/contacts/{contact.id}"' in again.text
