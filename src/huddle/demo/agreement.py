"""How Northwind's marketing and sales agreed to work: the routing set-up, the SLA's two
versions and who was out of office when.

The routing rules and the team pool exist before the story starts; the SLA is drafted by
marketing a month in, signed by both leads, and tightened after a quarterly review about
six months before today. One rep is away now (their leads go to the others and their
decision clocks wait), another was on holiday last summer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from huddle.demo import catalog
from huddle.demo.plan import DraftAgreement, SetAway, SignAgreement
from huddle.demo.timeline import Calendar
from huddle.demo.world import World

POOL_NAME = "Inbound sales"
# (rep, weight): the senior rep takes a bigger share; Aisha also owns APAC by territory.
POOL_WEIGHTS = (
    (catalog.REP_EMAIL, 3),
    ("olivia.martin@huddle.example", 2),
    ("emma.larsen@huddle.example", 2),
    ("lucas.fischer@huddle.example", 2),
    ("aisha.rahman@huddle.example", 1),
)
# Marketing drafts the first SLA this many days into the story; both sides sign within days.
FIRST_DRAFT_DAY = 24
APAC_REP = "aisha.rahman@huddle.example"
AWAY_NOW = "lucas.fischer@huddle.example"
SUMMER_HOLIDAY = "emma.larsen@huddle.example"

# (name, kind, conditions, owner email or None for the pool, respect working hours)
RULES: tuple[tuple[str, str, dict[str, Any], str | None, bool], ...] = (
    ("Target accounts stay with their owner", "account_owner", {"target_only": True}, None, False),
    ("APAC to Aisha", "territory", {"regions": ["APAC"]}, APAC_REP, False),
    ("Everyone else: inbound round robin", "round_robin", {}, None, True),
)


def _terms(volume: int, acceptance: int, days: int) -> list[dict[str, Any]]:
    """The agreement's terms: MQLs a month, the share sales accepts, and how many business
    days (of 8.5 hours) sales has to decide on and first touch each lead."""
    window = f"within {days} business days"
    return [
        {"key": "mql_volume", "kind": "mql_volume", "count": volume, "period": "month"},
        {
            "key": "mql_acceptance",
            "kind": "mql_acceptance",
            "percent": acceptance,
            "period": "quarter",
        },
        {
            "key": "decision",
            "kind": "decision",
            "label": f"Accept or reject {window}",
            "hours": 8.5 * days,
            "pause_when_out_of_office": True,
        },
        {
            "key": "first_touch",
            "kind": "first_touch",
            "label": f"First call or email {window}",
            "hours": 8.5 * days,
        },
    ]


V1_TERMS = _terms(volume=25, acceptance=50, days=3)
# After the first quarterly reviews: the company grew, and sales committed to act faster.
V2_TERMS = _terms(volume=35, acceptance=55, days=2)

_BODY = """# Marketing and sales service level agreement

Northwind Analytics' marketing and sales teams agree on what a good lead is, how fast
sales acts on one, and what each team reports.

## Marketing commits to
- delivering **{volume} marketing-qualified leads a month**, scored by the MQL criteria
  both teams approved;
- a hand-off packet with every MQL: first touch, campaigns, score breakdown and talking
  points;
- taking back every rejected lead, with its reason, into nurture.

## Sales commits to
- **accepting or rejecting every MQL within {decision}**, with one of the agreed
  rejection reasons;
- **a first call or email within {first_touch}** of the hand-off;
- accepting at least **{acceptance}%** of the quarter's MQLs.

## How we measure
Huddle's clocks count business hours in the owner's calendar and pause while they are out
of office. Breaches are escalated to the sales manager. Both teams review the numbers
together at the end of every quarter and amend this agreement when the data says so.
"""


def agreement_body(terms: list[dict[str, Any]]) -> str:
    by_key = {term["key"]: term for term in terms}
    return _BODY.format(
        volume=by_key["mql_volume"]["count"],
        acceptance=by_key["mql_acceptance"]["percent"],
        decision=by_key["decision"]["label"].removeprefix("Accept or reject within "),
        first_touch=by_key["first_touch"]["label"].removeprefix("First call or email within "),
    )


def sla_in_force(calendar: Calendar, moment: datetime) -> bool:
    """Whether the first SLA is (about) signed by ``moment``: the story's reps act on it."""
    return moment >= calendar.start + timedelta(days=FIRST_DRAFT_DAY + 5)


def plan_agreement(world: World) -> None:
    """The SLA's versions and signatures, and the reps' time away, into the script."""
    calendar, rng = world.calendar, world.rng("agreement")
    versions = (
        (0, calendar.start + timedelta(days=FIRST_DRAFT_DAY), catalog.MARKETER_EMAIL, V1_TERMS, ""),
        (1, calendar.day(190), catalog.MANAGER_EMAIL, V2_TERMS, " (after the Q review)"),
    )
    for key, around, author, terms, why in versions:
        drafted = calendar.at_work(rng, around, weekdays_only=True)
        world.script.add(
            DraftAgreement(
                at=drafted,
                key=key,
                title=f"Marketing and sales SLA v{key + 1}{why}",
                body=agreement_body(terms),
                terms=terms,
                author=author,
            )
        )
        signed = calendar.after(rng, drafted, mean_days=1, min_days=1, weekdays_only=True)
        world.script.add(
            SignAgreement(at=signed, key=key, side="marketing", signer=catalog.MARKETING_OPS_EMAIL)
        )
        countersigned = calendar.after(rng, signed, mean_days=1, weekdays_only=True)
        world.script.add(
            SignAgreement(at=countersigned, key=key, side="sales", signer=catalog.MANAGER_EMAIL)
        )
    holiday = calendar.at_work(rng, calendar.day(150), weekdays_only=True)
    for at, who, away in (
        (holiday, SUMMER_HOLIDAY, True),
        (holiday + timedelta(days=14), SUMMER_HOLIDAY, False),
        (calendar.at_work(rng, calendar.day(4), weekdays_only=True), AWAY_NOW, True),
    ):
        world.script.add(SetAway(at=at, user=who, away=away, actor=catalog.ADMIN_EMAIL))
