"""The contact search: every word matches the start of a word in the name, the email or the
company, whatever the case and the accents; the indexes behind it follow every change."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.auth.service import actor_for
from huddle.contacts import service
from huddle.contacts.models import Contact
from huddle.contacts.repository.search import DRIVING_MATCHES, KNOWN_MATCHES
from huddle.contacts.schemas import AccountUpdate, ContactCreate, ContactFilters, ContactUpdate
from huddle.contacts.search import search_words
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.migrations import upgrade
from tests.conftest import database_at, make_user
from tests.contacts.factories import make_account, make_contact
from tests.contacts.fixtures.imports import HUBSPOT, import_file


def found(db: Session, q: str, **filters: object) -> set[int]:
    page = service.list_contacts(db, ContactFilters.model_validate({"q": q, **filters}), limit=500)
    return {c.id for c in page.items}


def test_case_and_accents_do_not_matter(db: Session) -> None:
    jose = make_contact(db, first_name="José", last_name="García", email="jg@example.org")
    zoe = make_contact(db, first_name="Zoë", last_name="MÜLLER", email="zm@example.org")
    plain = make_contact(db, first_name="Jose", last_name="Muller", email="jm@example.org")
    ours = {jose.id, zoe.id, plain.id}
    assert found(db, "jose") & ours == {jose.id, plain.id}
    assert found(db, "JOSÉ") & ours == {jose.id, plain.id}
    assert found(db, "garcía") & ours == {jose.id}
    assert found(db, "GARCIA") & ours == {jose.id}
    assert found(db, "müller") & ours == {zoe.id, plain.id}
    assert found(db, "zoe") & ours == {zoe.id}


def test_a_word_matches_the_start_of_a_word(db: Session) -> None:
    acme = make_account(db, name="Acme Rocket Works", domain="acme-rockets.example")
    smith = make_contact(
        db,
        first_name="Jane",
        last_name="Smith",
        email="jane.smith42@acme-rockets.example",
        account=acme,
    )
    other = make_contact(db, first_name="Goldsmith", last_name="Jones", email="gj@mail.example")
    ours = {smith.id, other.id}
    assert found(db, "smi") & ours == {smith.id}
    assert found(db, "mith") & ours == set()  # not from the middle of a word
    assert found(db, "gold") & ours == {other.id}
    assert found(db, "rocket") & ours == {smith.id}  # the company's name
    assert found(db, "smith42") & ours == {smith.id}  # the email, split at its punctuation
    assert found(db, "rockets") & ours == {smith.id}  # its domain
    assert found(db, "jane.smith42@acme-rockets.example") & ours == {smith.id}
    assert found(db, "jane.smith42@acme-rock") & ours == {smith.id}
    assert found(db, "jane rocket") & ours == {smith.id}  # every word, anywhere
    assert found(db, "jane jones") & ours == set()


def test_punctuation_inside_a_word_keeps_its_order(db: Session) -> None:
    obrien = make_contact(db, first_name="Siobhan", last_name="O'Brien", email="s@ob.example")
    jean = make_contact(db, first_name="Jean-Luc", last_name="Picard", email="jl@ent.example")
    ours = {obrien.id, jean.id}
    assert found(db, "o'brien") & ours == {obrien.id}
    assert found(db, "brien") & ours == {obrien.id}
    assert found(db, "jean-luc") & ours == {jean.id}
    assert found(db, "luc") & ours == {jean.id}
    assert found(db, "luc-jean") & ours == set()


def test_words_without_letters_or_digits(db: Session) -> None:
    smith = make_contact(db, first_name="Ann", last_name="Smith")
    assert found(db, "%") == set()  # a search with nothing to look for finds nobody
    assert found(db, "* _ &") == set()
    assert smith.id in found(db, "smith &")  # beside real words, such a word is ignored
    assert search_words("  ") == []
    assert search_words("a a b") == [("a",), ("b",)]


def test_the_search_follows_creates_edits_and_erasures(db: Session) -> None:
    created, _ = service.upsert_contact(
        db,
        ContactCreate(email="ines.quintero@lumen.example", first_name="Inés"),
        actor=SYSTEM,
    )
    assert found(db, "ines") == {created.id}
    service.update_contact(
        db, created.id, ContactUpdate(first_name="Beatriz", last_name="Quiroga"), actor=SYSTEM
    )
    assert found(db, "ines") == {created.id}  # still in the email
    assert found(db, "beatriz quiroga") == {created.id}
    service.update_contact(db, created.id, ContactUpdate(email="bq@lumen.example"), actor=SYSTEM)
    assert found(db, "ines") == set()
    assert found(db, "quintero") == set()
    service.erase_contact(db, created.id, actor=SYSTEM)
    assert found(db, "beatriz") == set()
    assert found(db, "quiroga") == set()
    assert_indexes_match_their_tables(db)


def test_the_search_follows_merges_and_renamed_accounts(db: Session) -> None:
    old = make_account(db, name="Vandelay Industries", domain="vandelay.example")
    other = make_account(db, name="Kramerica", domain="kramerica.example")
    art = make_contact(db, first_name="Art", last_name="Vandelay", account=old)
    copy = make_contact(db, first_name="Arthur", last_name="Vandelay", email="av@x.example")
    service.update_account(db, old.id, AccountUpdate(name="Vandelay Imports"), actor=SYSTEM)
    assert found(db, "imports") == {art.id}
    assert found(db, "industries") == set()
    service.merge_contacts(db, art.id, copy.id, actor=SYSTEM)
    assert found(db, "vandelay") == {art.id}
    assert found(db, "av@x") == set()  # the merged record's email went with it
    service.merge_accounts(db, other.id, old.id, choices={"name": "survivor"}, actor=SYSTEM)
    assert found(db, "imports") == set()
    assert found(db, "kramerica") == {art.id}
    assert_indexes_match_their_tables(db)


def assert_indexes_match_their_tables(db: Session) -> None:
    """SQLite's full-text tables hold exactly the words of the rows they index (FTS5's own
    check against the content tables). PostgreSQL's indexes are the database's to keep."""
    if db.get_bind().dialect.name == "sqlite":
        for index in ("contact_search", "account_search"):
            db.execute(text(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"))


@pytest.mark.parametrize("all_known", [True, False])
def test_a_word_many_contacts_share_still_pages_in_order(
    db: Session, monkeypatch: pytest.MonkeyPatch, all_known: bool
) -> None:
    # More matches than the query lets drive it: the list is read in its order and each
    # row checked (huddle.contacts.repository.search.DRIVING_MATCHES), against the word's
    # matches fetched once when all of them are (KNOWN_MATCHES), else looked up again.
    dialect = db.get_bind().dialect.name
    if not all_known:
        monkeypatch.setitem(KNOWN_MATCHES, dialect, DRIVING_MATCHES[dialect])
    start, crowd = clock.now(), DRIVING_MATCHES[dialect] + 50
    rows = [
        {
            "email": f"frequent{n}@crowd.example",
            "first_name": "Rarely" if n % (crowd // 5) == 7 else "Often",
            "last_name": "Frequent",
            "created_at": start,
            "updated_at": start,
            "stage_entered_at": start,
        }
        for n in range(crowd)
    ]
    db.execute(insert(Contact), rows)
    ids: dict[str, int] = dict(db.execute(text("SELECT email, id FROM contacts")).all())
    newest_first = sorted((ids[r["email"]] for r in rows), reverse=True)
    page = service.list_contacts(db, ContactFilters(q="frequent"), limit=50)
    assert [c.id for c in page.items] == newest_first[:50]
    second = service.list_contacts(
        db, ContactFilters(q="frequent"), cursor=page.next_cursor, limit=50
    )
    assert [c.id for c in second.items] == newest_first[50:100]
    rarely = {ids[r["email"]] for r in rows if r["first_name"] == "Rarely"}
    assert len(rarely) == 5
    assert found(db, "rarely frequent") == rarely
    assert found(db, "frequent rarely crowd") == rarely
    assert found(db, "frequent qzxj") == set()


def test_contacts_stored_before_the_index_are_found(database_url: str, tmp_path: Path) -> None:
    with database_at(database_url, tmp_path, "0017") as engine:
        _add_old_rows(engine)
        upgrade(engine)
        with Session(engine) as session:
            assert len(found(session, "müller")) == 1
            assert len(found(session, "globex")) == 1
            session.rollback()


def _add_old_rows(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (id, name, technologies, is_target, custom, enriched_fields,"
                " created_at, updated_at) VALUES (1, 'Globex Corporation', '[]', false, '{}',"
                " '[]', :at, :at)"
            ),
            {"at": "2026-01-05 10:00:00"},
        )
        for email, last, account in (("hm@example.org", "Müller", None), ("x@g.example", "X", 1)):
            connection.execute(
                text(
                    "INSERT INTO contacts (email, last_name, account_id, lifecycle_stage,"
                    " stage_entered_at, email_opt_in, do_not_email, do_not_call, score, custom,"
                    " created_at, updated_at) VALUES (:email, :last, :account, 'lead', :at,"
                    " 'unknown', false, false, 0, '{}', :at, :at)"
                ),
                {"email": email, "last": last, "account": account, "at": "2026-01-05 10:00:00"},
            )


def test_who_may_not_see_emails_does_not_find_by_them(db: Session) -> None:
    contact = make_contact(db, first_name="Pat", email="hidden.name@secret.example")
    product = actor_for(make_user(db, role="product", team="product"))
    hidden = service.list_contacts(db, ContactFilters(q="hidden"), actor=product)
    assert contact.id not in {c.id for c in hidden.items}
    named = service.list_contacts(db, ContactFilters(q="pat"), actor=product)
    assert contact.id in {c.id for c in named.items}


def test_contacts_an_import_wrote_are_found(db: Session, admin: User, tmp_path: Path) -> None:
    # The import writes contacts and accounts set-at-a-time, past the ORM.
    import_file(db, HUBSPOT, actor=actor_for(admin), errors_path=tmp_path / "errors.csv")
    (maria,) = found(db, "maría gonzalez-reyes")
    assert db.get(Contact, maria).email == "maria.gonzalez@northwindtraders.com"
    assert maria in found(db, "northwind traders")  # the account the import made
    assert_indexes_match_their_tables(db)
    later = make_contact(db, first_name="Zebulon", last_name="Afterwards", email="z@later.example")
    assert found(db, "zebulon") == {later.id}
    assert_indexes_match_their_tables(db)
