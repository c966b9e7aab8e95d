"""Routing's JSON API (under /api/v1): rules, pools, routing a lead, the sales queue,
accept/reject and logged activity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, status
from fastapi.responses import Response

from huddle.auth import service as auth_service
from huddle.auth.deps import CurrentActor, CurrentUser
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import TouchRead
from huddle.core.actor import Actor
from huddle.core.bounds import RowId
from huddle.core.timefields import UtcDatetime
from huddle.routing import service
from huddle.routing.events import rule_label
from huddle.routing.schemas import (
    ActivityWrite,
    HandoffRead,
    PoolRead,
    PoolWrite,
    QueueEntryRead,
    QueueNewsRead,
    RejectWrite,
    RuleRead,
    RuleWrite,
)
from huddle.web.deps import SessionDep

if TYPE_CHECKING:
    from huddle.routing.models import Handoff

router = APIRouter(tags=["routing"])


@router.get("/routing/rules", operation_id="routing_rules.list", response_model=list[RuleRead])
def list_rules(user: CurrentUser, session: SessionDep) -> list[RuleRead]:
    """The routing rules in the order they are tried."""
    return [RuleRead.model_validate(r) for r in service.list_rules(session)]


@router.post(
    "/routing/rules",
    operation_id="routing_rules.create",
    response_model=RuleRead,
    status_code=status.HTTP_201_CREATED,
)
def create_rule(actor: CurrentActor, session: SessionDep, data: RuleWrite) -> RuleRead:
    """Add a rule (marketing-ops, sales managers, admins); 422 names the wrong field."""
    return RuleRead.model_validate(service.save_rule(session, data, actor=actor))


@router.put(
    "/routing/rules/{rule_id:int}", operation_id="routing_rules.update", response_model=RuleRead
)
def update_rule(
    actor: CurrentActor, session: SessionDep, rule_id: int, data: RuleWrite
) -> RuleRead:
    """Change a rule."""
    return RuleRead.model_validate(service.save_rule(session, data, actor=actor, rule_id=rule_id))


@router.delete(
    "/routing/rules/{rule_id:int}",
    operation_id="routing_rules.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def delete_rule(actor: CurrentActor, session: SessionDep, rule_id: int) -> Response:
    """Remove a rule; hand-offs it decided keep its name."""
    service.delete_rule(session, rule_id, actor=actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/routing/pools", operation_id="pools.list", response_model=list[PoolRead])
def list_pools(user: CurrentUser, session: SessionDep) -> list[PoolRead]:
    """Team pools with their weighted reps and round-robin credits."""
    return service.list_pools(session)


@router.post(
    "/routing/pools",
    operation_id="pools.create",
    response_model=PoolRead,
    status_code=status.HTTP_201_CREATED,
)
def create_pool(actor: CurrentActor, session: SessionDep, data: PoolWrite) -> PoolRead:
    """Add a team pool."""
    pool = service.save_pool(session, data, actor=actor)
    return next(p for p in service.list_pools(session) if p.id == pool.id)


@router.put("/routing/pools/{pool_id:int}", operation_id="pools.update", response_model=PoolRead)
def update_pool(
    actor: CurrentActor, session: SessionDep, pool_id: int, data: PoolWrite
) -> PoolRead:
    """Change a pool's manager or reps."""
    service.save_pool(session, data, actor=actor, pool_id=pool_id)
    return next(p for p in service.list_pools(session) if p.id == pool_id)


@router.post(
    "/contacts/{contact_id:int}/route",
    operation_id="routing.route_contact",
    response_model=HandoffRead,
    status_code=status.HTTP_201_CREATED,
)
def route_now(actor: CurrentActor, session: SessionDep, contact_id: int) -> HandoffRead:
    """Route (or re-route) an MQL or SAL now; the open hand-off, if any, is replaced."""
    return HandoffRead.model_validate(service.route_contact(session, contact_id, actor=actor))


@router.get("/queue", operation_id="queue.list", response_model=list[HandoffRead])
def sales_queue(
    actor: CurrentActor,
    session: SessionDep,
    before_at: UtcDatetime | None = None,
    before_id: RowId | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[HandoffRead]:
    """Open hand-offs routed to me and waiting in my pools' queues, newest first. Page on
    with the last item's ``at`` and ``id`` as ``before_at``/``before_id``."""
    before = (before_at, before_id) if before_at and before_id else None
    found = service.sales_queue(session, actor=actor, before=before, limit=limit)
    return [HandoffRead.model_validate(h) for h in found]


@router.get("/handoffs/{handoff_id:int}", operation_id="handoffs.get", response_model=HandoffRead)
def get_handoff(actor: CurrentActor, session: SessionDep, handoff_id: int) -> HandoffRead:
    """One hand-off with its decision trail and packet."""
    return HandoffRead.model_validate(service.get_handoff(session, handoff_id, actor=actor))


@router.post(
    "/handoffs/{handoff_id:int}/accept", operation_id="handoffs.accept", response_model=HandoffRead
)
def accept(actor: CurrentActor, session: SessionDep, handoff_id: int) -> HandoffRead:
    """Accept: the lead becomes SAL. Only the rep it was handed to (or a manager)."""
    return HandoffRead.model_validate(service.accept_handoff(session, handoff_id, actor=actor))


@router.post(
    "/handoffs/{handoff_id:int}/reject", operation_id="handoffs.reject", response_model=HandoffRead
)
def reject(
    actor: CurrentActor, session: SessionDep, handoff_id: int, data: RejectWrite
) -> HandoffRead:
    """Reject with a rejection reason: the lead is recycled to marketing."""
    handoff = service.reject_handoff(
        session, handoff_id, reason_code=data.reason_code, note=data.note, actor=actor
    )
    return HandoffRead.model_validate(handoff)


@router.post(
    "/contacts/{contact_id:int}/activities",
    operation_id="routing.log_activity",
    response_model=TouchRead,
    status_code=status.HTTP_201_CREATED,
)
def log_activity(
    actor: CurrentActor, session: SessionDep, contact_id: int, data: ActivityWrite
) -> TouchRead:
    """Log a call, email or meeting with the contact (a touch by you)."""
    return TouchRead.model_validate(service.log_activity(session, contact_id, data, actor=actor))


# --- the sales queue and the packet as the pages show them --------------------------------


def _queue_entries(
    session: SessionDep, actor: Actor, handoffs: list[Handoff]
) -> list[QueueEntryRead]:
    """The hand-offs with their leads (as the actor may see them) and the names the pages
    print, from the services the pages use."""
    contacts = service.queue_contacts(session, handoffs)
    users = auth_service.users_by_id(session)
    return [
        QueueEntryRead(
            handoff=HandoffRead.model_validate(h),
            contact=contacts_service.contact_read(contacts[h.contact_id], actor=actor),
            rule_label=rule_label(h.rule),
            owner_name=users[h.owner_id].name if h.owner_id in users else None,
        )
        for h in handoffs
    ]


@router.get("/queue/entries", operation_id="queue.entries", response_model=list[QueueEntryRead])
def sales_queue_entries(
    actor: CurrentActor,
    session: SessionDep,
    before_at: UtcDatetime | None = None,
    before_id: RowId | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[QueueEntryRead]:
    """The sales queue as its page shows it: ``/queue``'s hand-offs, each with its lead,
    its rule and its rep by name. Page on as with ``/queue``."""
    before = (before_at, before_id) if before_at and before_id else None
    found = service.sales_queue(session, actor=actor, before=before, limit=limit)
    return _queue_entries(session, actor, found)


@router.get("/queue/news", operation_id="queue.news", response_model=QueueNewsRead)
def sales_queue_news(
    actor: CurrentActor,
    session: SessionDep,
    after_at: UtcDatetime | None = None,
    after_id: RowId | None = None,
) -> QueueNewsRead:
    """How many leads arrived in my queue above the newest I show (its ``at`` and ``id`` as
    ``after_at``/``after_id``): what the queue page polls for its "new leads" pill."""
    after = (after_at, after_id) if after_at and after_id else None
    return QueueNewsRead(fresh=service.queue_news(session, actor=actor, after=after))


@router.get("/queue/{handoff_id:int}", operation_id="queue.packet", response_model=QueueEntryRead)
def packet(actor: CurrentActor, session: SessionDep, handoff_id: int) -> QueueEntryRead:
    """One hand-off as its packet page shows it. A rep sees their own and their teams'
    unassigned ones (403 for another rep's)."""
    handoff = service.get_handoff(session, handoff_id, actor=actor)
    return _queue_entries(session, actor, [handoff])[0]
