"""Campaigns' JSON API (under /api/v1): campaigns, their cost entries and UTM rules, and
mapping past touches to campaigns again."""

from __future__ import annotations

from fastapi import APIRouter, status

from huddle.auth.deps import CurrentActor
from huddle.campaigns import service
from huddle.campaigns.schemas import (
    CampaignDetail,
    CampaignRead,
    CampaignWrite,
    CostRead,
    CostWrite,
    RemapQueued,
    UtmRuleRead,
    UtmRuleWrite,
)
from huddle.contacts import service as contacts
from huddle.web.deps import SessionDep

router = APIRouter(tags=["campaigns"])


def _read(summary: service.CampaignSummary) -> CampaignRead:
    c = summary.campaign
    return CampaignRead(
        id=c.id,
        name=c.name,
        channel=c.channel,
        utm_campaign=c.utm_campaign,
        starts_on=c.starts_on,
        ends_on=c.ends_on,
        budget=c.budget,
        cost=summary.cost,
    )


def _detail(session: SessionDep, campaign_id: int, actor: CurrentActor) -> CampaignDetail:
    summary = service.get_campaign(session, campaign_id, actor=actor)
    return CampaignDetail(
        **_read(summary).model_dump(),
        costs=[
            CostRead.model_validate(c)
            for c in service.list_costs(session, campaign_id, actor=actor)
        ],
        rules=[
            UtmRuleRead.model_validate(r)
            for r in service.list_rules(session, campaign_id, actor=actor)
        ],
    )


@router.get("/campaigns", operation_id="campaigns.list", response_model=list[CampaignRead])
def list_campaigns(actor: CurrentActor, session: SessionDep) -> list[CampaignRead]:
    """Every campaign by name, with its budget and actual cost (the sum of its entries)."""
    return [_read(s) for s in service.list_campaigns(session, actor=actor)]


@router.post(
    "/campaigns",
    operation_id="campaigns.create",
    response_model=CampaignDetail,
    status_code=status.HTTP_201_CREATED,
)
def create_campaign(
    actor: CurrentActor, session: SessionDep, data: CampaignWrite
) -> CampaignDetail:
    campaign = service.create_campaign(session, data, actor=actor)
    return _detail(session, campaign.id, actor)


@router.get(
    "/campaigns/{campaign_id:int}", operation_id="campaigns.get", response_model=CampaignDetail
)
def get_campaign(campaign_id: int, actor: CurrentActor, session: SessionDep) -> CampaignDetail:
    """A campaign with its cost entries and UTM rules."""
    return _detail(session, campaign_id, actor)


@router.put(
    "/campaigns/{campaign_id:int}", operation_id="campaigns.update", response_model=CampaignDetail
)
def update_campaign(
    campaign_id: int, actor: CurrentActor, session: SessionDep, data: CampaignWrite
) -> CampaignDetail:
    service.update_campaign(session, campaign_id, data, actor=actor)
    return _detail(session, campaign_id, actor)


@router.post(
    "/campaigns/{campaign_id:int}/costs",
    operation_id="campaign_costs.create",
    response_model=CostRead,
    status_code=status.HTTP_201_CREATED,
)
def add_cost(
    campaign_id: int, actor: CurrentActor, session: SessionDep, data: CostWrite
) -> CostRead:
    return CostRead.model_validate(service.add_cost(session, campaign_id, data, actor=actor))


@router.delete(
    "/campaigns/{campaign_id:int}/costs/{cost_id:int}",
    operation_id="campaign_costs.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def remove_cost(campaign_id: int, cost_id: int, actor: CurrentActor, session: SessionDep) -> None:
    service.remove_cost(session, campaign_id, cost_id, actor=actor)


@router.post(
    "/campaigns/{campaign_id:int}/utm-rules",
    operation_id="utm_rules.create",
    response_model=UtmRuleRead,
    status_code=status.HTTP_201_CREATED,
)
def add_rule(
    campaign_id: int, actor: CurrentActor, session: SessionDep, data: UtmRuleWrite
) -> UtmRuleRead:
    """A rule mapping touches recorded from now on; ``POST /campaigns/remap`` maps past ones."""
    return UtmRuleRead.model_validate(service.add_rule(session, campaign_id, data, actor=actor))


@router.delete(
    "/campaigns/{campaign_id:int}/utm-rules/{rule_id:int}",
    operation_id="utm_rules.delete",
    status_code=status.HTTP_204_NO_CONTENT,
)
def remove_rule(campaign_id: int, rule_id: int, actor: CurrentActor, session: SessionDep) -> None:
    service.remove_rule(session, campaign_id, rule_id, actor=actor)


@router.post(
    "/campaigns/remap",
    operation_id="campaigns.remap",
    response_model=RemapQueued,
    status_code=status.HTTP_202_ACCEPTED,
)
def remap_touches(actor: CurrentActor, session: SessionDep) -> RemapQueued:
    """Map every stored touch without a campaign by the UTM rules, in the background."""
    return RemapQueued(job_id=contacts.queue_campaign_remap(session, actor=actor))
