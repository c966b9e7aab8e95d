"""What a warning or a breach does beyond the clock: the owner hears of it, a breach goes to
their manager, and a term that asks for it routes the lead again past the rep who let it
breach. Routing and notifications are the real ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.jobs import Job, handler_for
from huddle.notifications.models import Notification
from huddle.routing import service as routing
from huddle.sla import service
from huddle.sla.models import SlaClock
from huddle.sla.service.alerts import ALERTS_JOB
from tests.conftest import make_user
from tests.contacts.factories import make_contact
from tests.routing.factories import make_mql, make_pool, make_rep, make_rule
from tests.sla.factories import activate

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def send_queued_alerts(db: Session) -> None:
    """Run the alerts job the pass queued, as the worker would."""
    job = db.scalars(select(Job).where(Job.kind == ALERTS_JOB, Job.status == "queued")).one()
    handler_for(ALERTS_JOB)(db, job.payload)


def kinds_for(db: Session, user_id: int) -> list[str]:
    query = select(Notification.kind).where(Notification.user_id == user_id)
    return sorted(db.scalars(query.order_by(Notification.id)))


def setup_pool(db: Session) -> tuple[int, int, int]:
    manager = make_user(db, name="Max Manager", role="sales_manager", team="sales")
    ann = make_rep(db, "Ann", manager_id=manager.id)
    ben = make_rep(db, "Ben", manager_id=manager.id)
    pool = make_pool(db, "Inside sales", [(ann, 1), (ben, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id)
    return manager.id, ann.id, ben.id


def test_a_breach_tells_the_owner_escalates_and_reroutes_past_them(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(MONDAY_10)
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1, "reroute": True}])
    manager, ann, ben = setup_pool(db)
    contact = make_contact(db, first_name="Lena", last_name="Lead")
    first = make_mql(db, contact)
    owner = first.owner_id
    other = ben if owner == ann else ann

    frozen_clock.advance(timedelta(hours=1, minutes=1))
    result = service.run_due(db)
    send_queued_alerts(db)

    assert (result.breached, result.escalated) == (1, 1)
    assert "sla.breached" in kinds_for(db, owner)
    assert kinds_for(db, manager) == ["sla.escalated"]
    note = db.scalars(select(Notification).where(Notification.kind == "sla.escalated")).one()
    assert "Lena Lead" in note.subject and note.link == f"/contacts/{contact.id}"
    again = routing.latest_handoff(db, contact.id)
    assert again is not None and again.id != first.id
    assert again.owner_id == other
    assert first.status == "rerouted"
    passed_over = {c["user_id"]: c["skipped"] for c in again.candidates}
    assert passed_over[owner] == "let 'first_touch' breach on this lead"
    # The new owner's clock runs from the re-routing, under the same term.
    running = db.scalars(
        select(SlaClock).where(SlaClock.contact_id == contact.id, SlaClock.state == "running")
    ).one()
    assert (running.owner_id, running.started_at) == (other, clock.now())


def test_without_reroute_the_lead_stays_with_its_owner(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(MONDAY_10)
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 1}])
    setup_pool(db)
    first = make_mql(db, make_contact(db))

    frozen_clock.advance(timedelta(hours=2))
    service.run_due(db)

    assert routing.latest_handoff(db, first.contact_id).id == first.id  # type: ignore[union-attr]
    assert first.status == "open"


def test_a_warning_tells_the_owner_when_it_is_due(
    db: Session, frozen_clock: clock.FrozenClock
) -> None:
    frozen_clock.set(MONDAY_10)
    activate(db, [{"key": "first_touch", "kind": "first_touch", "hours": 4, "warn_at": 0.5}])
    setup_pool(db)
    handoff = make_mql(db, make_contact(db))

    frozen_clock.advance(timedelta(hours=2, minutes=1))
    result = service.run_due(db)
    queued_only = select(Notification).where(Notification.kind.startswith("sla."))
    assert db.scalars(queued_only).all() == [], "the pass only queues the alerts"
    send_queued_alerts(db)

    assert result.warned == 1 and result.breached == 0
    assert handoff.owner_id is not None
    note = db.scalars(
        select(Notification).where(
            Notification.user_id == handoff.owner_id, Notification.kind == "sla.warning"
        )
    ).one()
    assert "due soon (due Mon 23 Nov 14:00 UTC)" in note.subject
