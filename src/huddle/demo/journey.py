"""Each contact's way through the funnel, from first touch to SQL (deals are in ``deals``).

Marketing's rule makes MQLs; the routing rules hand each to a rep, who accepts (SAL) or rejects
it with a reason (back to marketing as Recycled, where some qualify again later). The plan
names the account's territory owner as that rep; the loader follows whomever the real rules
chose (see ``demo.desk``);
accepted leads are worked with calls, emails and meetings until they become SQLs or go
back. Sales acts on weekdays; nothing happens after the anchor.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from huddle.demo import catalog
from huddle.demo.agreement import sla_in_force
from huddle.demo.engagement import (
    call,
    download,
    form_submit,
    interest_burst,
    meeting,
    note,
    page_view,
    sales_email,
    touch,
)
from huddle.demo.plan import ChangeConsent, RejectLead, TransitionStage
from huddle.demo.world import ContactInfo, World

# The MQL criteria in force when the move is played (``load`` names their version).
MQL_RULE = "criteria:mql"
NURTURE_RULE = "rule:Gated content download makes a subscriber a lead"
MARKETING_OPS = catalog.MARKETING_OPS_EMAIL

# How much more (or less) likely each source's people are to become MQLs.
SOURCE_INTENT = {
    "organic": 0.8,
    "paid_search": 1.1,
    "paid_social": 0.8,
    "syndication": 0.7,
    "webinar": 1.3,
    "event": 1.1,
    "referral": 1.6,
    "outbound": 0.6,
    "direct": 2.2,
    "ebook": 1.0,
}
GRADE_MQL_CHANCE = {"A": 0.28, "B": 0.17, "C": 0.08, "D": 0.03}
SAL_REJECTIONS = (
    ("unresponsive", 5, "Went dark after the first call; four follow-ups unanswered."),
    ("no_budget", 3, "Budget frozen until next year; check back then."),
    ("no_need", 2, "Decided to stay on spreadsheets for now."),
    ("not_decision_maker", 2, "No access to the budget owner; needs a champion higher up."),
)
DISQUALIFY_REASONS = (
    "Works at a competitor.",
    "Student project, not a buyer.",
    "Company is being acquired; all tooling frozen.",
)


def grade(contact: ContactInfo) -> str:
    if contact.fit >= 4:
        return "A"
    if contact.fit >= 2:
        return "B"
    return "C" if contact.fit >= 0 else "D"


def _stage(world: World, contact: ContactInfo, at: datetime, to: str, actor: str, why: str) -> None:
    world.script.add(
        TransitionStage(at=at, contact_key=contact.key, to_stage=to, actor=actor, reason=why)
    )
    contact.stage = to


def _reject(
    world: World, contact: ContactInfo, at: datetime, code: str, why: str, rep: str
) -> None:
    world.script.add(
        RejectLead(at=at, contact_key=contact.key, reason_code=code, note=why, actor=rep)
    )
    contact.stage = "recycled"


def _qualify(
    world: World, contact: ContactInfo, rng: random.Random, since: datetime, t_mql: datetime
) -> None:
    """A burst of interest, then marketing's rule makes the contact an MQL."""
    did = interest_burst(world, contact, rng, since, t_mql)
    # What the lead did, not a score or grade: those are Huddle's own, shown beside it.
    why = f"Met the MQL criteria after this: {', '.join(did)}."
    _stage(world, contact, t_mql, "mql", MQL_RULE, why)


def fresh_days(anchor: datetime) -> list[datetime]:
    """The last two working days before ``anchor`` (at midnight), latest first."""
    days: list[datetime] = []
    day = anchor - timedelta(days=1)
    while len(days) < 2:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def fresh_mqls(world: World, count: int) -> None:
    """The newest leads that nobody has qualified yet become MQLs in the story's last two
    working days, too late for sales to have decided: they wait in the queue today."""
    calendar = world.calendar
    days = fresh_days(calendar.anchor)
    waiting = sorted(
        (c for c in world.contacts if c.stage == "lead" and c.job_title != "Student"),
        key=lambda c: (c.created_at, c.key),
    )[-count:]
    for index, contact in enumerate(waiting):
        rng = world.rng("fresh", contact.key)
        t_mql = calendar.at_work(rng, days[index % 2], weekdays_only=True)
        if t_mql <= contact.created_at or not calendar.in_history(t_mql):
            continue
        _qualify(world, contact, rng, contact.created_at, t_mql)


def live(world: World, contact: ContactInfo, rng: random.Random, stage: str) -> None:
    calendar = world.calendar
    t = contact.created_at
    if contact.source == "outbound":
        replied = _outbound_sequence(world, contact, rng)
        if replied is not None:
            _stage(
                world,
                contact,
                replied,
                "sal",
                contact.owner or contact.account.owner,
                "Replied to the outbound sequence and booked a discovery call.",
            )
            result, t = _work(world, contact, rng, replied)
            if result != "recycled":
                return
            stage = "recycled"
    if stage == "subscriber":
        if rng.random() >= 0.3:
            return
        t = calendar.after(rng, t, mean_days=70, min_days=5)
        if not calendar.in_history(t):
            return
        asset = rng.choice(catalog.ASSETS)
        form_submit(world, contact, t, "Gated content", asset[0])
        download(world, contact, t + timedelta(seconds=5), asset)
        _stage(
            world,
            contact,
            t + timedelta(seconds=6),
            "lead",
            NURTURE_RULE,
            f"Downloaded '{asset[1]}'",
        )
    if contact.job_title == "Student" or rng.random() < 0.02:
        t = calendar.after(rng, t, mean_days=3, weekdays_only=True)
        if calendar.in_history(t):
            _stage(
                world,
                contact,
                t,
                "disqualified",
                MARKETING_OPS,
                "Not a business buyer (student or personal project).",
            )
        return
    for cycle in range(2):
        chance = GRADE_MQL_CHANCE[grade(contact)] * SOURCE_INTENT[contact.source]
        if rng.random() >= (chance if cycle == 0 else 0.25):
            return
        t_mql = calendar.after(
            rng, t, mean_days=25 if cycle == 0 else 60, min_days=1 if cycle == 0 else 30
        )
        if not calendar.in_history(t_mql):
            return
        _qualify(world, contact, rng, t, t_mql)
        # Routing assigns the lead when it is played; the plan's rep stands for that owner.
        if contact.owner is None:
            contact.owner = contact.account.owner
        result, t = _review(world, contact, rng, t_mql)
        if result == "sal":
            result, t = _work(world, contact, rng, t)
        if result != "recycled":
            return


def _outbound_sequence(world: World, contact: ContactInfo, rng: random.Random) -> datetime | None:
    """Three emails and a call from the rep; about one in six replies. Returns when."""
    calendar, rep = world.calendar, contact.owner or contact.account.owner
    campaign = contact.campaign
    t = contact.created_at
    for step, subject in enumerate(
        ("Quick question about your metrics", "Worth a look?", "Closing the loop")
    ):
        t = calendar.after(rng, t, mean_days=3, min_days=2, weekdays_only=True)
        if not calendar.in_history(t):
            return None
        if step == 1:
            call(world, contact, rng, t, rep)
        else:
            sales_email(world, contact, t, rep, subject, campaign=campaign)
        if rng.random() < 0.06 + 0.015 * contact.fit:
            replied = calendar.after(rng, t, mean_days=1, weekdays_only=True)
            if not calendar.in_history(replied):
                return None
            touch(
                world,
                contact,
                replied,
                "email_replied",
                {"subject": f"Re: {subject}"},
                campaign=campaign,
            )
            return replied + timedelta(minutes=rng.randint(10, 180))
    return None


def _review(
    world: World, contact: ContactInfo, rng: random.Random, t_mql: datetime
) -> tuple[str, datetime]:
    """Sales looks at the MQL: usually within hours, sometimes only after days; once the
    SLA is signed, reps are quicker and fewer leads wait for days."""
    calendar, rep = world.calendar, contact.owner or contact.account.owner
    agreed = sla_in_force(calendar, t_mql)
    if rng.random() < (0.9 if agreed else 0.75):
        t = calendar.after(rng, t_mql, mean_days=0.6 if agreed else 1, weekdays_only=True)
    else:
        t = calendar.after(rng, t_mql, mean_days=5, min_days=2, weekdays_only=True)
    if not calendar.in_history(t):
        return "mql", t
    accept = min(0.8, max(0.3, 0.45 + 0.04 * contact.fit))
    roll = rng.random()
    if roll < accept:
        _stage(world, contact, t, "sal", rep, rng.choice(catalog.ACCEPT_REASONS))
        call(world, contact, rng, calendar.soon(rng, t, minutes=90), rep)
        return "sal", t
    if roll < accept + 0.05:
        _stage(world, contact, t, "disqualified", rep, rng.choice(DISQUALIFY_REASONS))
        return "disqualified", t
    code, _, why = rng.choices(catalog.MQL_REJECTIONS, [r[1] for r in catalog.MQL_REJECTIONS])[0]
    if code == "unresponsive":
        call(world, contact, rng, t - timedelta(days=1), rep)
    _reject(world, contact, t, code, why, rep)
    return "recycled", t


def _work(
    world: World, contact: ContactInfo, rng: random.Random, t_sal: datetime
) -> tuple[str, datetime]:
    """The rep works an accepted lead until it is an SQL, goes back to marketing, or sits."""
    calendar, rep = world.calendar, contact.owner or contact.account.owner
    contact.owner = rep
    follow_up = calendar.after(rng, t_sal, mean_days=1, weekdays_only=True)
    sales_email(world, contact, follow_up, rep, "Following up on our call")
    discovery = calendar.after(rng, follow_up, mean_days=4, weekdays_only=True)
    if rng.random() < 0.6 and meeting(world, contact, rng, discovery, rep, "Discovery call"):
        if rng.random() < 0.4:
            pain = rng.choice(catalog.PAINS)
            note(
                world,
                discovery + timedelta(hours=1),
                rep,
                f"Discovery with {contact.first_name}: {pain}. "
                f"{catalog.mention(catalog.MANAGER_EMAIL)} could be a big one, want to join the "
                "next call?",
                contact_key=contact.key,
            )
        if rng.random() < 0.03 and world.script.add_if_past(
            ChangeConsent(
                at=discovery + timedelta(minutes=40),
                contact_key=contact.key,
                consent_field="do_not_email",
                value=True,
                source="Asked on a call not to be emailed",
                text_shown=None,
                actor=rep,
            )
        ):
            contact.email_stops_at = discovery + timedelta(minutes=40)
    t = calendar.after(rng, discovery, mean_days=12, min_days=2, weekdays_only=True)
    if not calendar.in_history(t):
        return "sal", t
    roll = rng.random()
    sql = min(0.6, max(0.15, 0.3 + 0.03 * contact.fit))
    if roll < sql:
        asked = t - timedelta(days=2, hours=rng.randint(0, 20))
        if asked > discovery and rng.random() < 0.6:
            page_view(world, contact, asked - timedelta(minutes=2), catalog.PRICING_PAGE)
            touch(
                world,
                contact,
                asked,
                "demo_requested",
                {"url": catalog.SITE + catalog.DEMO_PAGE[0]},
            )
        meeting(world, contact, rng, t - timedelta(hours=2), rep, "Product demo")
        reason = rng.choice(catalog.SQL_REASONS).format(
            pain=rng.choice(catalog.PAINS),
            seats=rng.choice((15, 25, 40, 60, 120)),
            quarter=rng.choice(catalog.QUARTERS),
            competitor=rng.choice(catalog.COMPETITORS),
        )
        _stage(world, contact, t, "sql", rep, reason)
        contact.wants_deal_at = t
        return "sql", t
    if roll < sql + 0.33:
        code, _, why = rng.choices(SAL_REJECTIONS, [r[1] for r in SAL_REJECTIONS])[0]
        _reject(world, contact, t, code, why, rep)
        return "recycled", t
    if roll < sql + 0.38:
        _stage(world, contact, t, "disqualified", rep, rng.choice(DISQUALIFY_REASONS))
        return "disqualified", t
    return "sal", t
