"""Telling people about clocks: the owner of a clock that is due soon or breached, and
the manager a breach is escalated to, in-app and by email (``notifications.notify``).

The worker's pass only queues one job with the clocks it marked: a minute with a thousand
breaches must not spend seconds writing notifications inside the pass."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts.schemas.normalize import full_name
from huddle.core.jobs import enqueue
from huddle.notifications import service as notifications
from huddle.notifications.schemas import SlaAlertData
from huddle.sla.repository import leads
from huddle.sla.service.versions import TermCache

ALERTS_JOB = "sla.alerts"
# What each kind of alert says after "<term> for <lead>".
SAYS = {
    "sla.warning": "due soon",
    "sla.breached": "SLA breached",
    "sla.escalated": "breached; escalated to you",
}


def queue_alerts(
    session: Session,
    *,
    warned: Sequence[tuple[int, int | None]] = (),
    breached: Sequence[tuple[int, int | None]] = (),
    escalated: Sequence[tuple[int, int]] = (),
) -> None:
    """One job for the pass: (clock id, user to tell) per kind; clocks without an owner
    have nobody to tell."""
    recipients = [
        *(["sla.warning", c, u] for c, u in warned if u is not None),
        *(["sla.breached", c, u] for c, u in breached if u is not None),
        *(["sla.escalated", c, u] for c, u in escalated),
    ]
    if recipients:
        enqueue(session, ALERTS_JOB, {"alerts": recipients})


def send_alerts(session: Session, payload: dict[str, Any]) -> None:
    alerts: list[list[Any]] = payload["alerts"]
    clock_ids = sorted({clock_id for _, clock_id, _ in alerts})
    clocks = {row.id: row for row in leads.clocks_with_their_leads(session, clock_ids)}
    terms = TermCache(session)
    for kind, clock_id, user_id in alerts:
        row = clocks.get(clock_id)
        if row is None:  # the contact was erased or merged away since
            continue
        term = terms.terms(row.version_id).get(row.term_key)
        label = term.label if term else row.term_key
        lead = full_name(row.first_name, row.last_name) or row.email
        due = f" (due {row.due_at:%a %d %b %H:%M} UTC)" if row.due_at else ""
        notifications.notify(
            session,
            user_id=user_id,
            kind=kind,
            subject=f"{label} for {lead}: {SAYS[kind]}{due}",
            body=f"{label} for {lead}: {SAYS[kind]}{due}. The contact page shows the clock.",
            link=f"/contacts/{row.contact_id}",
            data=SlaAlertData(clock_id=clock_id, contact_id=row.contact_id),
        )
