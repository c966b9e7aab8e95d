"""What sales does with a hand-off: accept (the lead becomes SAL), reject with a reason
(it is recycled to marketing), log their activity; and the stalled-lead recycler."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactUpdate, TouchCreate
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, NotPermitted, found
from huddle.core.events import publish
from huddle.core.permissions import OWN_RECORDS_ONLY, Action, require, require_owned
from huddle.core.scrub import scrub
from huddle.core.settings import get_settings
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.events import StageChanged
from huddle.notifications import service as notifications
from huddle.routing import repository
from huddle.routing.events import SALES_ACTIVITY_TYPES, HandoffDecided, LeadRecycled
from huddle.routing.models import Handoff
from huddle.routing.schemas import ACTIVITY_TYPES, ActivityWrite
from huddle.scoring import service as scoring

if TYPE_CHECKING:
    from huddle.contacts.models import Contact, Touch

STALLED_BATCH = 500
QUEUE_PAGE = 50
RECYCLER = Actor("rule", label="stalled lead recycler")


DECIDING = "routing.deciding"
WORKED_STAGES = ("sal", "sql", "opportunity", "customer")
CLOSED_STAGES = ("recycled", "disqualified", "lost")


@contextmanager
def _deciding_on(session: Session, handoff_id: int) -> Iterator[None]:
    """While a decision moves the stage, the stage subscriber leaves this hand-off alone."""
    session.info[DECIDING] = handoff_id
    try:
        yield
    finally:
        session.info.pop(DECIDING, None)


def close_on_stage_change(session: Session, event: StageChanged) -> None:
    """A lead moved on outside the queue (a rep set SQL by hand, marketing disqualified
    it): its open hand-off is decided by that move, so the SLA's clocks stop too."""
    if event.to_stage not in WORKED_STAGES + CLOSED_STAGES:
        return
    skip = session.info.get(DECIDING)
    for handoff in repository.open_for_contact(session, event.contact_id):
        if handoff.id == skip:
            continue
        accepted = event.to_stage in WORKED_STAGES
        reason = None if accepted else (event.reason or f"moved to {event.to_stage}")
        handoff.status = "accepted" if accepted else "rejected"
        handoff.decided_at, handoff.decided_by_id = event.at, event.actor.user_id
        handoff.decision_reason = reason or f"moved to {event.to_stage}"
        session.flush()
        owner = handoff.owner_id or event.actor.user_id or 0
        publish(
            session,
            HandoffDecided(
                handoff_id=handoff.id,
                contact_id=handoff.contact_id,
                owner_id=owner,
                accepted=accepted,
                reason=reason,
                at=event.at,
                actor=event.actor,
            ),
        )
        if event.to_stage == "recycled":
            publish(
                session,
                LeadRecycled(
                    handoff_id=handoff.id,
                    contact_id=handoff.contact_id,
                    reason=reason or "recycled",
                    at=event.at,
                    actor=event.actor,
                ),
            )
            _apply_recycle_score_rule(session, handoff.contact_id, event.at, reason or "recycled")


def get_handoff(session: Session, handoff_id: int, *, actor: Actor) -> Handoff:
    """A hand-off for whoever may see it: its owner, managers, routing editors, admins;
    a rep sees only their own and their pools' unassigned ones."""
    handoff = found(session.get(Handoff, handoff_id), f"hand-off {handoff_id}")
    require(actor, Action.CONTACT_READ)
    if (
        actor.kind == "user"
        and actor.role in OWN_RECORDS_ONLY
        and handoff.owner_id not in (None, actor.user_id)
    ):
        raise NotPermitted("this lead was handed to another rep")
    return handoff


def handoff_contact_ids(session: Session, handoff_ids: Collection[int]) -> dict[int, int]:
    """The lead each of these hand-offs was of, by hand-off id (pages naming hand-offs by
    their lead rather than by a number)."""
    ids = sorted(set(handoff_ids))
    return repository.handoff_contact_ids(session, ids) if ids else {}


def latest_handoff(session: Session, contact_id: int) -> Handoff | None:
    return repository.latest_for_contact(session, contact_id)


def my_pool_ids(session: Session, actor: Actor) -> list[int]:
    """Pools whose unassigned queue the user sees: those they manage or belong to."""
    if actor.user_id is None:
        return []
    managed = [p.id for p in repository.pools(session) if p.manager_id == actor.user_id]
    member = [
        m.pool_id
        for m in repository.members_of(session, [p.id for p in repository.pools(session)])
        if m.user_id == actor.user_id
    ]
    return sorted(set(managed) | set(member))


def sales_queue(
    session: Session,
    *,
    actor: Actor,
    before: tuple[datetime, int] | None = None,
    limit: int = QUEUE_PAGE,
) -> list[Handoff]:
    """Open hand-offs routed to the user and their pools' unassigned queue, newest first."""
    require(actor, Action.CONTACT_READ)
    return repository.queue(
        session,
        owner_id=actor.user_id,
        pool_ids=my_pool_ids(session, actor),
        before=before,
        limit=min(max(limit, 1), 200),
    )


def likeliest_first(session: Session, handoffs: list[Handoff]) -> list[Handoff] | None:
    """The hand-offs ordered by the contacts' predicted conversion, most likely first (the
    newest first among equals), or None when no trained model predicts conversion."""
    predicted = scoring.predicted_values(session, sorted({h.contact_id for h in handoffs}))
    if predicted is None:
        return None
    newest_first = sorted(handoffs, key=lambda h: (h.at, h.id), reverse=True)
    return sorted(newest_first, key=lambda h: predicted[h.contact_id], reverse=True)


def queue_news(session: Session, *, actor: Actor, after: tuple[datetime, int] | None) -> int:
    """How many open hand-offs in the actor's queue are newer than the one a page shows
    first (``after``: its time and id; None: the page showed none), up to a page."""
    return sum(
        1 for h in sales_queue(session, actor=actor) if after is None or (h.at, h.id) > after
    )


def _open_for_decision(session: Session, handoff_id: int, actor: Actor) -> Handoff:
    require(actor, Action.LEAD_REJECT)
    handoff = get_handoff(session, handoff_id, actor=actor)
    if handoff.status != "open":
        raise Conflict(f"hand-off {handoff_id} was already {handoff.status}")
    # A rep decides on the leads handed to them and those waiting in a team queue.
    require_owned(actor, Action.LEAD_REJECT, handoff.owner_id)
    return handoff


def _claimed_by(source: str, actor: Actor) -> Actor:
    # The hand-off gives the lead to whoever accepts it from the queue (routing decided so),
    # even if a former owner still holds the contact; the person accepting is kept too.
    return Actor("rule", user_id=actor.user_id, label=f"lead accepted {source}")


def _accepted_from(handoff: Handoff) -> str:
    """Where a lead being accepted comes from, in words (the timeline and the contact's
    history name no hand-off numbers)."""
    if handoff.owner_id is None:
        return f"from the {handoff.queue_name} queue"
    return "routed to them"


def accept_handoff(session: Session, handoff_id: int, *, actor: Actor) -> Handoff:
    """The rep takes the lead: it becomes SAL (by the rep). A lead waiting in a team queue
    becomes the accepting rep's."""
    handoff = _open_for_decision(session, handoff_id, actor)
    source = _accepted_from(handoff)
    if handoff.owner_id is None and actor.user_id is not None:
        handoff.owner_id = actor.user_id
        contacts_service.update_contact(
            session,
            handoff.contact_id,
            ContactUpdate(owner_id=actor.user_id),
            actor=_claimed_by(source, actor),
        )
    with _deciding_on(session, handoff.id):
        lifecycle.transition_stage(
            session,
            handoff.contact_id,
            "sal",
            actor=actor,
            reason=f"accepted the lead {source}",
        )
    _record_decision(session, handoff, accepted=True, reason=None, actor=actor)
    return handoff


def _record_decision(
    session: Session, handoff: Handoff, *, accepted: bool, reason: str | None, actor: Actor
) -> datetime:
    """Close the hand-off as the owner decided and tell the SLA (HandoffDecided)."""
    at = clock.now()
    handoff.status = "accepted" if accepted else "rejected"
    handoff.decided_at, handoff.decided_by_id = at, actor.user_id
    if reason is not None:
        handoff.decision_reason = reason
    session.flush()
    publish(
        session,
        HandoffDecided(
            handoff_id=handoff.id,
            contact_id=handoff.contact_id,
            owner_id=handoff.owner_id or actor.user_id or 0,
            accepted=accepted,
            reason=reason,
            at=at,
            actor=actor,
        ),
    )
    return at


def reject_handoff(
    session: Session, handoff_id: int, *, reason_code: str, note: str | None, actor: Actor
) -> Handoff:
    """The rep hands the lead back with one of lifecycle's rejection reasons (422 without
    one): HandoffDecided(accepted=False), then the lead is recycled (LeadRecycled)."""
    handoff = _open_for_decision(session, handoff_id, actor)
    with _deciding_on(session, handoff.id):
        lifecycle.reject_lead(
            session, handoff.contact_id, reason_code=reason_code, note=note, actor=actor
        )
    reason = reason_code + (f": {note.strip()}" if note and note.strip() else "")
    at = _record_decision(session, handoff, accepted=False, reason=reason, actor=actor)
    publish(
        session,
        LeadRecycled(
            handoff_id=handoff.id,
            contact_id=handoff.contact_id,
            reason=f"rejected by sales: {reason}",
            at=at,
            actor=actor,
        ),
    )
    _apply_recycle_score_rule(session, handoff.contact_id, at, f"rejected by sales: {reason}")
    return handoff


def _apply_recycle_score_rule(session: Session, contact_id: int, at: datetime, reason: str) -> None:
    """The configured score rule for a recycled lead (``HUDDLE_RECYCLE_SCORES``)."""
    if get_settings().recycle_scores == "reset_behaviour":
        scoring.reset_behaviour(session, contact_id, at=at, reason=f"recycled, {reason}")


def recycle_stalled(session: Session, *, now: datetime | None = None) -> list[int]:
    """Hand-offs with no decision or sales activity for ``handoff_stall_days`` go back to
    marketing (stage Recycled, LeadRecycled). Returns the recycled hand-off ids."""
    days = get_settings().handoff_stall_days
    at = now or clock.now()
    recycled = []
    for handoff in repository.stalled(
        session,
        cutoff=at - timedelta(days=days),
        activity_types=SALES_ACTIVITY_TYPES,
        limit=STALLED_BATCH,
    ):
        contact = contacts_service.get_contact(session, handoff.contact_id)
        reason = f"stalled: no decision or sales activity in {days} days"
        if contact.lifecycle_stage in ("mql", "sal"):
            with _deciding_on(session, handoff.id):
                lifecycle.transition_stage(
                    session, handoff.contact_id, "recycled", actor=RECYCLER, reason=reason
                )
        handoff.status, handoff.decided_at, handoff.decision_reason = "recycled", at, reason
        session.flush()
        publish(
            session,
            LeadRecycled(
                handoff_id=handoff.id,
                contact_id=handoff.contact_id,
                reason=reason,
                at=at,
                actor=RECYCLER,
            ),
        )
        recycled.append(handoff.id)
        _apply_recycle_score_rule(session, handoff.contact_id, at, reason)
    return recycled


def log_activity(session: Session, contact_id: int, data: ActivityWrite, *, actor: Actor) -> Touch:
    """A call, email or meeting the rep had with the lead, recorded as a touch by them."""
    require(actor, Action.TOUCH_WRITE)
    properties = {"note": data.note.strip()} if data.note and data.note.strip() else {}
    return contacts_service.record_touch(
        session,
        TouchCreate(
            type=ACTIVITY_TYPES[data.kind],
            contact_id=contact_id,
            occurred_at=data.occurred_at or clock.now(),
            properties=properties,
        ),
        actor=actor,
    )


def queue_contacts(session: Session, handoffs: list[Handoff]) -> dict[int, Contact]:
    return repository.contacts_by_id(session, sorted({h.contact_id for h in handoffs}))


def scrub_contact(session: Session, contact_id: int, needles: tuple[str, ...]) -> None:
    """Erasure: the contact's hand-offs keep their decisions but lose personal values (in
    the packet, the reasons); so do the notifications, emails and webhooks about them."""
    for handoff in repository.handoffs_of(session, contact_id):
        handoff.packet = scrub(handoff.packet, needles)
        handoff.reason = scrub(handoff.reason, needles)
        handoff.decision_reason = scrub(handoff.decision_reason, needles)
    session.flush()
    notifications.scrub_values(session, needles)
