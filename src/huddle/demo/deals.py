"""Deals: SQLs become opportunities, which move through the pipeline and are won or lost.

An account has at most one open deal: an SQL at an account with a deal under way joins it
in a role instead of opening another. Winning makes the deal's contacts customers (the
lifecycle service does that), and customer success takes over; some lost contacts go back
to nurture months later.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from huddle.demo import catalog
from huddle.demo.engagement import meeting, note, sales_email, touch
from huddle.demo.plan import (
    AddContactRole,
    CloseOpportunity,
    MoveOpportunity,
    OpenOpportunity,
    TransitionStage,
    UpdateAccountCustom,
)
from huddle.demo.world import ContactInfo, World

LOST_NURTURE_RULE = "rule:Closed-lost contacts return to nurture after 90 days"
# (next stage, mean days to get there, chance the deal survives the step)
PIPELINE = (
    ("discovery", 10, 0.85),
    ("proposal", 18, 0.75),
    ("negotiation", 16, 0.75),
)
WIN_CHANCE = 0.7
ROLE_BY_PERSONA = {
    "Executive sponsor": "economic_buyer",
    "Data leader": "decision_maker",
    "RevOps": "champion",
    "Analytics engineer": "technical_evaluator",
    "IT & security": "technical_evaluator",
}


@dataclass
class Deal:
    key: int
    opened_at: datetime
    amount: float
    closed_at: datetime | None = None
    won: bool = False
    contacts: list[ContactInfo] = field(default_factory=list)

    def is_open_at(self, moment: datetime) -> bool:
        return self.opened_at <= moment and (self.closed_at is None or moment < self.closed_at)


def plan_deals(world: World) -> None:
    """Turn SQLs into deals in the order sales qualified them."""
    calendar = world.calendar
    wanting = sorted(
        (c for c in world.contacts if c.wants_deal_at is not None),
        key=lambda c: (c.wants_deal_at, c.key),
    )
    deals: list[Deal] = []
    open_deal: dict[int, Deal] = {}
    for contact in wanting:
        assert contact.wants_deal_at is not None
        rng = world.rng("deal-for", contact.key)
        rep = contact.owner or contact.account.owner
        t = calendar.after(rng, contact.wants_deal_at, mean_days=3, weekdays_only=True)
        if not calendar.in_history(t):
            continue
        if rng.random() < 0.1:
            world.script.add(
                TransitionStage(
                    at=t,
                    contact_key=contact.key,
                    to_stage="recycled",
                    actor=rep,
                    reason="Went quiet after the demo; back to nurture.",
                )
            )
            continue
        deal = open_deal.get(contact.account.key)
        if deal is not None and deal.is_open_at(t):
            world.script.add(
                AddContactRole(
                    at=t,
                    opportunity_key=deal.key,
                    contact_key=contact.key,
                    role=ROLE_BY_PERSONA.get(contact.persona, "influencer"),
                    actor=rep,
                )
            )
            deal.contacts.append(contact)
            continue
        deal_rng = world.rng("deal", len(deals))
        deal = Deal(
            key=len(deals),
            opened_at=t,
            contacts=[contact],
            amount=_amount(deal_rng, contact.account.employees),
        )
        deals.append(deal)
        open_deal[contact.account.key] = deal
        _run_deal(world, deal, contact, rep, deal_rng)
    for deal in deals:
        _after_close(world, deal, world.rng("deal", deal.key, "after"))


def _amount(rng: random.Random, employees: int) -> float:
    # Log-normal around a median that grows with company size; $8k to $250k.
    median = 14_000 * (max(employees, 20) / 100) ** 0.35
    amount = rng.lognormvariate(math.log(median), 0.7)
    return float(min(250_000, max(8_000, round(amount / 500) * 500)))


def _seats(amount: float) -> int:
    return max(5, int(amount // 650))


def _tier(amount: float) -> str:
    return "Starter" if amount < 20_000 else "Growth" if amount < 80_000 else "Enterprise"


def _run_deal(world: World, deal: Deal, contact: ContactInfo, rep: str, rng: random.Random) -> None:
    calendar, account, amount = world.calendar, contact.account, deal.amount
    seats = _seats(amount)
    world.script.add(
        OpenOpportunity(
            at=deal.opened_at,
            key=deal.key,
            account_key=account.key,
            primary_contact_key=contact.key,
            role=ROLE_BY_PERSONA.get(contact.persona, "champion"),
            name=f"{account.name} - {_tier(amount)} ({seats} seats)",
            amount=amount,
            expected_close_date=(deal.opened_at + timedelta(days=rng.randint(45, 90))).date(),
            owner=rep,
        )
    )
    if rng.random() < 0.5:
        note(
            world,
            calendar.soon(rng, deal.opened_at, minutes=120),
            rep,
            f"Scoping {seats} seats for {account.name}. "
            f"{catalog.mention(catalog.MARKETER_EMAIL)} do we have a case study in "
            f"{account.industry.lower()} I can send?",
            opportunity_key=deal.key,
        )
    t = deal.opened_at
    for stage, mean_days, survives in PIPELINE:
        t = calendar.after(rng, t, mean_days=mean_days, min_days=2, weekdays_only=True)
        if not calendar.in_history(t):
            return
        if rng.random() >= survives:
            _close(world, deal, rng, t, rep, won=False)
            return
        world.script.add(
            MoveOpportunity(at=t, opportunity_key=deal.key, pipeline_stage=stage, actor=rep)
        )
        if stage == "proposal":
            sales_email(world, contact, calendar.soon(rng, t), rep, "Your Northwind proposal")
        else:
            meeting(
                world,
                contact,
                rng,
                t - timedelta(hours=1),
                rep,
                "Pricing and terms" if stage == "negotiation" else "Technical deep dive",
            )
    t = calendar.after(rng, t, mean_days=14, min_days=2, weekdays_only=True)
    if calendar.in_history(t):
        _close(world, deal, rng, t, rep, won=rng.random() < WIN_CHANCE)


def _close(
    world: World, deal: Deal, rng: random.Random, at: datetime, rep: str, *, won: bool
) -> None:
    deal.closed_at, deal.won = at, won
    if won:
        reason = "Signed the order form."
    else:
        template = rng.choices(catalog.LOST_REASONS, [r[1] for r in catalog.LOST_REASONS])[0][0]
        gap = rng.choice(catalog.FEATURE_GAPS)
        reason = template.format(competitor=rng.choice(catalog.COMPETITORS), gap=gap)
        if "{gap}" in template:
            note(
                world,
                at + timedelta(minutes=15),
                rep,
                f"Lost over {gap}. {catalog.mention(catalog.PRODUCT_EMAIL)} that's another one; "
                "is it on the roadmap?",
                opportunity_key=deal.key,
            )
    world.script.add(
        CloseOpportunity(at=at, opportunity_key=deal.key, won=won, reason=reason, actor=rep)
    )


def _after_close(world: World, deal: Deal, rng: random.Random) -> None:
    calendar, account, won_at = world.calendar, deal.contacts[0].account, deal.closed_at
    if won_at is None:
        return
    if not deal.won:
        for contact in deal.contacts:
            back = calendar.after(rng, won_at, mean_days=40, min_days=60, weekdays_only=True)
            if rng.random() < 0.4 and calendar.in_history(back):
                world.script.add(
                    TransitionStage(
                        at=back,
                        contact_key=contact.key,
                        to_stage="recycled",
                        actor=LOST_NURTURE_RULE,
                        reason="Closed lost 90+ days ago; back to nurture.",
                    )
                )
        return
    success = catalog.SUCCESS_EMAILS[account.key % len(catalog.SUCCESS_EMAILS)]
    world.script.add(
        UpdateAccountCustom(
            at=won_at + timedelta(minutes=5),
            account_key=account.key,
            custom={
                "plan_tier": _tier(deal.amount),
                "renewal_date": (won_at + timedelta(days=365)).date().isoformat(),
                "seats": _seats(deal.amount),
            },
            actor=success,
        )
    )
    kickoff = calendar.after(rng, won_at, mean_days=4, min_days=2, weekdays_only=True)
    for contact in deal.contacts:
        contact.customer_since = won_at
        meeting(world, contact, rng, kickoff, success, "Onboarding kickoff")
        login = calendar.after(rng, kickoff, mean_days=2)
        while calendar.in_history(login):
            touch(
                world,
                contact,
                login,
                "product_login",
                {"app": "Northwind", "seats_active": rng.randint(3, 40)},
            )
            login = calendar.after(rng, login, mean_days=9, min_days=1)
    note(
        world,
        kickoff + timedelta(hours=2),
        success,
        f"Kickoff done with {deal.contacts[0].first_name}. "
        f"{catalog.mention(catalog.MARKETER_EMAIL)} they'd be open to a case study in a quarter.",
        account_key=account.key,
    )
