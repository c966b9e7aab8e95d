"""Touches: what each contact reads, downloads, attends and receives, and what sales logs."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from huddle.demo import catalog
from huddle.demo.plan import AddNote, ChangeConsent, PlannedCampaign, RecordTouch
from huddle.demo.timeline import happens_at
from huddle.demo.world import ContactInfo, World

CONTACT = "contact"
NURTURE_SUBJECTS = (
    "Welcome to Northwind: one definition for every metric",
    "How Cedar Health got 40 hours a week back",
    "The modern metrics layer (free ebook)",
    "Three dashboards every CFO asks for",
    "Want a 20-minute walkthrough?",
)
NURTURE_DAYS = (0.1, 4, 11, 19, 30)
# Marketing email goes to those who opted in, and, outside the EU, to those who did not object.
UNKNOWN_OPT_IN_MAILED_REGIONS = ("North America", "APAC")


def utm(campaign: PlannedCampaign | None, **extra: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if campaign is not None:
        props = {
            "utm_source": campaign.utm_source,
            "utm_medium": campaign.utm_medium,
            "utm_campaign": campaign.utm_campaign,
        }
    return props | extra


def touch(
    world: World,
    contact: ContactInfo,
    at: datetime,
    kind: str,
    properties: dict[str, Any],
    *,
    campaign: PlannedCampaign | None = None,
    actor: str = CONTACT,
    occurred_at: datetime | None = None,
) -> bool:
    """Plan one touch; one that would fall after the anchor is left out (returns False)."""
    return world.script.add_if_past(
        RecordTouch(
            at=at,
            contact_key=contact.key,
            type=kind,
            properties=properties,
            campaign_key=campaign.key if campaign else None,
            actor=actor,
            occurred_at=occurred_at,
        )
    )


def page_view(
    world: World,
    contact: ContactInfo,
    at: datetime,
    page: tuple[str, str],
    *,
    campaign: PlannedCampaign | None = None,
    referrer: str | None = None,
    occurred_at: datetime | None = None,
) -> bool:
    path, title = page
    props = utm(campaign, url=catalog.SITE + path, path=path, title=title)
    if referrer:
        props["referrer"] = referrer
    return touch(world, contact, at, "page_view", props, campaign=campaign, occurred_at=occurred_at)


def download(
    world: World,
    contact: ContactInfo,
    at: datetime,
    asset: tuple[str, str, str],
    *,
    campaign: PlannedCampaign | None = None,
) -> bool:
    path, title, kind = asset
    return touch(
        world,
        contact,
        at,
        "asset_downloaded",
        utm(campaign, url=catalog.SITE + path, asset=title, asset_type=kind),
        campaign=campaign,
    )


def form_submit(
    world: World,
    contact: ContactInfo,
    at: datetime,
    form: str,
    path: str,
    *,
    campaign: PlannedCampaign | None = None,
) -> bool:
    props = utm(campaign, form=form, url=catalog.SITE + path, path=path)
    return touch(world, contact, at, "form_submitted", props, campaign=campaign)


def interest_burst(
    world: World, contact: ContactInfo, rng: random.Random, start: datetime, end: datetime
) -> list[str]:
    """The reading and downloading that make a lead look ready: several touches in the
    days before ``end``. Returns what they did, in words, for the MQL reason."""
    calendar = world.calendar
    begin = max(start, end - timedelta(days=14))
    span = (end - begin).total_seconds()
    did: list[str] = []
    moments = sorted(
        begin + timedelta(seconds=rng.uniform(0.01, 0.99) * span) for _ in range(rng.randint(3, 7))
    )
    for moment in moments:
        at = calendar.at_work(rng, moment, weekdays_only=False)
        if not begin < at < end:
            # Office hours would move it out of the window (before they arrived, or after
            # they qualified): keep the plain moment instead.
            at = moment
        roll = rng.random()
        if roll < 0.3:
            page_view(world, contact, at, catalog.PRICING_PAGE)
            did.append("viewed pricing")
        elif roll < 0.6:
            page_view(world, contact, at, rng.choice(catalog.PRODUCT_PAGES))
            did.append("read product pages")
        elif roll < 0.8:
            asset = rng.choice(catalog.ASSETS)
            download(world, contact, at, asset)
            did.append(f"downloaded '{asset[1]}'")
        else:
            page_view(world, contact, at, rng.choice(catalog.BLOG_POSTS))
            did.append("read the blog")
    return list(dict.fromkeys(did))


def note(
    world: World,
    at: datetime,
    author: str,
    body: str,
    *,
    contact_key: int | None = None,
    account_key: int | None = None,
    opportunity_key: int | None = None,
) -> None:
    """A note by ``author`` on one contact, account or deal (left out if in the future)."""
    world.script.add_if_past(
        AddNote(
            at=at,
            author=author,
            body=body,
            contact_key=contact_key,
            account_key=account_key,
            opportunity_key=opportunity_key,
        )
    )


def webinar_attendance(
    world: World,
    contact: ContactInfo,
    rng: random.Random,
    webinar: PlannedCampaign,
    registered_at: datetime,
) -> bool:
    """Registered at ``registered_at``; attends (about half do) on the day. Returns attended."""
    props = utm(webinar, webinar=webinar.name)
    touch(world, contact, registered_at, "webinar_registered", props, campaign=webinar)
    day = happens_at(webinar)
    if rng.random() < 0.47:
        minutes = rng.randint(12, 58)
        return touch(
            world,
            contact,
            day + timedelta(minutes=minutes),
            "webinar_attended",
            props | {"minutes_watched": minutes},
            campaign=webinar,
        )
    return False


def sales_email(
    world: World,
    contact: ContactInfo,
    at: datetime,
    rep: str,
    subject: str,
    *,
    campaign: PlannedCampaign | None = None,
) -> bool:
    props = utm(campaign, subject=subject, sent_by=rep)
    return touch(world, contact, at, "sales_email_sent", props, campaign=campaign, actor=rep)


def call(world: World, contact: ContactInfo, rng: random.Random, at: datetime, rep: str) -> bool:
    connected = rng.random() < 0.55
    props = {
        "outcome": "connected" if connected else rng.choice(("voicemail", "no_answer")),
        "duration_minutes": rng.randint(6, 35) if connected else 1,
    }
    return touch(world, contact, at, "call_logged", props, actor=rep)


def meeting(
    world: World, contact: ContactInfo, rng: random.Random, at: datetime, rep: str, title: str
) -> bool:
    props = {"title": title, "duration_minutes": rng.choice((30, 30, 45, 60))}
    return touch(world, contact, at, "meeting_held", props, actor=rep)


def receives_marketing_email(contact: ContactInfo) -> bool:
    return contact.opt_in == "opted_in" or (
        contact.opt_in == "unknown" and contact.account.region in UNKNOWN_OPT_IN_MAILED_REGIONS
    )


def marketing_email(world: World, contact: ContactInfo, rng: random.Random) -> None:
    """The onboarding nurture, then the monthly newsletter, until the contact unsubscribes.

    Opens and clicks follow a few hours later; a click lands on the site with the email's
    UTM values. A few contacts unsubscribe, and nothing is sent to them afterwards.
    """
    if not receives_marketing_email(contact):
        return
    calendar = world.calendar
    nurture = world.campaigns["nurture-onboarding"]
    newsletter = world.campaigns["newsletter"]
    sends: list[tuple[datetime, str, PlannedCampaign]] = [
        (contact.created_at + timedelta(days=days, hours=2), subject, nurture)
        for days, subject in zip(NURTURE_DAYS, NURTURE_SUBJECTS, strict=True)
    ]
    month = datetime(contact.created_at.year, contact.created_at.month, 1, tzinfo=UTC)
    while month < calendar.anchor:
        month = (month + timedelta(days=32)).replace(day=1)
        # The newsletter goes out on the first Tuesday of the month at 10:00 UTC.
        sent = month + timedelta(days=(1 - month.weekday()) % 7, hours=10)
        sends.append((sent, f"Northwind Monthly - {sent:%B %Y}", newsletter))
    for webinar in world.of_channel("webinar"):
        invited = happens_at(webinar) - timedelta(days=14, hours=6)
        if contact.created_at < invited and webinar is not contact.campaign:
            sends.append((invited, f"You're invited: {webinar.name.split(' - ', 1)[1]}", webinar))
    for sent, subject, campaign in sorted(sends, key=lambda send: send[0]):
        stops = contact.email_stops_at
        if sent >= calendar.anchor or (stops is not None and sent >= stops):
            return
        props = utm(campaign, subject=subject)
        touch(
            world,
            contact,
            sent,
            "email_sent",
            props,
            campaign=campaign,
            actor=f"workflow:{campaign.name}",
        )
        if rng.random() >= 0.28:
            continue
        opened = sent + timedelta(minutes=rng.randint(3, 2 * 24 * 60))
        touch(world, contact, opened, "email_opened", props, campaign=campaign)
        if campaign.channel == "webinar" and rng.random() < 0.3:
            registered = opened + timedelta(minutes=rng.randint(1, 30))
            if registered < calendar.anchor:
                webinar_attendance(world, contact, rng, campaign, registered)
            continue
        if rng.random() < 0.15:
            clicked = opened + timedelta(seconds=rng.randint(5, 300))
            touch(world, contact, clicked, "email_clicked", props, campaign=campaign)
            page = rng.choice((*catalog.BLOG_POSTS, *catalog.PRODUCT_PAGES[:4]))
            page_view(world, contact, clicked + timedelta(seconds=3), page, campaign=campaign)
        if rng.random() < 0.03:
            at = opened + timedelta(seconds=rng.randint(20, 600))
            if world.script.add_if_past(
                ChangeConsent(
                    at=at,
                    contact_key=contact.key,
                    consent_field="email_opt_in",
                    value="opted_out",
                    source=f"Unsubscribe link in '{subject}'",
                    text_shown="You will no longer receive marketing email from Northwind.",
                    actor=CONTACT,
                )
            ):
                contact.email_stops_at = at


def browsing(world: World, contact: ContactInfo, rng: random.Random, until: datetime) -> None:
    """Now and then a contact comes back to the site on their own (search, social, direct)."""
    calendar = world.calendar
    moment = contact.created_at
    while True:
        moment = calendar.after(rng, moment, mean_days=75, min_days=3)
        if moment >= until:
            return
        referrer = rng.choice((*catalog.SEARCH_REFERRERS, *catalog.SOCIAL_REFERRERS, None))
        page = rng.choice((*catalog.BLOG_POSTS, *catalog.BLOG_POSTS, *catalog.PRODUCT_PAGES))
        page_view(world, contact, moment, page, referrer=referrer)
        if rng.random() < 0.3:
            page_view(world, contact, calendar.soon(rng, moment), rng.choice(catalog.PRODUCT_PAGES))
