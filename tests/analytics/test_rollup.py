"""The fast path equals the plain count: the funnel's roll-up (``funnel_journeys``), kept up
to date as history is added and contacts are merged or erased, gives exactly the figures of
a grouping of the whole stage history, on random histories; and it keeps every moment to
the microsecond."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from huddle.analytics import repository, service, tasks
from huddle.analytics.models import FunnelJourney
from huddle.analytics.schemas import FunnelView
from huddle.auth.models import User
from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.core.actor import Actor
from huddle.core.jobs import Job, ensure_periodic, handler_for
from huddle.core.stages import STAGES
from huddle.privacy import service as privacy_service
from tests.analytics.factories import journey
from tests.contacts.factories import make_contact
from tests.lifecycle.factories import make_transition

YEAR = (date(2024, 1, 1), date(2024, 12, 31))
SOURCES = ("google", "linkedin", None)


@pytest.fixture
def actor(admin: User) -> Actor:
    return Actor.user(admin.id, role="admin")


def _random_history(db: Session, rng: random.Random, contacts: int) -> list[int]:
    ids = []
    for _ in range(contacts):
        contact = make_contact(
            db,
            first_touch_source=rng.choice(SOURCES),
            first_touch_at=datetime(2023, 12, 1, tzinfo=UTC) + timedelta(hours=rng.randrange(9000)),
        )
        _add_moves(db, rng, contact.id, rng.randrange(1, 6))
        ids.append(contact.id)
    return ids


def _add_moves(db: Session, rng: random.Random, contact_id: int, moves: int) -> None:
    moment = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randrange(8000))
    for _ in range(moves):
        make_transition(db, contact_id=contact_id, to_stage=rng.choice(list(STAGES)), at=moment)
        moment += timedelta(hours=rng.randrange(1, 900))


def _assert_same(db: Session, actor: Actor) -> None:
    for view in FunnelView:
        for by in (None, "source"):
            kwargs: dict[str, Any] = {"view": view, "start": YEAR[0], "end": YEAR[1], "by": by}
            assert service.funnel(db, actor, **kwargs) == service.funnel(
                db, actor, **kwargs, recount=True
            )
    fast = service.velocity(db, actor, start=YEAR[0], end=YEAR[1])
    assert fast == service.velocity(db, actor, start=YEAR[0], end=YEAR[1], recount=True)


def test_the_rollup_equals_a_recount_as_history_grows_and_contacts_merge(
    db: Session, actor: Actor
) -> None:
    rng = random.Random(19)
    ids = _random_history(db, rng, 60)
    _assert_same(db, actor)
    # More history for old contacts and new ones: only those are rebuilt.
    for contact_id in rng.sample(ids, 10):
        _add_moves(db, rng, contact_id, 2)
    ids += _random_history(db, rng, 5)
    assert repository.refresh_journeys(db) == 15
    _assert_same(db, actor)
    # A merge moves history without new rows: the survivor is rebuilt all the same.
    contacts_service.merge_contacts(db, ids[0], ids[1], actor=actor)
    _assert_same(db, actor)
    # An erasure keeps the history (the counts stay) and blanks what the breakdown reads.
    privacy_service.erase_personal_data(db, ids[2], actor=actor)
    _assert_same(db, actor)
    assert db.scalar(select(func.count()).select_from(FunnelJourney)) == db.scalar(
        select(func.count(repository.T.c.contact_id.distinct())).where(
            repository.T.c.to_stage.in_(
                ("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer")
            )
        )
    )
    # Nothing new: nothing rebuilt.
    assert repository.refresh_journeys(db) == 0


def _period_counts(db: Session, actor: Actor) -> dict[str, int]:
    report = service.funnel(db, actor, view=FunnelView.PERIOD, start=YEAR[0], end=YEAR[1])
    return {step.stage: step.count for step in report.total.steps}


def test_contacts_added_after_others_were_deleted_are_all_counted(
    db: Session, actor: Actor
) -> None:
    """Deleting contacts deletes their history, the newest rows: ids SQLite once handed out
    again to the next rows, which the roll-up then took for rows it had already seen."""
    for _ in range(2):
        journey(db, ("lead", "2024-02-01"), ("mql", "2024-02-03"))
    gone = [journey(db, ("lead", "2024-03-01"), ("mql", "2024-03-04")) for _ in range(2)]
    assert _period_counts(db, actor)["mql"] == 4  # the roll-up has seen every row
    db.execute(delete(Contact).where(Contact.id.in_([c.id for c in gone])))
    for _ in range(3):
        journey(db, ("lead", "2024-04-01"), ("mql", "2024-04-02"), ("sal", "2024-04-09"))

    # By hand: the two kept contacts and the three new ones are leads and MQLs; the new
    # ones alone are SALs; the deleted ones count nowhere.
    counts = _period_counts(db, actor)
    assert (counts["lead"], counts["mql"], counts["sal"], counts["sql"]) == (5, 5, 3, 0)
    _assert_same(db, actor)


def test_moments_are_kept_to_the_microsecond(db: Session, actor: Actor) -> None:
    """A millionth of a second before April is March; a span of 1.500001 s is 2 s, one of
    0.4 s is 0 s: on the fast path and the plain count alike."""
    journey(
        db, ("lead", "2024-03-31T23:59:59.999999+00:00"), ("mql", "2024-04-01T00:00:01.5+00:00")
    )
    journey(db, ("lead", "2024-04-01T00:00:00+00:00"), ("mql", "2024-04-01T00:00:00.4+00:00"))
    for recount in (False, True):
        cohorts = service.funnel(
            db,
            actor,
            view=FunnelView.COHORT,
            start=date(2024, 3, 1),
            end=date(2024, 4, 30),
            recount=recount,
        )
        assert {row.cohort: row.steps[1].count for row in cohorts.rows} == {
            "2024-03": 1,
            "2024-04": 1,
        }
        march = service.funnel(
            db,
            actor,
            view=FunnelView.PERIOD,
            start=date(2024, 3, 1),
            end=date(2024, 3, 31),
            recount=recount,
        )
        assert (march.total.steps[1].count, march.total.steps[2].count) == (1, 0)
        report = service.velocity(
            db, actor, start=date(2024, 4, 1), end=date(2024, 4, 30), recount=recount
        )
        lead_to_mql = next(p for p in report.pairs if (p.from_stage, p.to_stage) == ("lead", "mql"))
        assert (lead_to_mql.count, lead_to_mql.median_seconds, lead_to_mql.mean_seconds) == (
            2,
            1.0,
            1.0,
        )


def test_the_background_job_builds_the_roll_up_and_queues_its_next_run(
    db: Session, actor: Actor
) -> None:
    """The worker's periodic job does the roll-up's work (its first build after an upgrade
    or a history import is 15 s at a million contacts), so a report finds it current and
    has nothing left to rebuild; the job is queued again for later."""
    _random_history(db, random.Random(7), 12)
    assert tasks.REFRESH_JOB in ensure_periodic(db)

    handler_for(tasks.REFRESH_JOB)(db, {})  # as the worker runs it

    assert repository.refresh_journeys(db) == 0  # what a report would have done: nothing
    journeys = db.scalar(select(func.count()).select_from(FunnelJourney))
    assert journeys == db.scalar(select(func.count()).select_from(repository.recount()))
    queued = db.scalars(select(Job.run_after).where(Job.kind == tasks.REFRESH_JOB)).all()
    assert len(queued) == 2  # the run ensure_periodic queued, and the next one, later
    _assert_same(db, actor)
