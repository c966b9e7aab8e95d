"""A contact merged away while a full rescore is writing its chunk leaves no score row
behind on PostgreSQL (scores have no foreign key: a trigger drops a deleted contact's
rows, and it cannot see rows a rescore has written but not yet committed)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts import service as contacts_service
from huddle.core.actor import SYSTEM
from huddle.core.db import session_factory, unit_of_work
from huddle.scoring import service
from huddle.scoring.models import ContactScore
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_model

EVERYONE = {
    "name": "VP",
    "kind": "fit",
    "points": 3,
    "when": {"field": "contact.job_title", "op": "eq", "value": "VP"},
}
ORPHANS = text(
    "SELECT count(*) FROM contact_scores s WHERE NOT EXISTS"
    " (SELECT 1 FROM contacts c WHERE c.id = s.contact_id)"
)


def test_a_merge_racing_a_rescore_chunk_leaves_no_orphan_score(own_engine: Engine) -> None:
    if own_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: a rescore and a merge cannot overlap")
    factory: sessionmaker[Session] = session_factory(own_engine)
    with unit_of_work(factory) as session:
        survivor_id, merged_id = make_contact(session).id, make_contact(session).id
        make_model(session, [EVERYONE], name="Fit", is_primary=True)
    merged = threading.Event()
    failures: list[BaseException] = []

    def merge() -> None:
        try:
            with unit_of_work(factory) as session:
                contacts_service.merge_contacts(session, survivor_id, merged_id, actor=SYSTEM)
            merged.set()
        except BaseException as exc:  # reported by the test thread
            failures.append(exc)

    with factory() as rescoring, rescoring.begin():
        # The chunk has written both contacts' first score rows, not yet committed.
        service.rescore_all(rescoring, reason="race test", actor=SYSTEM)
        written = rescoring.scalar(select(func.count()).select_from(ContactScore))
        assert written == 2
        merger = threading.Thread(target=merge)
        merger.start()
        # The merge waits for the chunk's transaction rather than deleting under it.
        assert not merged.wait(timeout=1.0)
    merger.join(timeout=30)
    assert not failures, failures
    assert merged.is_set()
    with factory() as session:
        assert session.scalar(ORPHANS) == 0
        assert session.scalar(select(ContactScore.contact_id)) == survivor_id


def test_a_delete_from_outside_huddle_waits_for_the_chunk_too(own_engine: Engine) -> None:
    if own_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: a rescore and a delete cannot overlap")
    factory: sessionmaker[Session] = session_factory(own_engine)
    with unit_of_work(factory) as session:
        contact_id = make_contact(session).id
        make_model(session, [EVERYONE], name="Fit", is_primary=True)
    with factory() as rescoring, rescoring.begin():
        service.rescore_all(rescoring, reason="race test", actor=SYSTEM)
        with own_engine.connect() as psql, psql.begin():
            psql.execute(text("SET LOCAL lock_timeout = '300ms'"))
            with pytest.raises(OperationalError, match="lock timeout"):
                psql.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": contact_id})
