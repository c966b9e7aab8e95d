"""Campaigns: what they are, what they cost, and which touches they are credited with.

Reads need ``analytics.read`` (everyone); changes need ``campaign.manage`` (marketing and
admins). Nothing here commits: the request's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huddle.campaigns import repository
from huddle.campaigns.models import Campaign, CampaignCost, UtmRule
from huddle.campaigns.schemas import CampaignWrite, CostWrite, UtmRuleWrite
from huddle.campaigns.utm import Rule, UtmMapper
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.permissions import Action

__all__ = [
    "CampaignSummary",
    "UtmMapper",
    "add_cost",
    "add_rule",
    "campaign_costs",
    "campaign_labels",
    "costs_between",
    "create_campaign",
    "get_campaign",
    "list_campaigns",
    "list_costs",
    "list_rules",
    "remove_cost",
    "remove_rule",
    "update_campaign",
    "utm_mapper",
]


@dataclass(frozen=True)
class CampaignSummary:
    campaign: Campaign
    cost: float

    @property
    def remaining(self) -> float | None:
        """Budget left (negative: overspent); None without a budget."""
        if self.campaign.budget is None:
            return None
        return self.campaign.budget - self.cost


def list_campaigns(session: Session, *, actor: Actor) -> list[CampaignSummary]:
    """Every campaign by name, with its actual cost."""
    permissions.require(actor, Action.ANALYTICS_READ)
    return [CampaignSummary(c, cost) for c, cost in repository.campaigns_with_cost(session)]


def get_campaign(session: Session, campaign_id: int, *, actor: Actor) -> CampaignSummary:
    permissions.require(actor, Action.ANALYTICS_READ)
    found = _campaign(session, campaign_id)
    return CampaignSummary(found, sum(c.amount for c in repository.costs(session, campaign_id)))


def list_costs(session: Session, campaign_id: int, *, actor: Actor) -> list[CampaignCost]:
    permissions.require(actor, Action.ANALYTICS_READ)
    _campaign(session, campaign_id)
    return list(repository.costs(session, campaign_id))


def list_rules(session: Session, campaign_id: int, *, actor: Actor) -> list[UtmRule]:
    permissions.require(actor, Action.ANALYTICS_READ)
    _campaign(session, campaign_id)
    return list(repository.rules(session, campaign_id))


def create_campaign(session: Session, data: CampaignWrite, *, actor: Actor) -> Campaign:
    """A new campaign; its name and utm_campaign must be free (422 names the field)."""
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    _refuse_taken(session, data, None)
    campaign = Campaign(**data.model_dump())
    session.add(campaign)
    session.flush()
    return campaign


def update_campaign(
    session: Session, campaign_id: int, data: CampaignWrite, *, actor: Actor
) -> Campaign:
    """Replace a campaign's fields (its costs and rules stay)."""
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    campaign = _campaign(session, campaign_id)
    _refuse_taken(session, data, campaign_id)
    for name, value in data.model_dump().items():
        setattr(campaign, name, value)
    session.flush()
    return campaign


def add_cost(session: Session, campaign_id: int, data: CostWrite, *, actor: Actor) -> CampaignCost:
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    _campaign(session, campaign_id)
    entry = CampaignCost(campaign_id=campaign_id, **data.model_dump())
    session.add(entry)
    session.flush()
    return entry


def remove_cost(session: Session, campaign_id: int, cost_id: int, *, actor: Actor) -> None:
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    entry = repository.cost(session, cost_id)
    if entry is None or entry.campaign_id != campaign_id:
        raise ResourceNotFound(f"cost entry {cost_id} not found")
    session.delete(entry)
    session.flush()


def add_rule(session: Session, campaign_id: int, data: UtmRuleWrite, *, actor: Actor) -> UtmRule:
    """A UTM rule; it maps touches recorded from now on, and past ones when the touches are
    mapped again (``contacts.service.queue_campaign_remap``)."""
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    _campaign(session, campaign_id)
    rule = UtmRule(campaign_id=campaign_id, **data.model_dump())
    session.add(rule)
    session.flush()
    return rule


def remove_rule(session: Session, campaign_id: int, rule_id: int, *, actor: Actor) -> None:
    permissions.require(actor, Action.CAMPAIGN_MANAGE)
    rule = repository.rule(session, rule_id)
    if rule is None or rule.campaign_id != campaign_id:
        raise ResourceNotFound(f"UTM rule {rule_id} not found")
    session.delete(rule)
    session.flush()


def require_manage(actor: Actor) -> None:
    """For callers that change touches on the campaigns' behalf (mapping past touches)."""
    permissions.require(actor, Action.CAMPAIGN_MANAGE)


def utm_mapper(session: Session) -> UtmMapper:
    """Every rule, read once: what a batch of touches is mapped with."""
    return UtmMapper.of(Rule(*row) for row in repository.rule_rows(session))


def campaign_labels(session: Session) -> dict[int, tuple[str, str]]:
    """Campaign id -> (name, channel), for reports."""
    return repository.names_and_channels(session)


def costs_between(session: Session, start: date, end: date) -> dict[int, float]:
    """Campaign id -> the cost entries spent on days in [start, end)."""
    return repository.costs_between(session, start, end)


def campaign_costs(session: Session) -> dict[int, float]:
    """Campaign id -> its actual cost (all entries)."""
    return {c.id: cost for c, cost in repository.campaigns_with_cost(session)}


def _campaign(session: Session, campaign_id: int) -> Campaign:
    found = repository.campaign(session, campaign_id)
    if found is None:
        raise ResourceNotFound(f"campaign {campaign_id} not found")
    return found


def _refuse_taken(session: Session, data: CampaignWrite, campaign_id: int | None) -> None:
    errors = []
    same_name = repository.campaign_by_name(session, data.name)
    if same_name is not None and same_name.id != campaign_id:
        errors.append(FieldError("name", "another campaign has this name"))
    if data.utm_campaign is not None:
        same_utm = repository.campaign_by_utm(session, data.utm_campaign)
        if same_utm is not None and same_utm.id != campaign_id:
            errors.append(FieldError("utm_campaign", "another campaign uses this utm_campaign"))
    if errors:
        raise ValidationFailed("check the fields", errors)
