"""A lead that qualifies is routed by a job that runs after the commit that qualified it:
the touch (or the person's move) that made it an MQL commits whatever routing does, and a
routing failure leaves the job to be retried.

The job routes each qualification once. It carries the contact's newest hand-off id when
the lead qualified; a hand-off newer than that means the lead was routed since (by this
job on a run whose "done" was lost, or by a person), so a job run again routes nobody.
It carries no personal values (the jobs table is not erased): the hand-off's note, why
the lead qualified, is read from the stage move when the job runs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from huddle.core.jobs import enqueue
from huddle.routing import repository
from huddle.routing.models import Handoff
from huddle.routing.service.routing import ROUTABLE_STAGES, ROUTER, route_contact

ROUTE_JOB = "routing.route_qualified_lead"


def queue_routing(session: Session, contact_id: int) -> None:
    """Queue the routing of a lead that just qualified, in the caller's transaction (the
    job exists only if the move to MQL commits)."""
    enqueue(
        session,
        ROUTE_JOB,
        {
            "contact_id": contact_id,
            "handoffs_before": repository.newest_handoff_id(session, contact_id),
        },
    )


def route_qualified_lead(session: Session, payload: dict[str, Any]) -> Handoff | None:
    """Route the lead a ``queue_routing`` job names, unless it moved on (no longer MQL or
    SAL) or was routed since it qualified. Returns the hand-off made, if any."""
    contact_id = int(payload["contact_id"])
    # Locked (PostgreSQL) so a second run of the same job waits for the first to commit,
    # then sees its hand-off.
    stage = repository.lock_contact_stage(session, contact_id)
    if stage not in ROUTABLE_STAGES:
        return None
    if repository.handed_off_since(session, contact_id, int(payload["handoffs_before"])):
        return None
    note = repository.qualifying_reason(session, contact_id)
    return route_contact(session, contact_id, actor=ROUTER, note=note)
