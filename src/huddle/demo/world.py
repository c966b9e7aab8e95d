"""What the story-writing modules share: the calendar, the campaigns, the cast, the script."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from huddle.demo.plan import Event, PlannedCampaign
from huddle.demo.timeline import Calendar, campaigns


@dataclass
class AccountInfo:
    key: int
    name: str
    domain: str
    industry: str
    employees: int
    country: str
    region: str
    cities: tuple[str, ...]
    phone_prefix: str
    owner: str
    is_target: bool
    # Bigger companies fit the ideal customer profile better.
    size_fit: int
    created: bool = False


@dataclass
class ContactInfo:
    key: int
    account: AccountInfo
    email: str
    first_name: str
    last_name: str
    job_title: str
    seniority: str
    department: str
    persona: str
    fit: int
    created_at: datetime
    source: str
    campaign: PlannedCampaign | None
    owner: str | None = None
    opt_in: str = "unknown"
    # When sales decided the contact needs a deal, and who had it then.
    wants_deal_at: datetime | None = None
    # Marketing email stops here (unsubscribed or do-not-email).
    email_stops_at: datetime | None = None
    customer_since: datetime | None = None
    # The stage the journey left them in, as far as the funnel planner knows.
    stage: str = "lead"


class Script:
    """The events in planning order; the plan sorts them by time (stably) at the end."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.events: list[Event] = []

    def add(self, event: Event) -> None:
        if event.at >= self.calendar.anchor:
            raise ValueError(f"planned an event after the anchor: {event}")
        self.events.append(event)

    def add_if_past(self, event: Event) -> bool:
        """For events nothing depends on: those that would fall in the future are left out."""
        if event.at >= self.calendar.anchor:
            return False
        self.events.append(event)
        return True

    def played(self) -> list[Event]:
        return sorted(self.events, key=lambda event: event.at)


@dataclass
class World:
    seed: int
    calendar: Calendar
    script: Script
    campaigns: dict[str, PlannedCampaign]
    accounts: list[AccountInfo] = field(default_factory=list)
    contacts: list[ContactInfo] = field(default_factory=list)

    @classmethod
    def new(cls, seed: int, anchor: datetime) -> World:
        calendar = Calendar(anchor)
        return cls(
            seed=seed,
            calendar=calendar,
            script=Script(calendar),
            campaigns={campaign.key: campaign for campaign in campaigns(calendar)},
        )

    def rng(self, *parts: object) -> random.Random:
        """A generator of its own for each part of the story, so that changing one part
        (or the number of contacts) does not reshuffle all the others."""
        # Demo data, not secrets: a seeded, reproducible generator is the point.
        return random.Random(":".join(map(str, (self.seed, *parts))))  # noqa: S311

    def of_channel(self, channel: str) -> list[PlannedCampaign]:
        return [c for c in self.campaigns.values() if c.channel == channel]
