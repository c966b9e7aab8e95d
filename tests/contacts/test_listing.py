"""Contact lists: filters, keyset pages that never repeat or skip a row, streaming exports."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import repository, service
from huddle.contacts.models import Account, Contact
from huddle.contacts.schemas import AccountFilters, AccountSort, ContactFilters, ContactSort
from huddle.contacts.service import contacts as contacts_service
from huddle.contacts.service.contacts import contact_sorting
from huddle.core.actor import SYSTEM
from huddle.core.clock import FrozenClock
from huddle.core.errors import ValidationFailed
from huddle.core.stages import STAGES
from tests.conftest import make_user
from tests.contacts.factories import make_account, make_contact, make_custom_field


@pytest.fixture
def tied(db: Session, frozen_clock: FrozenClock) -> tuple[Account, list[Contact]]:
    """23 contacts of one account with many ties: 3 creation times, 4 scores, 3 last names
    of which one is missing."""
    account = make_account(db)
    contacts = []
    for n in range(23):
        frozen_clock.set(frozen_clock.now().replace(hour=9 + n % 3))
        contacts.append(
            make_contact(
                db,
                account=account,
                email=f"p{n:02d}@tied.example",
                score=(n * 7) % 4,
                last_name=[None, "Adams", "Baker"][n % 3],
            )
        )
    return account, contacts


def _all_pages(db: Session, filters: ContactFilters, sort: ContactSort, limit: int) -> list[int]:
    ids: list[int] = []
    cursor = None
    for _ in range(100):
        page = service.list_contacts(db, filters, sort=sort, cursor=cursor, limit=limit)
        assert len(page.items) <= limit
        ids += [c.id for c in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize("sort", list(ContactSort))
def test_pages_never_repeat_or_skip_a_row_across_ties(
    db: Session, tied: tuple[Account, list[Contact]], sort: ContactSort
) -> None:
    account, contacts = tied
    filters = ContactFilters(account_id=account.id)
    everything = service.list_contacts(db, filters, sort=sort, limit=500).items
    assert len(everything) == len(contacts)
    for limit in (1, 4, 5, 23):
        paged = _all_pages(db, filters, sort, limit)
        assert paged == [c.id for c in everything], f"limit {limit}"
    # The one-query order is the sort itself, ids breaking ties in the same direction.
    keyed = [(_sorted_by(c, sort), c.id) for c in everything if _sorted_by(c, sort) is not None]
    assert keyed == sorted(keyed, reverse=sort.descending)


def _sorted_by(contact: Contact, sort: ContactSort) -> object:
    """The value a sort orders a contact by (stages in funnel order; the fixture's contacts
    have no owner, so that sort is by id alone)."""
    if sort.column == "stage":
        return list(STAGES).index(contact.lifecycle_stage)
    if sort.column == "owner":
        return None
    if sort.column == "company":
        return contact.account.name if contact.account else None
    return getattr(contact, sort.column)


def test_a_cursor_of_another_sort_or_garbage_is_refused(
    db: Session, tied: tuple[Account, list[Contact]]
) -> None:
    filters = ContactFilters(account_id=tied[0].id)
    cursor = service.list_contacts(db, filters, sort=ContactSort.SCORE, limit=2).next_cursor
    with pytest.raises(ValidationFailed):
        service.list_contacts(db, filters, sort=ContactSort.EMAIL, cursor=cursor)
    with pytest.raises(ValidationFailed):
        service.list_contacts(db, filters, cursor="not-a-cursor")


def test_filters_narrow_the_list(db: Session, frozen_clock: FrozenClock, admin: User) -> None:
    rep = make_user(db, name="Rita Rep", role="sales_rep", team="sales")
    target = make_account(db, name="Wayne Enterprises", is_target=True)
    other = make_account(db, name="Stark Industries")
    start = frozen_clock.now()
    bruce = make_contact(
        db,
        account=target,
        first_name="Bruce",
        last_name="Wayne",
        lifecycle_stage="mql",
        owner_id=rep.id,
        score=80,
        email="bruce@wayne.example",
    )
    frozen_clock.advance(timedelta(days=2))
    tony = make_contact(
        db,
        account=other,
        first_name="Tony",
        last_name="Stark",
        lifecycle_stage="sql",
        score=40,
        email="tony@stark.example",
    )
    pepper = make_contact(
        db,
        first_name="Pepper",
        last_name="Potts",
        lifecycle_stage="lead",
        score=10,
        email="pepper@mail.example",
    )
    ours = {bruce.id, tony.id, pepper.id}

    def found(**filters: object) -> set[int]:
        page = service.list_contacts(db, ContactFilters.model_validate(filters), limit=500)
        return {c.id for c in page.items} & ours

    assert found(stage=["mql", "sql"]) == {bruce.id, tony.id}
    assert found(stage="lead") == {pepper.id}
    assert found(owner_id=rep.id) == {bruce.id}
    assert found(owner_id="unassigned") == {tony.id, pepper.id}
    assert found(account_id=other.id) == {tony.id}
    assert found(score_min=40) == {bruce.id, tony.id}
    assert found(score_max=40) == {tony.id, pepper.id}
    assert found(created_since=start + timedelta(days=1)) == {tony.id, pepper.id}
    assert found(q="WAYNE") == {bruce.id}  # the account name or the last name
    assert found(q="stark industries") == {tony.id}  # every word must match
    assert found(q="pepper@mail") == {pepper.id}
    assert found(q="%") == set()  # LIKE wildcards are plain characters
    assert found(is_target=True) == {bruce.id}
    assert found(is_target=False) == {tony.id, pepper.id}


def test_updated_since_follows_edits(db: Session, frozen_clock: FrozenClock) -> None:
    old = make_contact(db)
    fresh = make_contact(db)
    frozen_clock.advance(timedelta(hours=1))
    fresh.city = "Lima"
    db.flush()
    page = service.list_contacts(db, ContactFilters(updated_since=frozen_clock.now()), limit=500)
    ids = {c.id for c in page.items}
    assert fresh.id in ids and old.id not in ids


def test_iter_contacts_streams_every_match_in_batches(
    db: Session, tied: tuple[Account, list[Contact]]
) -> None:
    account, contacts = tied
    streamed = list(service.iter_contacts(db, ContactFilters(account_id=account.id), batch_size=4))
    assert sorted(c.id for c in streamed) == sorted(c.id for c in contacts)
    assert len({c.id for c in streamed}) == len(contacts)


def test_export_rows_have_the_export_columns_with_account_and_custom_values(
    db: Session, tied: tuple[Account, list[Contact]]
) -> None:
    account, contacts = tied
    make_custom_field(db, key="tier")
    contacts[0].custom = {"tier": "gold"}
    db.flush()
    columns = service.export_columns(db)
    rows = list(
        service.export_rows(db, ContactFilters(account_id=account.id), batch_size=5, actor=SYSTEM)
    )
    assert len(rows) == len(contacts)
    assert all(list(row) == columns for row in rows)
    first = next(row for row in rows if row["id"] == contacts[0].id)
    assert first["email"] == contacts[0].email
    assert (first["account_name"], first["account_domain"]) == (account.name, account.domain)
    assert first["custom.tier"] == "gold"


def test_accounts_list_pages_by_name(db: Session) -> None:
    made = [make_account(db, name=f"Zeta {n % 3}", industry="Retail") for n in range(7)]
    ids: list[int] = []
    cursor = None
    while True:
        page = service.list_accounts(
            db, AccountFilters(q="zeta"), sort=AccountSort.NAME, cursor=cursor, limit=3
        )
        ids += [a.id for a in page.items]
        if (cursor := page.next_cursor) is None:
            break
    assert sorted(ids) == sorted(a.id for a in made) and len(set(ids)) == len(ids)
    names = [(a.name, a.id) for a in made]
    assert [i for _, i in sorted(names)] == ids


def test_refreshed_statistics_let_a_stage_filter_read_the_sort_index(
    db: Session, tied: tuple[Account, list[Contact]]
) -> None:
    service.refresh_statistics(db)
    if db.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL chooses by its own statistics; the call only has to succeed
    query = (
        select(Contact.id)
        .where(*repository.contact_conditions(db, ContactFilters(stage=["mql"])))
        .order_by(Contact.created_at.desc(), Contact.id.desc())
        .limit(51)
    )
    sql = str(query.compile(db.get_bind(), compile_kwargs={"literal_binds": True}))
    plan = " ".join(row[3] for row in db.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "TEMP B-TREE" not in plan, plan


RANGED = {"last_name", "created_at", "updated_at", "last_touch_at", "score"}


@pytest.mark.parametrize("sort", list(ContactSort))
def test_stages_read_range_by_range_list_as_their_matches_sorted(
    db: Session, frozen_clock: FrozenClock, sort: ContactSort
) -> None:
    """A list filtered by stages alone reads each stage's range of its sort's index (merged
    for several stages); a filter that matches the same contacts but is not stages alone
    (any score) finds them and sorts them: both give the same pages, ties and NULLs too."""
    account = make_account(db)
    owners = [make_user(db, name="Zed").id, make_user(db, name="Amy").id, None]
    for n in range(30):
        frozen_clock.set(frozen_clock.now().replace(hour=8 + n % 4))
        make_contact(
            db,
            account=account if n % 5 else None,
            owner_id=owners[n % 3 if n % 2 else 2],
            lifecycle_stage=["mql", "sql", "customer", "lead"][n % 4],
            score=n % 3,
            last_name=[None, "Adams", "Baker"][n % 3],
            last_touch_at=None if n % 4 == 1 else frozen_clock.now(),
        )
    for stages in (["mql", "sql"], ["sql"], ["customer", "mql", "sql"], ["lead", "mql"]):
        ranged = ContactFilters(stage=stages)
        sorted_all = ContactFilters(stage=stages, score_min=0)
        by_range = sort.column == "stage" or ("lead" not in stages and sort.column in RANGED)
        assert repository.stage_ranged(ranged, contact_sorting(db, sort).key) == by_range
        for limit in (1, 4, 7, 50):
            assert _all_pages(db, ranged, sort, limit) == _all_pages(db, sorted_all, sort, limit)


def _assert_read_in_order_as_sorted(
    db: Session, monkeypatch: pytest.MonkeyPatch, sort: ContactSort, *filter_sets: ContactFilters
) -> None:
    """Each filter's pages, read segment by segment (as when many match), are the pages of
    its few matches found and sorted, at page sizes from one row to all."""
    for filters in filter_sets:
        sorted_few = {limit: _all_pages(db, filters, sort, limit) for limit in (1, 4, 5, 50)}
        with monkeypatch.context() as patched:
            patched.setattr(contacts_service, "WIDE_FILTER", -1)
            for limit, expected in sorted_few.items():
                assert _all_pages(db, filters, sort, limit) == expected


@pytest.mark.parametrize("sort", [ContactSort.STAGE, ContactSort.STAGE_DESC])
def test_a_sort_by_stage_read_in_order_skips_stages_without_a_match(
    db: Session, frozen_clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, sort: ContactSort
) -> None:
    """Read segment by segment (as when many match), a sort by stage asks which stages have
    a match and reads only theirs: the same pages as the few matches found and sorted."""
    for n in range(24):
        stage = ["lead", "mql", "customer", "sal"][n % 4]
        make_contact(db, lifecycle_stage=stage, score=25 if stage != "sal" else 90 + n)
    _assert_read_in_order_as_sorted(
        db,
        monkeypatch,
        sort,
        ContactFilters(score_min=20, score_max=30),
        ContactFilters(stage=["sal", "mql", "lead"], score_max=30),
        ContactFilters(score_min=200),
    )
    found = repository.values_matched(
        db, ContactFilters(score_max=30), Contact.lifecycle_stage, list(STAGES)
    )
    assert found == {"lead", "mql", "customer"}


@pytest.mark.parametrize("sort", [ContactSort.OWNER, ContactSort.OWNER_DESC])
def test_a_sort_by_owner_read_in_order_skips_owners_without_a_match(
    db: Session, monkeypatch: pytest.MonkeyPatch, sort: ContactSort
) -> None:
    """Read segment by segment, a sort by owner filtered by score or stage asks which owners
    (unassigned among them) have a match and reads only theirs: no owned contact scores
    20-30, so the 40 owners' ranges of a million contacts were read for nothing. The same
    pages as the few matches found and sorted; a cursor's owner is kept when its contact
    stopped matching, so the next page still follows it."""
    reps = [make_user(db, email=f"rep{n}@example.com", name=f"Rep {n}") for n in range(3)]
    for n in range(18):
        owner = [reps[0].id, reps[1].id, None][n % 3]
        make_contact(db, owner_id=owner, lifecycle_stage="mql", score=25 if n % 2 else 90)
    _assert_read_in_order_as_sorted(
        db,
        monkeypatch,
        sort,
        ContactFilters(score_min=20, score_max=30),
        ContactFilters(stage=["mql"], score_max=30),
        ContactFilters(score_min=200),
    )
    owners = [reps[0].id, reps[1].id, reps[2].id, None]
    matched = repository.values_matched(db, ContactFilters(score_max=30), Contact.owner_id, owners)
    assert matched == {reps[0].id, reps[1].id, None}


def test_a_sort_by_owner_continues_after_a_cursor_whose_owner_has_no_match_left(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next page follows a cursor even when its contact, its owner's only match, has
    stopped matching since: the owner's segment is still read from there."""
    aaron = make_user(db, email="aaron@example.com", name="Aaron First")
    only = make_contact(db, owner_id=aaron.id, score=25)
    others = [make_contact(db, score=25).id for _ in range(3)]  # unassigned: last
    monkeypatch.setattr(contacts_service, "WIDE_FILTER", -1)
    filters = ContactFilters(score_min=20, score_max=30)
    first = service.list_contacts(db, filters, sort=ContactSort.OWNER, limit=1)
    assert [c.id for c in first.items] == [only.id]
    only.score = 90
    db.flush()
    assert _all_pages_after(db, filters, ContactSort.OWNER, first.next_cursor) == others


def _all_pages_after(
    db: Session, filters: ContactFilters, sort: ContactSort, cursor: str | None
) -> list[int]:
    page = service.list_contacts(db, filters, sort=sort, cursor=cursor, limit=50)
    assert page.next_cursor is None
    return [c.id for c in page.items]


@pytest.mark.parametrize(
    ("sort", "ranged"),
    [
        (ContactSort.CREATED_AT, {"created_since": "created"}),
        (ContactSort.CREATED_AT_DESC, {"created_since": "created"}),
        (ContactSort.SCORE, {"score_min": 1, "score_max": 2}),
        (ContactSort.SCORE_DESC, {"score_min": 1}),
    ],
)
def test_a_range_of_the_sorted_column_alone_is_read_in_order(
    db: Session, frozen_clock: FrozenClock, sort: ContactSort, ranged: dict[str, object]
) -> None:
    """This month's contacts by creation, a score range by score: one range of the sort's
    index, the same pages as the matches found and sorted (every stage named too)."""
    start = frozen_clock.now()
    for n in range(20):
        frozen_clock.set(start + timedelta(hours=n % 5))
        make_contact(db, score=n % 4)
    values = {k: start + timedelta(hours=2) if v == "created" else v for k, v in ranged.items()}
    alone, with_stages = ContactFilters(**values), ContactFilters(**values, stage=list(STAGES))
    assert repository.read_in_order(alone, contact_sorting(db, sort).key)
    assert not repository.read_in_order(with_stages, contact_sorting(db, sort).key)
    for limit in (1, 3, 50):
        assert _all_pages(db, alone, sort, limit) == _all_pages(db, with_stages, sort, limit)


def test_which_owners_have_a_match_is_asked_of_any_number_of_owners(db: Session) -> None:
    """A sort by owner asks of every user (those who left too): more than the 500 SELECTs
    SQLite takes in one compound statement."""
    rep = make_user(db, email="many@example.com", name="Many Owners")
    make_contact(db, owner_id=rep.id, score=25)
    make_contact(db, score=25)
    owners = [*range(rep.id + 1, rep.id + 700), rep.id, None]
    found = repository.values_matched(db, ContactFilters(score_max=30), Contact.owner_id, owners)
    assert found == {rep.id, None}
