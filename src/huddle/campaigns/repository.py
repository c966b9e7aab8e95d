"""The campaigns' queries: campaigns with their actual cost, cost entries, UTM rules."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from huddle.campaigns.models import Campaign, CampaignCost, UtmRule


def campaigns_with_cost(session: Session) -> list[tuple[Campaign, float]]:
    """Every campaign by name, with the sum of its cost entries (0 without any)."""
    spent = (
        select(CampaignCost.campaign_id, func.sum(CampaignCost.amount).label("cost"))
        .group_by(CampaignCost.campaign_id)
        .subquery()
    )
    rows = session.execute(
        select(Campaign, func.coalesce(spent.c.cost, 0))
        .outerjoin(spent, spent.c.campaign_id == Campaign.id)
        .order_by(Campaign.name)
    )
    return [(campaign, float(cost)) for campaign, cost in rows]


def campaign(session: Session, campaign_id: int) -> Campaign | None:
    return session.get(Campaign, campaign_id)


def campaign_by_name(session: Session, name: str) -> Campaign | None:
    return session.scalar(select(Campaign).where(func.lower(Campaign.name) == name.lower()))


def campaign_by_utm(session: Session, utm_campaign: str) -> Campaign | None:
    return session.scalar(select(Campaign).where(Campaign.utm_campaign == utm_campaign))


def costs(session: Session, campaign_id: int) -> Sequence[CampaignCost]:
    return session.scalars(
        select(CampaignCost)
        .where(CampaignCost.campaign_id == campaign_id)
        .order_by(CampaignCost.spent_on, CampaignCost.id)
    ).all()


def cost(session: Session, cost_id: int) -> CampaignCost | None:
    return session.get(CampaignCost, cost_id)


def costs_between(session: Session, start: object, end: object) -> dict[int, float]:
    """Campaign id -> the sum of its entries spent on days in [start, end)."""
    rows = session.execute(
        select(CampaignCost.campaign_id, func.sum(CampaignCost.amount))
        .where(CampaignCost.spent_on >= start, CampaignCost.spent_on < end)
        .group_by(CampaignCost.campaign_id)
    )
    return {campaign_id: float(total) for campaign_id, total in rows}


def rules(session: Session, campaign_id: int | None = None) -> Sequence[UtmRule]:
    """The rules in the order they are tried (position, then the older first)."""
    query = select(UtmRule).order_by(UtmRule.position, UtmRule.id)
    if campaign_id is not None:
        query = query.where(UtmRule.campaign_id == campaign_id)
    return session.scalars(query).all()


# Ingest reads this for every batch of touches: one statement, two tiny tables.
_RULE_ROWS = text(
    "SELECT campaign_id, field, operator, value FROM ("
    " SELECT 0 AS grp, position AS pos, id AS tie, campaign_id, field, operator, value"
    " FROM campaign_utm_rules"
    " UNION ALL"
    " SELECT 1, 0, id, id, 'utm_campaign', 'equals', utm_campaign"
    " FROM campaigns WHERE utm_campaign IS NOT NULL"
    ") AS rules ORDER BY grp, pos, tie"
)


def rule_rows(session: Session) -> list[tuple[int, str, str, str]]:
    """(campaign id, field, operator, value) of every rule in order, then each campaign's
    own utm_campaign as an ``equals`` rule."""
    return [(c, f, o, v) for c, f, o, v in session.execute(_RULE_ROWS)]


def rule(session: Session, rule_id: int) -> UtmRule | None:
    return session.get(UtmRule, rule_id)


def names_and_channels(session: Session) -> dict[int, tuple[str, str]]:
    return {
        campaign_id: (name, channel)
        for campaign_id, name, channel in session.execute(
            select(Campaign.id, Campaign.name, Campaign.channel)
        )
    }
