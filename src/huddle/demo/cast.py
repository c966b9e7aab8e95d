"""The cast: companies and people, and how each person first found Northwind."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from huddle.demo import catalog
from huddle.demo.engagement import (
    download,
    form_submit,
    note,
    page_view,
    sales_email,
    touch,
    utm,
    webinar_attendance,
)
from huddle.demo.plan import CreateAccount, CreateContact, PlannedCampaign
from huddle.demo.timeline import happens_at, is_active
from huddle.demo.world import AccountInfo, ContactInfo, World

# (source, weight): how people first find Northwind.
SOURCES = (
    ("organic", 24),
    ("paid_search", 18),
    ("paid_social", 7),
    ("syndication", 9),
    ("webinar", 10),
    ("event", 6),
    ("referral", 5),
    ("outbound", 12),
    ("direct", 5),
    ("ebook", 4),
)
# The campaign channel behind each source that has one.
SOURCE_CHANNEL = {
    "paid_search": "paid_search",
    "paid_social": "paid_social",
    "webinar": "webinar",
    "event": "events",
    "referral": "partner",
    "outbound": "outbound",
    "syndication": "content",
    "ebook": "content",
}
IDEAL_INDUSTRIES = ("Software", "Financial services", "Healthcare", "Retail & e-commerce")
OPT_IN_TEXT = "Yes, send me Northwind's newsletter and product news. Unsubscribe any time."


def plan_accounts(world: World, count: int) -> None:
    rng = world.rng("accounts")
    stems = list(catalog.NAME_STEMS)
    industries = list(catalog.INDUSTRIES)
    geo_weights = [g[4] for g in catalog.GEOGRAPHY]
    used: set[str] = set()
    for key in range(count):
        industry = rng.choice(industries)
        name = f"{rng.choice(stems)} {rng.choice(catalog.INDUSTRIES[industry])}"
        while name in used:
            name = f"{rng.choice(stems)} {rng.choice(catalog.INDUSTRIES[industry])}"
        used.add(name)
        country, region, cities, prefix, _ = rng.choices(catalog.GEOGRAPHY, geo_weights)[0]
        employees = int(min(80000, max(8, rng.lognormvariate(math.log(260), 1.4))))
        size_fit = (employees >= 50) + (employees >= 200) + (employees >= 1000) - (employees < 20)
        world.accounts.append(
            AccountInfo(
                key=key,
                name=name,
                domain=name.lower().replace(" ", "") + ".example",
                industry=industry,
                employees=employees,
                country=country,
                region=region,
                cities=cities,
                phone_prefix=prefix,
                owner=rng.choice(catalog.TERRITORIES[region]),
                is_target=False,
                size_fit=size_fit,
            )
        )
    # The ABM list: about one account in twenty, the biggest in the ideal industries.
    ranked = sorted(
        (a for a in world.accounts if a.industry in IDEAL_INDUSTRIES),
        key=lambda a: (-a.employees, a.key),
    )
    for account in ranked[: max(1, count // 20)]:
        account.is_target = True


def create_account(world: World, account: AccountInfo, at: datetime) -> None:
    rng = world.rng("account", account.key)
    revenue = round(account.employees * rng.uniform(90_000, 260_000), -4)
    world.script.add(
        CreateAccount(
            at=at,
            key=account.key,
            name=account.name,
            domain=account.domain,
            industry=account.industry,
            employee_count=account.employees,
            annual_revenue=float(revenue),
            country=account.country,
            region=account.region,
            city=account.cities[0],
            technologies=tuple(sorted(rng.sample(catalog.TECHNOLOGIES, rng.randint(2, 6)))),
            owner=account.owner,
            is_target=account.is_target,
        )
    )
    account.created = True
    if account.is_target:
        note(
            world,
            world.calendar.soon(rng, at, minutes=240),
            catalog.MARKETER_EMAIL,
            f"Added to the ABM list. {catalog.mention(account.owner)} I'll run the LinkedIn "
            "audience for them; let's line up your outreach with it.",
            account_key=account.key,
        )


def arrivals(world: World, count: int) -> list[ContactInfo]:
    """Every contact as they arrive, oldest first, at accounts weighted towards a few big
    ones (and the ABM list)."""
    weights = [
        (6.0 if a.is_target else 1.0) / (1 + i % 89) ** 0.5 for i, a in enumerate(world.accounts)
    ]
    used_emails: set[str] = set()
    people = []
    for key in range(count):
        rng = world.rng("contact", key)
        account = rng.choices(world.accounts, weights)[0]
        source, campaign, created_at = _arrival(world, rng)
        people.append(_person(rng, key, account, created_at, source, campaign, used_emails))
    people.sort(key=lambda person: (person.created_at, person.key))
    return people


def _arrival(world: World, rng: random.Random) -> tuple[str, PlannedCampaign | None, datetime]:
    calendar = world.calendar
    source = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0]
    if source in ("webinar", "event"):
        happening = rng.choice(world.of_channel(SOURCE_CHANNEL[source]))
        starts = happens_at(happening)
        if source == "event":
            # Badge scans are loaded the morning after the event.
            return source, happening, starts + timedelta(hours=17, minutes=rng.randint(0, 90))
        # Webinar registrations come in over the weeks before; never after it started.
        registered = calendar.at_work(
            rng, starts - timedelta(days=rng.randint(1, 25)), weekdays_only=False
        )
        return source, happening, min(registered, starts - timedelta(minutes=rng.randint(5, 600)))
    created_at = calendar.growing(rng)
    campaign: PlannedCampaign | None = None
    if source == "syndication":
        campaign = world.campaigns["syndication-state-of-analytics"]
    elif source == "ebook":
        campaign = world.campaigns["ebook-metrics-layer"]
    elif source in SOURCE_CHANNEL:
        active = [c for c in world.of_channel(SOURCE_CHANNEL[source]) if is_active(c, created_at)]
        campaign = rng.choice(active) if active else None
    if campaign is not None and not is_active(campaign, created_at):
        campaign = None
    if campaign is None and source not in ("organic", "direct"):
        source = "organic"
    return source, campaign, created_at


def _person(
    rng: random.Random,
    key: int,
    account: AccountInfo,
    created_at: datetime,
    source: str,
    campaign: PlannedCampaign | None,
    used_emails: set[str],
) -> ContactInfo:
    first, last = rng.choice(catalog.FIRST_NAMES), rng.choice(catalog.LAST_NAMES)
    local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    email, number = f"{local}@{account.domain}", 2
    while email in used_emails:
        email, number = f"{local}{number}@{account.domain}", number + 1
    used_emails.add(email)
    title = rng.choices(catalog.TITLES, [t[4] for t in catalog.TITLES])[0]
    return ContactInfo(
        key=key,
        account=account,
        email=email,
        first_name=first,
        last_name=last,
        job_title=title[0],
        seniority=title[1],
        department=title[2],
        persona=title[3],
        fit=title[5] + account.size_fit,
        created_at=created_at,
        source=source,
        campaign=campaign,
    )


def introduce(world: World, contact: ContactInfo, rng: random.Random) -> str:
    """Create the contact the way its source does, with the touches that brought them in.

    Returns the stage they start in.
    """
    at, campaign = contact.created_at, contact.campaign
    account = contact.account
    if not account.created:
        create_account(world, account, at - timedelta(minutes=rng.randint(1, 30)))
    stage, opt_in, consent_source = "lead", "unknown", None
    actor = "contact"
    source = contact.source
    if source == "organic" and rng.random() < 0.55:
        stage = "subscriber"
    if source in ("outbound",):
        contact.owner, actor = account.owner, account.owner
    elif source == "event":
        actor = f"import:Badge scans - {campaign.name if campaign else 'event'}"
    elif source == "syndication":
        actor = "import:b2b-media-network lead delivery"
    elif stage == "subscriber" or rng.random() < (0.6 if account.region == "EMEA" else 0.4):
        opt_in, consent_source = "opted_in", "Website form consent checkbox"
    world.script.add(
        CreateContact(
            at=at,
            key=contact.key,
            account_key=account.key,
            email=contact.email,
            first_name=contact.first_name,
            last_name=contact.last_name,
            job_title=contact.job_title,
            seniority=contact.seniority,
            department=contact.department,
            phone=f"{account.phone_prefix} 555 0{rng.randint(100, 199)}"
            if rng.random() < 0.7
            else None,
            country=account.country,
            city=rng.choice(account.cities),
            stage=stage,
            persona=contact.persona,
            email_opt_in=opt_in,
            owner=contact.owner,
            actor=actor,
            consent_source=consent_source,
            consent_text=OPT_IN_TEXT if consent_source else None,
        )
    )
    contact.opt_in = opt_in
    _first_touches(world, contact, rng, stage)
    return stage


def _first_touches(world: World, contact: ContactInfo, rng: random.Random, stage: str) -> None:
    at, campaign, source = contact.created_at, contact.campaign, contact.source
    before = at - timedelta(minutes=rng.randint(2, 9))
    search = rng.choice(catalog.SEARCH_REFERRERS)
    if source == "organic":
        page_view(
            world, contact, at, rng.choice(catalog.BLOG_POSTS), referrer=search, occurred_at=before
        )
        if stage == "subscriber":
            form_submit(world, contact, at, "Newsletter signup", "/blog")
        else:
            asset = rng.choice(catalog.ASSETS[:2])
            form_submit(world, contact, at, "Gated content", asset[0])
            download(world, contact, at + timedelta(seconds=5), asset)
    elif source in ("paid_search", "paid_social", "referral", "ebook"):
        landing = {
            "paid_search": rng.choice((catalog.PRODUCT_PAGES[1], catalog.PRICING_PAGE)),
            "paid_social": (catalog.ASSETS[0][0], catalog.ASSETS[0][1]),
            "referral": ("/partners/referral", "Partner referral"),
            "ebook": (catalog.ASSETS[1][0], catalog.ASSETS[1][1]),
        }[source]
        page_view(
            world,
            contact,
            at,
            landing,
            campaign=campaign,
            occurred_at=before,
            referrer=search if source == "paid_search" else None,
        )
        if source == "paid_search" and rng.random() < 0.2:
            form_submit(world, contact, at, "Demo request", catalog.DEMO_PAGE[0], campaign=campaign)
            touch(
                world,
                contact,
                at + timedelta(seconds=2),
                "demo_requested",
                utm(campaign, url=catalog.SITE + catalog.DEMO_PAGE[0]),
                campaign=campaign,
            )
        elif source in ("paid_social", "ebook"):
            asset = catalog.ASSETS[0] if source == "paid_social" else catalog.ASSETS[1]
            form_submit(world, contact, at, "Gated content", asset[0], campaign=campaign)
            download(world, contact, at + timedelta(seconds=5), asset, campaign=campaign)
        else:
            form = "Contact sales" if source == "referral" else "Free trial signup"
            form_submit(world, contact, at, form, landing[0], campaign=campaign)
    elif source == "syndication":
        download(world, contact, at, catalog.ASSETS[0], campaign=campaign)
    elif source == "webinar" and campaign is not None:
        path = f"/webinars/{campaign.key.removeprefix('webinar-')}"
        page_view(world, contact, at, (path, campaign.name), campaign=campaign, occurred_at=before)
        form_submit(world, contact, at, "Webinar registration", path, campaign=campaign)
        webinar_attendance(world, contact, rng, campaign, at + timedelta(seconds=3))
    elif source == "event" and campaign is not None:
        touch(
            world,
            contact,
            at,
            "event_attended",
            utm(campaign, event=campaign.name, booth_visit=True),
            campaign=campaign,
        )
    elif source == "outbound" and contact.owner is not None:
        rep, calendar = contact.owner, world.calendar
        sales_email(
            world,
            contact,
            calendar.soon(rng, at),
            rep,
            f"{contact.account.name} + Northwind: one definition of revenue",
            campaign=campaign,
        )
    elif source == "direct":
        page_view(world, contact, at, catalog.PRODUCT_PAGES[0], occurred_at=before)
        page_view(
            world, contact, at, catalog.PRICING_PAGE, occurred_at=before + timedelta(minutes=1)
        )
        form_submit(world, contact, at, "Contact sales", "/contact")
