"""JSON routes of the lifecycle domain: stage moves, configuration, opportunities."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status

from huddle.auth.deps import CurrentActor
from huddle.core.stages import FUNNEL, STAGES
from huddle.lifecycle import service
from huddle.lifecycle.models import Opportunity
from huddle.lifecycle.schemas import (
    REJECTABLE,
    AllowedTransitionsUpdate,
    ContactRoleRead,
    ContactWinRead,
    OpportunityClose,
    OpportunityClosedRead,
    OpportunityCreate,
    OpportunityDetail,
    OpportunityFilters,
    OpportunityMove,
    OpportunityPage,
    OpportunityRead,
    OpportunityUpdate,
    PipelineBoard,
    RejectionReasonCreate,
    RejectionReasonRead,
    RejectRequest,
    RoleOnDeal,
    StageChangeRequest,
    StageEntryRead,
    StageHistoryImport,
    StageRead,
    StageTransitionRead,
    TransitionPair,
)
from huddle.web.deps import SessionDep

router = APIRouter()

# --- a contact's stage ------------------------------------------------------------------


@router.post(
    "/contacts/{contact_id}/stage",
    operation_id="lifecycle.change_stage",
    response_model=StageTransitionRead,
    tags=["lifecycle"],
)
def change_stage(
    contact_id: int, body: StageChangeRequest, session: SessionDep, actor: CurrentActor
) -> object:
    """Move a contact to another lifecycle stage; 409 if the move is not allowed."""
    return service.transition_stage(
        session, contact_id, body.to_stage, actor=actor, reason=body.reason
    )


@router.post(
    "/contacts/{contact_id}/reject",
    operation_id="lifecycle.reject",
    response_model=StageTransitionRead,
    tags=["lifecycle"],
)
def reject_lead(
    contact_id: int, body: RejectRequest, session: SessionDep, actor: CurrentActor
) -> object:
    """Sales rejects an MQL or SAL back to marketing with a reason; it becomes Recycled."""
    return service.reject_lead(
        session, contact_id, reason_code=body.reason_code, note=body.note, actor=actor
    )


@router.get(
    "/contacts/{contact_id}/stage-history",
    operation_id="lifecycle.stage_history",
    response_model=list[StageTransitionRead],
    tags=["lifecycle"],
)
def stage_history(contact_id: int, session: SessionDep, actor: CurrentActor) -> object:
    """Every lifecycle move of the contact, oldest first."""
    return service.stage_history(session, contact_id)


@router.post(
    "/contacts/{contact_id}/history",
    operation_id="lifecycle.import_history",
    response_model=list[StageTransitionRead],
    tags=["lifecycle"],
)
def import_history(
    contact_id: int, body: StageHistoryImport, session: SessionDep, actor: CurrentActor
) -> object:
    """Record a contact's past from another CRM: its created date and the stages it entered,
    when. Moves already recorded are not added again (send it as often as you like); the
    contact ends in the latest stage given. Nothing is announced: no SLA clock, hand-off,
    notification or workflow for the past. Importers only. Returns the whole history."""
    return service.import_contact_history(
        session,
        contact_id,
        created_at=body.created_at,
        stages=[(past.stage, past.at) for past in body.stages],
        source=body.source,
        actor=actor,
    )


# --- configuration and funnel entries ---------------------------------------------------


@router.get(
    "/lifecycle/stages",
    operation_id="lifecycle.stages",
    response_model=list[StageRead],
    tags=["lifecycle"],
)
def list_stages(actor: CurrentActor) -> list[StageRead]:
    return [
        StageRead(key=key, label=label, in_funnel=key in FUNNEL, rejectable=key in REJECTABLE)
        for key, label in STAGES.items()
    ]


@router.get(
    "/lifecycle/transitions",
    operation_id="lifecycle.transitions",
    response_model=list[TransitionPair],
    tags=["lifecycle"],
)
def list_transitions(session: SessionDep, actor: CurrentActor) -> object:
    return service.list_allowed_transitions(session)


@router.put(
    "/lifecycle/transitions",
    operation_id="lifecycle.replace_transitions",
    response_model=list[TransitionPair],
    tags=["lifecycle"],
)
def replace_transitions(
    body: AllowedTransitionsUpdate, session: SessionDep, actor: CurrentActor
) -> object:
    """Replace the whole set of allowed moves (admins, marketing ops, sales managers)."""
    pairs = [(pair.from_stage, pair.to_stage) for pair in body.transitions]
    return service.set_allowed_transitions(session, pairs, actor=actor)


@router.get(
    "/lifecycle/rejection-reasons",
    operation_id="lifecycle.rejection_reasons",
    response_model=list[RejectionReasonRead],
    tags=["lifecycle"],
)
def list_rejection_reasons(
    session: SessionDep, actor: CurrentActor, include_inactive: bool = False
) -> object:
    return service.list_rejection_reasons(session, active_only=not include_inactive)


@router.post(
    "/lifecycle/rejection-reasons",
    operation_id="lifecycle.add_rejection_reason",
    response_model=RejectionReasonRead,
    status_code=status.HTTP_201_CREATED,
    tags=["lifecycle"],
)
def add_rejection_reason(
    body: RejectionReasonCreate, session: SessionDep, actor: CurrentActor
) -> object:
    return service.add_rejection_reason(session, body, actor=actor)


@router.post(
    "/lifecycle/rejection-reasons/{code}/deactivate",
    operation_id="lifecycle.deactivate_rejection_reason",
    response_model=RejectionReasonRead,
    tags=["lifecycle"],
)
def deactivate_rejection_reason(code: str, session: SessionDep, actor: CurrentActor) -> object:
    return service.deactivate_rejection_reason(session, code, actor=actor)


@router.get(
    "/lifecycle/entries",
    operation_id="lifecycle.stage_entries",
    response_model=list[StageEntryRead],
    tags=["lifecycle"],
)
def stage_entries(
    session: SessionDep,
    actor: CurrentActor,
    stage: str,
    since: datetime | None = None,
    until: datetime | None = None,
) -> object:
    """Contacts that entered ``stage`` in [since, until), each with its first entry there."""
    return service.stage_entries(session, stage=stage, since=since, until=until)


# --- opportunities ----------------------------------------------------------------------


@router.get(
    "/opportunities",
    operation_id="opportunities.list",
    response_model=OpportunityPage,
    tags=["opportunities"],
)
def list_opportunities(
    session: SessionDep,
    actor: CurrentActor,
    filters: Annotated[OpportunityFilters, Query()],
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> object:
    return service.list_opportunities(session, filters, cursor=cursor, limit=limit)


@router.post(
    "/opportunities",
    operation_id="opportunities.create",
    response_model=OpportunityDetail,
    status_code=status.HTTP_201_CREATED,
    tags=["opportunities"],
)
def create_opportunity(
    body: OpportunityCreate, session: SessionDep, actor: CurrentActor
) -> OpportunityDetail:
    opportunity = service.create_opportunity(session, body, actor=actor)
    return _detail(session, opportunity)


@router.get(
    "/opportunities/board",
    operation_id="opportunities.board",
    response_model=PipelineBoard,
    tags=["opportunities"],
)
def pipeline_board(
    session: SessionDep,
    actor: CurrentActor,
    owner_id: int | None = None,
    cards_per_column: Annotated[int, Query(ge=1, le=500)] = 50,
) -> PipelineBoard:
    """Open deals per pipeline stage with totals: count, amount, probability-weighted."""
    return service.pipeline_board(session, owner_id=owner_id, cards_per_column=cards_per_column)


@router.get(
    "/opportunities/{opportunity_id}",
    operation_id="opportunities.get",
    response_model=OpportunityDetail,
    tags=["opportunities"],
)
def get_opportunity(
    opportunity_id: int, session: SessionDep, actor: CurrentActor
) -> OpportunityDetail:
    return _detail(session, service.get_opportunity(session, opportunity_id))


@router.patch(
    "/opportunities/{opportunity_id}",
    operation_id="opportunities.update",
    response_model=OpportunityDetail,
    tags=["opportunities"],
)
def update_opportunity(
    opportunity_id: int, body: OpportunityUpdate, session: SessionDep, actor: CurrentActor
) -> OpportunityDetail:
    opportunity = service.update_opportunity(session, opportunity_id, body, actor=actor)
    return _detail(session, opportunity)


@router.delete(
    "/opportunities/{opportunity_id}",
    operation_id="opportunities.delete",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["opportunities"],
)
def delete_opportunity(opportunity_id: int, session: SessionDep, actor: CurrentActor) -> None:
    """Delete a deal entered by mistake (admins and sales managers; a rep closes it as lost)."""
    service.delete_opportunity(session, opportunity_id, actor=actor)


@router.post(
    "/opportunities/{opportunity_id}/move",
    operation_id="opportunities.move",
    response_model=OpportunityRead,
    tags=["opportunities"],
)
def move_opportunity(
    opportunity_id: int, body: OpportunityMove, session: SessionDep, actor: CurrentActor
) -> object:
    return service.move_opportunity(session, opportunity_id, body.pipeline_stage, actor=actor)


@router.post(
    "/opportunities/{opportunity_id}/close",
    operation_id="opportunities.close",
    response_model=OpportunityClosedRead,
    tags=["opportunities"],
)
def close_opportunity(
    opportunity_id: int, body: OpportunityClose, session: SessionDep, actor: CurrentActor
) -> OpportunityClosedRead:
    """Win or lose the deal (lost needs a reason). Won: its contacts become Customers
    through the stages the allowed transitions require; ``contacts`` says, for each, what
    happened, and why one the configuration gives no way to Customer stayed where it was.
    Lost: its contacts engaged in no other open deal become Lost."""
    closed = service.close_opportunity(
        session, opportunity_id, won=body.won, reason=body.reason, actor=actor
    )
    return OpportunityClosedRead.model_validate(
        {
            **OpportunityRead.model_validate(closed.opportunity).model_dump(),
            "contacts": [ContactWinRead.model_validate(outcome) for outcome in closed.contacts],
        }
    )


@router.put(
    "/opportunities/{opportunity_id}/contacts/{contact_id}",
    operation_id="opportunities.set_contact_role",
    response_model=ContactRoleRead,
    tags=["opportunities"],
)
def set_contact_role(
    opportunity_id: int,
    contact_id: int,
    body: RoleOnDeal,
    session: SessionDep,
    actor: CurrentActor,
) -> object:
    """Put a contact on the deal in a role, or change its role there."""
    return service.add_contact_role(
        session, opportunity_id, contact_id, role=body.role, actor=actor
    )


@router.delete(
    "/opportunities/{opportunity_id}/contacts/{contact_id}",
    operation_id="opportunities.remove_contact_role",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["opportunities"],
)
def remove_contact_role(
    opportunity_id: int, contact_id: int, session: SessionDep, actor: CurrentActor
) -> None:
    service.remove_contact_role(session, opportunity_id, contact_id, actor=actor)


def _detail(session: SessionDep, opportunity: Opportunity) -> OpportunityDetail:
    roles = service.contact_roles(session, opportunity.id)
    return OpportunityDetail.model_validate(
        {
            **OpportunityRead.model_validate(opportunity).model_dump(),
            "contacts": [ContactRoleRead.model_validate(role) for role in roles],
        }
    )
