"""Campaigns, their costs and UTM rules; touches mapped on ingest and again later."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from huddle.campaigns import service
from huddle.campaigns.schemas import CampaignWrite, CostWrite, UtmRuleWrite
from huddle.campaigns.utm import Rule, UtmMapper
from huddle.contacts import service as contacts
from huddle.contacts.models import Touch
from huddle.contacts.schemas import TouchCreate
from huddle.contacts.service.touches import MAP_CAMPAIGNS_JOB
from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted, ValidationFailed
from tests.campaigns.factories import make_campaign, make_rule
from tests.conftest import make_user
from tests.contacts.factories import make_contact, make_touch
from tests.jobs import run_due_jobs

AT = datetime(2024, 3, 14, 9, tzinfo=UTC)


def actor(db: Session, role: str) -> Actor:
    user = make_user(db, role=role)
    return Actor.user(user.id, role=user.role, team=user.team)


def test_a_campaigns_cost_is_the_sum_of_its_entries(db: Session) -> None:
    marketer = actor(db, "marketing")
    created = service.create_campaign(
        db,
        CampaignWrite(name="Spring webinar", channel="webinar", budget=3000),
        actor=marketer,
    )
    for day, amount in ((1, 1200.5), (15, 800)):
        service.add_cost(
            db, created.id, CostWrite(spent_on=date(2024, 3, day), amount=amount), actor=marketer
        )
    summary = service.get_campaign(db, created.id, actor=marketer)
    assert summary.cost == 2000.5
    assert summary.remaining == pytest.approx(999.5)
    [listed] = [
        s for s in service.list_campaigns(db, actor=marketer) if s.campaign.id == created.id
    ]
    assert listed.cost == 2000.5


def test_a_taken_name_is_refused_naming_the_field(db: Session) -> None:
    make_campaign(db, name="Brand search", utm_campaign="brand")
    with pytest.raises(ValidationFailed) as refused:
        service.create_campaign(
            db,
            CampaignWrite(name="brand SEARCH", channel="paid_search", utm_campaign="brand"),
            actor=SYSTEM,
        )
    assert [e.field for e in refused.value.errors] == ["name", "utm_campaign"]


def test_only_marketing_manages_campaigns(db: Session) -> None:
    with pytest.raises(NotPermitted):
        service.create_campaign(
            db, CampaignWrite(name="Rep's own", channel="outbound"), actor=actor(db, "sales_rep")
        )


def test_the_end_may_not_come_before_the_start() -> None:
    with pytest.raises(ValueError, match="ends before"):
        CampaignWrite(
            name="x", channel="email", starts_on=date(2024, 3, 2), ends_on=date(2024, 3, 1)
        )
    with pytest.raises(ValueError, match="channel"):
        CampaignWrite.model_validate({"name": "x", "channel": "billboards"})


def test_the_first_matching_rule_wins_and_case_is_ignored() -> None:
    mapper = UtmMapper.of(
        [
            Rule(1, "utm_campaign", "contains", "Spring"),
            Rule(2, "utm_source", "equals", "linkedin"),
            Rule(3, "utm_campaign", "equals", "spring-webinar"),
        ]
    )
    assert mapper.campaign_for({"utm_campaign": "2024-SPRING-webinar"}) == 1
    assert mapper.campaign_for({"utm_source": "LinkedIn", "utm_campaign": "autumn"}) == 2
    assert mapper.campaign_for({"utm_source": "linkedin.com"}) is None
    assert mapper.campaign_for({}) is None


def test_touches_recorded_without_a_campaign_take_the_rules_campaign(db: Session) -> None:
    linkedin = make_campaign(db, name="LinkedIn ads", channel="paid_social")
    sent = make_campaign(db, name="Sent with the touch")
    make_rule(db, linkedin, field="utm_source", operator="equals", value="linkedin")
    contact = make_contact(db)
    rows = [
        contacts.TouchRow("page_view", AT, contact.id, properties={"utm_source": "LinkedIn"}),
        contacts.TouchRow("page_view", AT, contact.id, properties={"utm_source": "google"}),
        contacts.TouchRow(
            "page_view", AT, contact.id, properties={"utm_source": "linkedin"}, campaign_id=sent.id
        ),
    ]
    ids = contacts.record_touches(db, rows, actor=SYSTEM)
    assert [db.get(Touch, i).campaign_id for i in ids] == [linkedin.id, None, sent.id]  # type: ignore[union-attr]
    one = contacts.record_touch(
        db,
        TouchCreate(
            type="form_submitted",
            contact_id=contact.id,
            occurred_at=AT,
            properties={"utm_source": "linkedin"},
        ),
        actor=SYSTEM,
    )
    assert one.campaign_id == linkedin.id


def test_past_touches_are_mapped_again_by_a_job(db: Session) -> None:
    old = make_touch(db, occurred_at=AT, properties={"utm_campaign": "Spring-24"})
    kept = make_campaign(db, name="Kept")
    other = make_touch(
        db, occurred_at=AT, properties={"utm_campaign": "spring-24"}, campaign_id=kept.id
    )
    spring = make_campaign(db, name="Spring", channel="events", utm_campaign="spring-24")
    service.add_rule(
        db, spring.id, UtmRuleWrite(field="utm_source", value="never-sent"), actor=SYSTEM
    )
    contacts.queue_campaign_remap(db, actor=SYSTEM)
    assert run_due_jobs(db, MAP_CAMPAIGNS_JOB) == 1
    db.refresh(old)
    db.refresh(other)
    # The campaign's own utm_campaign is a rule too; a touch sent with a campaign keeps it.
    assert old.campaign_id == spring.id
    assert other.campaign_id == kept.id


def test_mapping_goes_on_in_slices(db: Session) -> None:
    spring = make_campaign(db, name="Spring", utm_campaign="spring")
    first = make_touch(db, occurred_at=AT, properties={"utm_campaign": "spring"})
    last = make_touch(db, occurred_at=AT, properties={"utm_campaign": "spring"})
    mapped, after = contacts.map_touch_campaigns(db, after_id=first.id - 1, slices=1, slice_size=1)
    assert (mapped, after) == (1, first.id)
    db.refresh(last)
    assert last.campaign_id is None
    assert contacts.map_touch_campaigns(db, after_id=first.id)[0] == 1
    db.refresh(last)
    assert last.campaign_id == spring.id
