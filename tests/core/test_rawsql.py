"""Core statements compiled once and run on the driver's cursor (``Prepared``), and lists of
ids bound as one parameter (``in_ids``), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Integer, bindparam, select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact
from huddle.core.models import UTCDateTime
from huddle.core.rawsql import IdList, Prepared, in_ids
from tests.contacts.factories import make_contact

_IDS = bindparam("ids", type_=IdList())


def _prepared(db: Session, statement: object) -> Prepared:
    return Prepared(statement, db.get_bind().dialect)  # type: ignore[arg-type]


def test_in_ids_takes_any_number_of_ids_in_one_parameter(db: Session) -> None:
    contacts = [make_contact(db) for _ in range(3)]
    ids = [c.id for c in contacts]
    query = select(Contact.id).where(in_ids(Contact.id, _IDS)).order_by(Contact.id)
    for wanted in ([], ids[:1], ids, [*ids, -1]):
        expected = sorted(i for i in wanted if i in ids)
        assert db.scalars(query, {"ids": wanted}).all() == expected  # through SQLAlchemy
        assert [row[0] for row in _prepared(db, query).run(db, {"ids": wanted})] == expected
    assert "json_each" in _prepared(db, query).sql or "ANY" in _prepared(db, query).sql


def test_prepared_converts_values_with_the_column_types_and_keeps_constants(
    db: Session,
) -> None:
    early, late = make_contact(db), make_contact(db)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    late.created_at = start + timedelta(days=2)
    early.created_at = start
    db.flush()
    query = (
        select(Contact.id, Contact.email)
        .where(in_ids(Contact.id, _IDS))
        .where(Contact.created_at > bindparam("after", type_=UTCDateTime()))
        .where(Contact.lifecycle_stage == "lead")  # a constant, converted once
    )
    prepared = _prepared(db, query)
    rows = prepared.run(db, {"ids": [early.id, late.id], "after": start + timedelta(days=1)})
    assert rows == [(late.id, late.email)]
    rows = prepared.run(db, {"ids": [early.id, late.id], "after": start - timedelta(days=1)})
    assert sorted(rows) == sorted([(early.id, early.email), (late.id, late.email)])


def test_prepared_writes_in_the_sessions_transaction(db: Session) -> None:
    contact = make_contact(db, score=0)
    statement = (
        update(Contact)
        .where(in_ids(Contact.id, _IDS))
        .values(score=bindparam("score", type_=Integer()), updated_at=Contact.updated_at)
    )
    assert _prepared(db, statement).run(db, {"ids": [contact.id], "score": 42}) == []
    db.refresh(contact)
    assert contact.score == 42


def test_prepared_refuses_what_only_sqlalchemy_execution_does(db: Session) -> None:
    expanding = select(Contact.id).where(Contact.id.in_([1, 2]))
    with pytest.raises(ValueError, match="expanding"):
        _prepared(db, expanding)
    stamped = update(Contact).values(score=1)  # updated_at: onupdate=utcnow, in Python
    with pytest.raises(ValueError, match="Python-side column defaults"):
        _prepared(db, stamped)
    query = select(Contact.id).where(in_ids(Contact.id, _IDS))
    with pytest.raises(ValueError, match="no value for ids"):
        _prepared(db, query).run(db, {})
