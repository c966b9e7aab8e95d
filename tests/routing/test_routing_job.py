"""Routing a lead that qualified is a job after the commit: a routing failure never
refuses the page view that qualified the lead, the job is retried, and however often it
runs (again after a crash between its commit and its "done"), the lead is routed once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from huddle.contacts.models import Contact, Touch
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.core.jobs import Job, run_one
from huddle.core.settings import Settings
from huddle.lifecycle import service as lifecycle
from huddle.notifications.models import Notification
from huddle.routing import service
from huddle.routing.models import Handoff
from huddle.routing.service import routing as router_module
from huddle.scoring.service import RESCORE_JOB
from huddle.tracking import service as tracking
from tests.contacts.factories import make_contact
from tests.jobs import route_qualified_leads, run_due_jobs, worker_sessions
from tests.routing.factories import make_pool, make_rep, make_rule
from tests.scoring.factories import make_model, set_mql, touch
from tests.tracking.factories import ORIGIN, make_site

VISITOR = "f1e2d3c4b5a6f7e8d9c0b1a2"
PAGES = [{"name": "Pages", "kind": "behaviour", "points": 10, "event": {"types": ["page_view"]}}]


class RoutingBroke(RuntimeError):
    pass


def _scored_and_routed(db: Session) -> Any:
    """A rep in a pool routed round-robin; one page view makes a lead an MQL."""
    rep = make_rep(db, "Ann")
    pool = make_pool(db, "Inside sales", [(rep, 1)])
    make_rule(db, kind="round_robin", position=1, pool_id=pool.id, respect_hours=False)
    model = make_model(db, PAGES, is_primary=True)
    set_mql(db, {"field": f"score.{model.id}", "op": "gte", "value": 5})
    return rep


def _handoffs(db: Session, contact_id: int) -> list[Handoff]:
    return list(db.scalars(select(Handoff).where(Handoff.contact_id == contact_id)))


def _told(db: Session, user_id: int) -> list[Notification]:
    return list(
        db.scalars(
            select(Notification).where(
                Notification.user_id == user_id, Notification.kind == "routing.handoff"
            )
        )
    )


def _routing_job(db: Session) -> Job:
    return db.scalars(
        select(Job).where(Job.kind == service.ROUTE_JOB).execution_options(populate_existing=True)
    ).one()


def _page_view(client: TestClient, site_key: str, token: str) -> int:
    body = {
        "k": site_key,
        "v": VISITOR,
        "e": [{"id": "pv1", "u": f"{ORIGIN}/pricing", "t": "Pricing", "r": ""}],
        "i": token,
    }
    headers = {"Content-Type": "text/plain", "Origin": ORIGIN}
    return client.post("/t/collect", content=orjson.dumps(body), headers=headers).status_code


def test_a_routing_failure_leaves_the_page_view_taken_and_the_job_routes_once(
    anon_client: TestClient,
    db: Session,
    settings: Settings,
    test_clock: clock.ShiftedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rep = _scored_and_routed(db)
    run_due_jobs(db, RESCORE_JOB)  # saving the model queued it; the worker ran it since
    site = make_site(db)
    contact = make_contact(db, first_name="Quinn")
    db.commit()

    def broken(self: object, rule: object) -> None:
        raise RoutingBroke("the round-robin rule failed")

    monkeypatch.setattr(router_module._Router, "round_robin", broken)
    token = tracking.identity_token(settings.secret_key, contact.id)

    # The page view that makes the lead an MQL is acknowledged and kept; routing waits.
    assert _page_view(anon_client, site.site_key, token) == 204
    [view] = db.scalars(select(Touch).where(Touch.visitor_id == VISITOR)).all()
    assert view.contact_id == contact.id
    assert db.get(Contact, contact.id, populate_existing=True).lifecycle_stage == "mql"
    assert _routing_job(db).status == "queued" and _handoffs(db, contact.id) == []

    # The worker runs the job: routing fails, nothing of it stays, the job is retried.
    workers = worker_sessions(db)
    assert run_one(workers, "worker-1")
    job = _routing_job(db)
    assert (job.status, job.attempts) == ("queued", 1)
    assert "RoutingBroke" in (job.last_error or "")
    assert job.run_after > clock.now()
    assert _handoffs(db, contact.id) == [] and _told(db, rep.id) == []

    # Routing works again; once the back-off has passed the retry routes the lead.
    monkeypatch.undo()
    test_clock.set(job.run_after + timedelta(seconds=1))
    assert run_one(workers, "worker-1")
    assert _routing_job(db).status == "done"
    [handoff] = _handoffs(db, contact.id)
    assert handoff.owner_id == rep.id and handoff.status == "open"
    assert len(_told(db, rep.id)) == 1

    # The worker died after the handler's commit, before "done": the lease runs out and
    # the job runs again. Then it is queued once more, as a second worker might find it.
    db.execute(
        update(Job)
        .where(Job.id == job.id)
        .values(status="running", lease_until=clock.now() - timedelta(seconds=1))
    )
    assert run_one(workers, "worker-2")
    assert _routing_job(db).status == "done"
    db.execute(update(Job).where(Job.id == job.id).values(status="queued"))
    assert run_one(workers, "worker-3")
    assert _routing_job(db).status == "done"

    assert [h.id for h in _handoffs(db, contact.id)] == [handoff.id]
    assert len(_told(db, rep.id)) == 1


def test_moving_to_mql_queues_the_routing_and_routes_nothing_yet(db: Session) -> None:
    _scored_and_routed(db)
    contact = make_contact(db)

    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM, reason="asked for a demo")

    assert _handoffs(db, contact.id) == []
    assert route_qualified_leads(db) == 1
    [handoff] = _handoffs(db, contact.id)
    assert handoff.reason.endswith("(asked for a demo)")
    assert route_qualified_leads(db) == 0


def test_a_lead_that_moved_on_before_the_job_ran_is_not_routed(db: Session) -> None:
    _scored_and_routed(db)
    contact = make_contact(db)
    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
    lifecycle.transition_stage(db, contact.id, "disqualified", actor=SYSTEM, reason="spam")

    assert route_qualified_leads(db) == 1
    assert _handoffs(db, contact.id) == []


def test_a_lead_routed_by_hand_before_the_job_ran_is_not_routed_again(db: Session) -> None:
    _scored_and_routed(db)
    contact = make_contact(db)
    lifecycle.transition_stage(db, contact.id, "mql", actor=SYSTEM)
    by_hand = service.route_contact(db, contact.id, actor=SYSTEM, note="routed by hand")

    assert route_qualified_leads(db) == 1
    assert [h.id for h in _handoffs(db, contact.id)] == [by_hand.id]


def test_each_qualification_is_routed_once(db: Session) -> None:
    rep = _scored_and_routed(db)
    contact = make_contact(db)
    touch(db, contact, "page_view")
    assert route_qualified_leads(db) == 1
    [first] = _handoffs(db, contact.id)

    lifecycle.reject_lead(db, contact.id, reason_code="no_budget", note=None, actor=SYSTEM)
    touch(db, contact, "page_view")  # back, and still over the bar: qualified again
    assert route_qualified_leads(db) == 1

    earlier, again = sorted(_handoffs(db, contact.id), key=lambda h: h.id)
    assert earlier.id == first.id
    assert again.status == "open" and again.owner_id == rep.id
