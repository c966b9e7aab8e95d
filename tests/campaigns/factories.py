"""Small typed factories for campaigns' tests: rows written directly, no rules run."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from huddle.campaigns.models import Campaign, CampaignCost, UtmRule

_sequence = itertools.count(1)


def make_campaign(session: Session, **overrides: Any) -> Campaign:
    values: dict[str, Any] = {"name": f"Campaign {next(_sequence)}", "channel": "email"}
    values.update(overrides)
    campaign = Campaign(**values)
    session.add(campaign)
    session.flush()
    return campaign


def make_cost(session: Session, campaign: Campaign, amount: float, spent_on: date) -> CampaignCost:
    cost = CampaignCost(campaign_id=campaign.id, amount=amount, spent_on=spent_on)
    session.add(cost)
    session.flush()
    return cost


def make_rule(session: Session, campaign: Campaign, **overrides: Any) -> UtmRule:
    values: dict[str, Any] = {"field": "utm_source", "operator": "equals", "value": "x"}
    values.update(overrides)
    rule = UtmRule(campaign_id=campaign.id, **values)
    session.add(rule)
    session.flush()
    return rule
