"""The contact search's SQL: each word a condition answered by a full-text index.

SQLite: the FTS5 tables ``contact_search`` and ``account_search`` (migration
0018, kept in step by triggers). PostgreSQL: GIN indexes over
``huddle_name_words(first_name, last_name)``, ``huddle_words(email)`` and
``huddle_words(accounts.name)``, queried through the same functions so the planner sees the
indexed expressions. What a word matches is ``huddle.contacts.search``'s to say.

Neither planner can tell how many contacts a word matches (PostgreSQL guesses about 0.6%
for any word it has no statistics for, one nobody has included), and the right plan turns
on it, so each word is first looked up in the index, up to ``DRIVING_MATCHES``:
- fewer: the word's contacts are those ids; the list fetches and sorts them (a few ms);
- more: the list is read in its own order (its sort index) and each row checked against
  the word, which stops at the end of the page: one contact in a hundred matching, that is
  a few thousand rows. Sorting every match instead would cost far more.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    any_,
    bindparam,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.contacts.search import MAX_WORDS, SearchWord, search_words
from huddle.core.db import transaction_memo
from huddle.core.rawsql import IdList, in_ids

CONTACT_INDEX = table("contact_search", column("rowid", Integer))
ACCOUNT_INDEX = table("account_search", column("rowid", Integer))
# Where fetching and sorting a word's matches costs as much as reading the list in order
# until its page is full (measured with bench/pages.py at a million contacts; the figures
# are in the README's performance section). A word with fewer matches drives the query by
# them. SQLite fetches a matching row by id far more slowly than it checks a row read in
# order against the word's gathered matches; PostgreSQL checks a row by working out its
# words, which costs more, so its threshold is higher.
DRIVING_MATCHES = {"sqlite": 2_000, "postgresql": 10_000}
# How many of a word's matches are fetched (once a request, ``_first_matches``): all of
# them, when fewer, so a search alone is counted and estimated from them, and a word too
# common to drive the query is looked up in its known matches rather than in the search
# index again by each statement (SQLite's estimate runs ten). A last name 8,000 contacts
# share: 8 ms more to fetch, 38 ms less for the page (bench/list.py, search_name).
KNOWN_MATCHES = {"sqlite": 20_000, "postgresql": 10_000}


def search_conditions(
    session: Session, words: list[SearchWord] | None, *, search_email: bool, drive: bool = False
) -> list[ColumnElement[bool]]:
    """One condition per word (all must hold); ``None`` (nothing to look for) matches
    nobody. Emails are searched only when ``search_email``. ``drive``: the rows are found
    through the words' matches whatever their number (a count; few matches sorted), not
    read in the list's order and checked."""
    if words is None:
        return [false()]
    dialect = session.get_bind().dialect.name
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        ids = _first_matches(session, word, dialect=dialect, search_email=search_email)
        # Too many matches to drive the query by: "+ 0" keeps the database from doing so,
        # and each row read in the list's order is looked up in them; to count (``drive``)
        # the matches are the rows.
        checked = Contact.id if drive else Contact.id + 0
        if len(ids) < DRIVING_MATCHES[dialect]:
            conditions.append(in_ids(Contact.id, bindparam(None, ids, type_=IdList())))
        elif len(ids) < KNOWN_MATCHES[dialect]:  # all of them known
            conditions.append(in_ids(checked, bindparam(None, ids, type_=IdList())))
        elif dialect == "postgresql":
            conditions.append(_postgresql_match(word, search_email=search_email))
        else:
            matching = _matching_ids(word, dialect=dialect, search_email=search_email)
            conditions.append(checked.in_(matching))
    return conditions


def search_matches(
    session: Session, words: list[SearchWord] | None, *, search_email: bool
) -> set[int] | None:
    """Every contact matching all the words, when each word's lookup found them all (fewer
    than ``DRIVING_MATCHES``), else None: a search alone is then counted without asking
    the database again (its matches by id cost as much to count as to fetch)."""
    if words is None:
        return set()
    dialect = session.get_bind().dialect.name
    found: set[int] | None = None
    for word in words:
        ids = _first_matches(session, word, dialect=dialect, search_email=search_email)
        if len(ids) >= KNOWN_MATCHES[dialect]:
            return None
        found = set(ids) if found is None else found & set(ids)
    return found


def _first_matches(
    session: Session, word: SearchWord, *, dialect: str, search_email: bool
) -> list[int]:
    """The ids of a word's first ``KNOWN_MATCHES`` matches (all, when fewer), looked up once
    per transaction: the list's page, its estimate and its count each ask (at a million
    contacts a short name's lookup takes tens of ms, three times over)."""
    known = transaction_memo(session, "search_matches")
    key = (word, search_email)
    if key not in known:
        matching = _matching_ids(word, dialect=dialect, search_email=search_email)
        known[key] = list(session.scalars(matching.limit(KNOWN_MATCHES[dialect])))
    return list(known[key])


def _matching_ids(word: SearchWord, *, dialect: str, search_email: bool) -> Select[Any]:
    if dialect == "postgresql":
        return select(Contact.id).where(_postgresql_match(word, search_email=search_email))
    return _sqlite_matching_ids(word, search_email=search_email)


# --- PostgreSQL ------------------------------------------------------------------------------


def _tsquery(word: SearchWord) -> str:
    """The tokens in order, the last one a prefix: ``pepper <-> mail:*``. Tokens are
    letters and digits only, so nothing in them is tsquery syntax."""
    return " <-> ".join([*word[:-1], f"{word[-1]}:*"])


def _postgresql_match(word: SearchWord, *, search_email: bool) -> ColumnElement[bool]:
    query = func.huddle_query(_tsquery(word))
    matches: list[ColumnElement[bool]] = [
        func.huddle_name_words(Contact.first_name, Contact.last_name).op("@@")(query)
    ]
    if search_email:
        matches.append(func.huddle_words(Contact.email).op("@@")(query))
    # = ANY(ARRAY(...)), not IN (...): the planner can OR an index scan of account_id with
    # the GIN scans; an IN subquery under OR is checked row by row over the whole table.
    accounts = select(Account.id).where(func.huddle_words(Account.name).op("@@")(query))
    matches.append(Contact.account_id == any_(func.array(accounts.scalar_subquery())))
    return or_(*matches)


# --- SQLite ----------------------------------------------------------------------------------


def _phrase(word: SearchWord) -> str:
    """An FTS5 phrase whose last token is a prefix: ``"pepper mail" *``."""
    return '"' + " ".join(word) + '" *'


def _sqlite_matching_ids(word: SearchWord, *, search_email: bool) -> Select[Any]:
    """Ids of the contacts the word matches: by their own words or their account's name."""
    columns = "first_name last_name email" if search_email else "first_name last_name"
    own = select(CONTACT_INDEX.c.rowid).where(
        literal_column("contact_search").op("MATCH")(f"{{{columns}}} : {_phrase(word)}")
    )
    accounts = select(ACCOUNT_INDEX.c.rowid).where(
        literal_column("account_search").op("MATCH")(_phrase(word))
    )
    staff = Contact.__table__.alias("account_contacts")
    by_account = select(staff.c.id).where(staff.c.account_id.in_(accounts))
    # UNION ALL: a contact found both ways is harmless in an IN list, and sorting the
    # matches to drop it costs (a short word matches hundreds of thousands).
    return union_all(own, by_account)  # type: ignore[return-value]


# --- accounts --------------------------------------------------------------------------------


def account_search_conditions(session: Session, q: str | None) -> list[ColumnElement[bool]]:
    """The account list's search, by the rules of the contact search: every word matches
    the start of a word of the account's name, through the same index; a word that is the
    account's whole domain ("acme.com") matches it too, through the domain's unique index."""
    dialect = session.get_bind().dialect.name
    conditions: list[ColumnElement[bool]] = []
    for raw in (q or "").split()[:MAX_WORDS]:
        words = search_words(raw)
        if words is None:  # punctuation only: ignored, as in the contact search
            continue
        if dialect == "postgresql":
            query = func.huddle_query(_tsquery(words[0]))
            by_name = func.huddle_words(Account.name).op("@@")(query)
        else:
            by_name = Account.id.in_(
                select(ACCOUNT_INDEX.c.rowid).where(
                    literal_column("account_search").op("MATCH")(_phrase(words[0]))
                )
            )
        conditions.append(or_(by_name, Account.domain == unicodedata.normalize("NFC", raw.lower())))
    return conditions
