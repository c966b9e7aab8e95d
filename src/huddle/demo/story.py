"""Write the whole story: ``build_plan(seed=..., contacts=..., anchor=...)``."""

from __future__ import annotations

from datetime import datetime

from huddle.demo import catalog
from huddle.demo.agreement import plan_agreement
from huddle.demo.cast import arrivals, introduce, plan_accounts
from huddle.demo.deals import plan_deals
from huddle.demo.engagement import browsing, marketing_email
from huddle.demo.journey import fresh_mqls, live
from huddle.demo.plan import DemoPlan, RecordTouch
from huddle.demo.world import World

CONTACTS_PER_ACCOUNT = 6


def build_plan(*, seed: int, contacts: int, anchor: datetime) -> DemoPlan:
    """The same seed and anchor always give the same plan, event for event."""
    if contacts < 1:
        raise ValueError("the demo needs at least one contact")
    world = World.new(seed, anchor)
    plan_accounts(world, max(3, round(contacts / CONTACTS_PER_ACCOUNT)))
    for contact in arrivals(world, contacts):
        rng = world.rng("contact", contact.key, "life")
        stage = introduce(world, contact, rng)
        contact.stage = stage
        world.contacts.append(contact)
        live(world, contact, rng, stage)
    plan_deals(world)
    fresh_mqls(world, max(3, contacts // 600))
    plan_agreement(world)
    for contact in world.contacts:
        rng = world.rng("contact", contact.key, "mail")
        marketing_email(world, contact, rng)
        browsing(world, contact, rng, world.calendar.anchor)
    _respect_consent(world)
    return DemoPlan(
        anchor=anchor,
        users=list(catalog.USERS),
        campaigns=list(world.campaigns.values()),
        custom_fields=list(catalog.CUSTOM_FIELDS),
        events=world.script.played(),
    )


def _respect_consent(world: World) -> None:
    """Consent is law: once a contact unsubscribed or asked not to be emailed, nobody emails
    them again, sales included. (Sales' emails are planned before marketing's, which is
    where most unsubscribes happen, hence this last pass.)"""
    stops = {c.key: c.email_stops_at for c in world.contacts if c.email_stops_at is not None}
    world.script.events = [
        event
        for event in world.script.events
        if not (
            isinstance(event, RecordTouch)
            and event.type in ("email_sent", "sales_email_sent")
            and event.contact_key in stops
            and event.at >= stops[event.contact_key]
        )
    ]
