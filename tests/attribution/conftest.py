"""A hand-counted history in March 2024 (UTC), the same for the service, API and page tests.

Campaigns: A (email, $1,000 spent in March), B (paid search, no cost), C (webinar, $500).

Xavier's campaign touches: A 1 Mar, B 5 Mar, C 8 Mar, B 10 Mar, and B 16 Mar (after every
conversion: never counted), plus a touch without a campaign (never counted). He became an
MQL on 6 Mar, an SQL on 9 Mar and a customer on 15 Mar.
Deal "Won" ($10,000): Xavier primary, created 9 Mar, won 15 Mar 10:00.
Deal "Open" ($5,000): Yvonne in a contact role only, created 12 Mar, open; Yvonne's one
campaign touch: C on 11 Mar.
Deal "No campaign" ($2,000): Zoe, no campaign touch, won 20 Mar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from huddle.campaigns.models import Campaign
from tests.campaigns.factories import make_campaign, make_cost
from tests.contacts.factories import make_contact, make_touch
from tests.lifecycle.factories import make_opportunity, make_transition


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=UTC)


@dataclass
class March:
    a: Campaign
    b: Campaign
    c: Campaign


@pytest.fixture
def march(db: Session) -> March:
    a = make_campaign(db, name="A newsletter", channel="email")
    b = make_campaign(db, name="B search", channel="paid_search")
    c = make_campaign(db, name="C webinar", channel="webinar")
    make_cost(db, a, 600, date(2024, 3, 1))
    make_cost(db, a, 400, date(2024, 3, 31))
    make_cost(db, a, 9999, date(2024, 4, 1))  # outside the period
    make_cost(db, c, 500, date(2024, 3, 2))
    xavier = make_contact(db, first_name="Xavier")
    for campaign, day in ((a, 1), (b, 5), (c, 8), (b, 10), (b, 16)):
        make_touch(db, contact=xavier, campaign_id=campaign.id, occurred_at=at(day))
    make_touch(db, contact=xavier, occurred_at=at(7))
    for stage, day in (("mql", 6), ("sql", 9), ("customer", 15)):
        make_transition(db, contact_id=xavier.id, to_stage=stage, at=at(day, 0))
    make_opportunity(
        db,
        name="Won",
        amount=10_000,
        primary_contact_id=xavier.id,
        status="won",
        created_at=at(9, 0),
        closed_at=at(15),
    )
    yvonne = make_contact(db, first_name="Yvonne")
    make_touch(db, contact=yvonne, campaign_id=c.id, occurred_at=at(11))
    make_opportunity(
        db, name="Open", amount=5000, contacts={yvonne.id: "champion"}, created_at=at(12)
    )
    zoe = make_contact(db, first_name="Zoe")
    make_touch(db, contact=zoe, occurred_at=at(13))
    make_opportunity(
        db,
        name="No campaign",
        amount=2000,
        primary_contact_id=zoe.id,
        status="won",
        created_at=at(14),
        closed_at=at(20),
    )
    return March(a, b, c)
