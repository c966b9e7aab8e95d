"""A full rescore in the background runs in lanes (ranges of contacts, side by side, one
chain of chunk jobs each): every contact is rescored once, the progress adds up across
lanes, and the run ends when its last lane does, with what a rescore in one go gives."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from huddle.contacts.models import Contact
from huddle.core.actor import SYSTEM
from huddle.core.db import session_factory, unit_of_work
from huddle.core.jobs import Job
from huddle.core.settings import get_settings
from huddle.scoring import service
from huddle.scoring.models import ContactScore, RescoreRun
from huddle.scoring.service import RESCORE_JOB, Lane
from huddle.scoring.service.rescoring import split_ids
from huddle.worker import Worker
from tests.contacts.factories import make_contact
from tests.notifications.conftest import run_jobs
from tests.scoring.factories import make_model, touch

PRICING = {
    "name": "Pricing",
    "kind": "behaviour",
    "points": 5,
    "cap": 40,
    "event": {
        "types": ["page_view"],
        "where": {"field": "properties.url", "op": "matches", "value": "/pricing"},
    },
}


@pytest.mark.parametrize(("low", "high", "lanes"), [(1, 10, 2), (5, 5, 2), (3, 1000, 3), (1, 7, 1)])
def test_lanes_cover_every_id_once_and_the_last_stays_open(low: int, high: int, lanes: int) -> None:
    split = split_ids(low, high, lanes)
    assert 1 <= len(split) <= lanes
    assert split[0].after_id == low - 1 and split[-1].until_id is None
    for lane, following in itertools.pairwise(split):
        assert lane.until_id == following.after_id and lane.after_id < following.after_id


@pytest.fixture
def two_lanes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HUDDLE_WORKER_THREADS", "2")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _scores(session: Session) -> dict[tuple[int, int], float]:
    rows = session.execute(
        select(ContactScore.contact_id, ContactScore.model_id, ContactScore.points)
    )
    return {(contact, model): points for contact, model, points in rows}


def _history(session: Session, contacts: int) -> list[Contact]:
    made = [make_contact(session) for _ in range(contacts)]
    for n, contact in enumerate(made):
        for _ in range(n % 4):
            touch(session, contact, url="/pricing")
    return made


def test_a_queued_rescore_runs_in_two_lanes_and_adds_up(db: Session, two_lanes: None) -> None:
    contacts = _history(db, 9)
    model = make_model(db, [PRICING], name="Engagement", is_primary=True)  # queues the run
    (run,) = db.scalars(select(RescoreRun).where(RescoreRun.status == "queued"))
    assert run_jobs(db, RESCORE_JOB) == 1  # opens the run: one job per lane
    lanes = [
        dict(job.payload)
        for job in db.scalars(select(Job).where(Job.kind == RESCORE_JOB, Job.status == "queued"))
    ]
    assert [lane["after_id"] for lane in lanes] == [contacts[0].id - 1, lanes[1]["after_id"]]
    assert lanes[0]["until_id"] == lanes[1]["after_id"] and lanes[1]["until_id"] is None
    db.refresh(run)
    assert (run.status, run.lanes_open, run.contacts_total) == ("running", 2, len(contacts))
    assert run_jobs(db, RESCORE_JOB) == 2
    db.refresh(run)
    assert (run.status, run.lanes_open, run.contacts_done) == ("done", 0, len(contacts))
    assert run.finished_at is not None
    by_lanes = _scores(db)
    assert {by_lanes[(c.id, model.id)] for c in contacts} == {0.0, 5.0, 10.0, 15.0}
    service.rescore_all(db, reason="in one go", actor=SYSTEM)
    assert _scores(db) == by_lanes


def test_a_lane_job_for_a_run_finished_meanwhile_does_nothing(db: Session) -> None:
    _history(db, 3)
    make_model(db, [PRICING], name="Engagement", is_primary=True)
    run = service.rescore_all(db, reason="done here", actor=SYSTEM)  # takes the queued run
    assert (run.status, run.contacts_done) == ("done", 3)
    assert service.rescore_chunk(db, run.id, Lane(0, None)) is None
    db.refresh(run)
    assert run.contacts_done == 3


def test_two_worker_threads_run_the_lanes_side_by_side(own_engine: Engine, two_lanes: None) -> None:
    """Real threads, real commits: the lanes' progress updates of one run row must add up
    (and on PostgreSQL the two lanes' transactions do overlap)."""
    factory: sessionmaker[Session] = session_factory(own_engine)
    with unit_of_work(factory) as session:
        _history(session, 40)
        model_id = make_model(session, [PRICING], name="Engagement", is_primary=True).id
    worker = Worker(factory, idle_seconds=0.05, threads=get_settings().background_threads)
    worker.start_in_thread()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with factory() as session:
                run = session.scalars(select(RescoreRun)).one()
                if run.status == "done":
                    break
            time.sleep(0.05)
    finally:
        worker.stop()
    assert (run.status, run.contacts_done, run.contacts_total, run.lanes_open) == (
        "done",
        40,
        40,
        0,
    )
    with factory() as session:
        ran = session.scalars(
            select(Job.locked_by).where(Job.kind == RESCORE_JOB, Job.status == "done")
        ).all()
        assert len(ran) == 3  # the opener and one job per lane (each lane is one chunk)
        by_lanes = _scores(session)
        assert {by_lanes[(n, model_id)] for n in session.scalars(select(Contact.id))} == {
            0.0,
            5.0,
            10.0,
            15.0,
        }
