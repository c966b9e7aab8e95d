"""Calendar arithmetic for the story: every time is an offset from one anchor.

The anchor is the start of today (UTC) when the demo is loaded; the story covers the
``HISTORY_DAYS`` before it. Deriving every time from the anchor is what makes two runs with
the same seed and the same clock identical.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

from huddle.demo.plan import PlannedCampaign

HISTORY_DAYS = 548  # eighteen months

# Relative weight of each hour of the (UTC) working day; nothing happens outside it.
_HOUR_WEIGHTS = {
    7: 1,
    8: 4,
    9: 8,
    10: 9,
    11: 8,
    12: 5,
    13: 6,
    14: 8,
    15: 8,
    16: 7,
    17: 5,
    18: 3,
    19: 2,
    20: 1,
    21: 1,
}
_HOURS = tuple(_HOUR_WEIGHTS)
_HOUR_CUM_WEIGHTS = tuple(
    sum(list(_HOUR_WEIGHTS.values())[: i + 1]) for i in range(len(_HOUR_WEIGHTS))
)


def anchor_of(now: datetime) -> datetime:
    """The start of ``now``'s day in UTC."""
    now = now.astimezone(UTC)
    return datetime(now.year, now.month, now.day, tzinfo=UTC)


class Calendar:
    def __init__(self, anchor: datetime, days: int = HISTORY_DAYS) -> None:
        self.anchor = anchor
        self.start = anchor - timedelta(days=days)
        self.days = days

    def day(self, days_ago: float) -> datetime:
        return self.anchor - timedelta(days=days_ago)

    def date_ago(self, days_ago: int) -> date:
        return (self.anchor - timedelta(days=days_ago)).date()

    def at_work(self, rng: random.Random, moment: datetime, *, weekdays_only: bool) -> datetime:
        """A working-hours time on ``moment``'s day (moved to Monday from most weekends)."""
        day = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
        if day.weekday() >= 5 and (weekdays_only or rng.random() < 0.8):
            day += timedelta(days=7 - day.weekday())
        hour = rng.choices(_HOURS, cum_weights=_HOUR_CUM_WEIGHTS)[0]
        return day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))

    def after(
        self,
        rng: random.Random,
        moment: datetime,
        *,
        mean_days: float,
        min_days: float = 0.0,
        weekdays_only: bool = False,
    ) -> datetime:
        """A working-hours time some days after ``moment`` (exponential delay), never before."""
        delay = min_days + rng.expovariate(1.0 / mean_days) if mean_days > 0 else min_days
        later = self.at_work(rng, moment + timedelta(days=delay), weekdays_only=weekdays_only)
        if later <= moment:
            later = moment + timedelta(minutes=rng.randint(5, 120))
        return later

    def soon(self, rng: random.Random, moment: datetime, *, minutes: int = 30) -> datetime:
        """A few minutes after ``moment``: the next step of one sitting."""
        return moment + timedelta(minutes=rng.randint(1, minutes), seconds=rng.randrange(60))

    def growing(self, rng: random.Random) -> datetime:
        """A creation time, with the company growing: twice as many new contacts now as then."""
        # Density rising linearly from 1 to 2 over the history (inverse-CDF sampling).
        u = rng.random()
        fraction = math.sqrt(1 + 3 * u) - 1  # in [0, 1]
        moment = self.at_work(
            rng, self.start + timedelta(days=fraction * self.days), weekdays_only=False
        )
        # A Sunday moved to Monday may land on the anchor's day: take the week before.
        return moment - timedelta(days=7) if moment >= self.anchor else moment

    def in_history(self, moment: datetime) -> bool:
        return moment < self.anchor


# (key, name, channel, utm_source, utm_medium, starts days ago, ends days ago, budget,
#  happens days ago)
_CAMPAIGNS: tuple[
    tuple[str, str, str, str, str, int, int | None, float | None, int | None], ...
] = (
    ("search-brand", "Google Ads - brand", "paid_search", "google", "cpc", 548, None, 24000, None),
    (
        "search-platform",
        "Google Ads - analytics platform",
        "paid_search",
        "google",
        "cpc",
        540,
        None,
        96000,
        None,
    ),
    (
        "search-competitors",
        "Google Ads - competitor terms",
        "paid_search",
        "google",
        "cpc",
        330,
        None,
        38000,
        None,
    ),
    (
        "linkedin-data-leaders",
        "LinkedIn - data leaders",
        "paid_social",
        "linkedin",
        "paid_social",
        300,
        60,
        45000,
        None,
    ),
    (
        "syndication-state-of-analytics",
        "Content syndication - State of Analytics report",
        "content",
        "b2b-media-network",
        "syndication",
        420,
        240,
        30000,
        None,
    ),
    (
        "ebook-metrics-layer",
        "Ebook - The modern metrics layer",
        "content",
        "website",
        "organic",
        200,
        None,
        6000,
        None,
    ),
    (
        "webinar-dashboards-to-decisions",
        "Webinar - From dashboards to decisions",
        "webinar",
        "newsletter",
        "email",
        480,
        450,
        4000,
        452,
    ),
    (
        "webinar-forecasting",
        "Webinar - Forecasting revenue with product data",
        "webinar",
        "newsletter",
        "email",
        300,
        270,
        4000,
        272,
    ),
    (
        "webinar-analytics-engineering",
        "Webinar - The analytics engineer's playbook",
        "webinar",
        "newsletter",
        "email",
        130,
        100,
        5000,
        102,
    ),
    (
        "webinar-ai-ready-data",
        "Webinar - Is your data AI-ready?",
        "webinar",
        "newsletter",
        "email",
        40,
        10,
        5000,
        12,
    ),
    (
        "event-dataconf-berlin",
        "Event - DataConf Berlin booth",
        "events",
        "dataconf",
        "event",
        345,
        335,
        28000,
        340,
    ),
    (
        "event-analytics-summit-nyc",
        "Event - Analytics Summit NYC",
        "events",
        "analytics-summit",
        "event",
        160,
        150,
        35000,
        155,
    ),
    (
        "nurture-onboarding",
        "Nurture - new lead onboarding",
        "email",
        "nurture",
        "email",
        548,
        None,
        None,
        None,
    ),
    (
        "newsletter",
        "Newsletter - Northwind Monthly",
        "email",
        "newsletter",
        "email",
        548,
        None,
        None,
        None,
    ),
    (
        "outbound-abm",
        "Outbound - enterprise ABM",
        "outbound",
        "outbound",
        "sales_email",
        240,
        None,
        15000,
        None,
    ),
    (
        "partner-referrals",
        "Partner referrals",
        "partner",
        "partner",
        "referral",
        548,
        None,
        None,
        None,
    ),
)


def campaigns(calendar: Calendar) -> list[PlannedCampaign]:
    return [
        PlannedCampaign(
            key=key,
            name=name,
            channel=channel,
            utm_source=source,
            utm_medium=medium,
            utm_campaign=key,
            starts_on=calendar.date_ago(starts),
            ends_on=calendar.date_ago(ends) if ends is not None else None,
            budget=budget,
            happens_on=_midweek(calendar.date_ago(happens)) if happens is not None else None,
        )
        for key, name, channel, source, medium, starts, ends, budget, happens in _CAMPAIGNS
    ]


def _midweek(day: date) -> date:
    """Webinars and events are held Tuesday to Thursday: the closest such day before."""
    while day.weekday() not in (1, 2, 3):
        day -= timedelta(days=1)
    return day


def happens_at(campaign: PlannedCampaign) -> datetime:
    """When a webinar or an event starts: 16:00 UTC on its day."""
    assert campaign.happens_on is not None, f"{campaign.key} does not happen on a day"
    day = campaign.happens_on
    return datetime(day.year, day.month, day.day, 16, tzinfo=UTC)


def is_active(campaign: PlannedCampaign, moment: datetime) -> bool:
    day = moment.date()
    return campaign.starts_on <= day and (campaign.ends_on is None or day <= campaign.ends_on)
