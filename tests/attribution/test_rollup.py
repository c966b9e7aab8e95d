"""The fast path equals the plain count: the attribution roll-up (``attribution_days``),
kept up to date by the triggers as touches, stage history, deals and deal roles are added,
changed and deleted, gives exactly the report of every path counted on the spot, for every
model, on random histories and any period."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from huddle.attribution import repository, tasks
from huddle.attribution.service import attribution_report
from huddle.campaigns.models import Campaign
from huddle.contacts.models import Contact, Touch
from huddle.core.actor import SYSTEM
from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition
from tests.attribution.conftest import March
from tests.campaigns.factories import make_campaign
from tests.contacts.factories import make_contact, make_touch
from tests.lifecycle.factories import make_opportunity, make_transition

ORIGIN = datetime(2024, 1, 1, tzinfo=UTC)
PERIODS = (
    (date(2024, 1, 1), date(2024, 12, 31)),
    (date(2024, 2, 10), date(2024, 3, 9)),
    (date(2024, 3, 15), date(2024, 3, 15)),
)


def _moment(rng: random.Random) -> datetime:
    return ORIGIN + timedelta(minutes=rng.randrange(120 * 24 * 60))


def _random_history(
    db: Session, rng: random.Random, contacts: int, campaigns: list[int]
) -> list[int]:
    ids = []
    for _ in range(contacts):
        contact = make_contact(db)
        ids.append(contact.id)
        for _ in range(rng.randrange(6)):
            campaign = rng.choice([*campaigns, None])
            make_touch(db, contact=contact, campaign_id=campaign, occurred_at=_moment(rng))
        for stage in rng.sample(("mql", "sql", "customer", "mql"), rng.randrange(4)):
            make_transition(db, contact_id=contact.id, to_stage=stage, at=_moment(rng))
    for _ in range(contacts // 2):
        created = _moment(rng)
        status = rng.choice(("open", "won", "lost"))
        make_opportunity(
            db,
            amount=float(rng.randrange(100, 10_000)),
            primary_contact_id=rng.choice(ids),
            contacts={rng.choice(ids): "champion"} if rng.random() < 0.3 else {},
            status=status,
            created_at=created,
            closed_at=created + timedelta(days=rng.randrange(30)) if status != "open" else None,
        )
    return ids


def _assert_same(db: Session) -> None:
    for start, end in PERIODS:
        fast = attribution_report(db, start=start, end=end, actor=SYSTEM)
        assert fast == attribution_report(db, start=start, end=end, actor=SYSTEM, recount=True)


def test_the_rollup_equals_a_recount_as_the_history_changes(db: Session) -> None:
    rng = random.Random(19)
    campaigns = [make_campaign(db, name=f"Campaign {i}").id for i in range(4)]
    ids = _random_history(db, rng, 40, campaigns)
    tasks.refresh(db, {})  # the job builds the roll-up
    _assert_same(db)
    assert repository.refresh_rollup(db) == 0  # nothing changed: nothing recounted
    # New touches, some before conversions already counted; a new MQL moment earlier than
    # the old one (the conversion moves to another day); more contacts and deals.
    campaign = make_campaign(db, name="Late").id
    for contact_id in rng.sample(ids, 8):
        make_touch(db, contact_id=contact_id, campaign_id=campaign, occurred_at=_moment(rng))
        make_transition(db, contact_id=contact_id, to_stage="mql", at=_moment(rng))
    ids += _random_history(db, rng, 5, campaigns)
    _assert_same(db)
    # A touch mapped to a campaign later, one moved to another contact, one deleted.
    touches = db.scalars(select(Touch).where(Touch.contact_id.in_(ids)).order_by(Touch.id)).all()
    touches[0].campaign_id, touches[1].contact_id = campaign, ids[-1]
    db.delete(touches[2])
    db.flush()
    _assert_same(db)
    # Deals won, reopened, re-valued, given another primary contact, their roles changed.
    deals = db.scalars(select(Opportunity).order_by(Opportunity.id)).all()
    deals[0].status, deals[0].closed_at = "won", ORIGIN + timedelta(days=70)
    deals[1].status, deals[1].closed_at = "open", None
    deals[2].amount = 123.45
    deals[3].primary_contact_id = ids[0]
    db.add(OpportunityContact(opportunity_id=deals[4].id, contact_id=ids[1], role="buyer"))
    db.execute(delete(OpportunityContact).where(OpportunityContact.opportunity_id == deals[5].id))
    db.delete(deals[6])
    db.flush()
    _assert_same(db)
    # History moved to another contact (as a merge does), a campaign deleted (its touches
    # lose it), a contact deleted with everything of theirs.
    db.execute(
        update(StageTransition)
        .where(StageTransition.contact_id == ids[2])
        .values(contact_id=ids[3])
    )
    db.execute(delete(Campaign).where(Campaign.id == campaign))
    db.execute(delete(Contact).where(Contact.id == ids[4]))
    db.expire_all()
    _assert_same(db)
    assert repository.refresh_rollup(db) == 0


def test_the_march_history_is_the_same_both_ways(db: Session, march: March) -> None:
    """The hand-counted history (see conftest) read from the roll-up and recounted."""
    tasks.refresh(db, {})
    for start, end in (
        (date(2024, 3, 1), date(2024, 3, 31)),
        (date(2024, 3, 9), date(2024, 3, 15)),
    ):
        fast = attribution_report(db, start=start, end=end, actor=SYSTEM)
        assert fast == attribution_report(db, start=start, end=end, actor=SYSTEM, recount=True)


def test_until_the_job_has_built_the_rollup_a_report_recounts(db: Session, march: March) -> None:
    """After an upgrade the roll-up is empty: a report gives the plain count's figures and
    builds nothing (minutes at a million contacts); the job builds it."""
    march_report = {"start": date(2024, 3, 1), "end": date(2024, 3, 31), "actor": SYSTEM}
    plain = attribution_report(db, **march_report, recount=True)
    assert attribution_report(db, **march_report) == plain
    assert not repository.rollup_built(db)
    tasks.refresh(db, {})
    assert repository.rollup_built(db)
    assert attribution_report(db, **march_report) == plain


def test_a_report_after_a_change_too_large_to_recount_gives_the_plain_count(
    db: Session, march: March, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import changing more contacts than a refresh recounts one by one: a report gives
    the plain count and leaves the rebuild to the job."""
    tasks.refresh(db, {})
    monkeypatch.setattr(repository, "REBUILD_ALL_ABOVE", 1)
    for contact_id in db.scalars(select(Contact.id).limit(2)).all():
        make_touch(db, contact_id=contact_id, campaign_id=march.a.id, occurred_at=ORIGIN)
    march_report = {"start": date(2024, 3, 1), "end": date(2024, 3, 31), "actor": SYSTEM}
    assert repository.much_changed(db)
    assert attribution_report(db, **march_report) == attribution_report(
        db, **march_report, recount=True
    )
    assert repository.much_changed(db)  # nothing refreshed inside the request
    tasks.refresh(db, {})
    assert not repository.much_changed(db)
    assert attribution_report(db, **march_report) == attribution_report(
        db, **march_report, recount=True
    )


def test_only_the_changed_days_are_recounted(db: Session, march: March) -> None:
    tasks.refresh(db, {})
    # Yvonne's touch (a contact role on the open deal created 12 March, no stages): the
    # pipeline's 12 March alone.
    yvonne = db.scalars(select(OpportunityContact.contact_id)).one()
    make_touch(db, contact_id=yvonne, campaign_id=march.a.id, occurred_at=ORIGIN)
    assert repository.refresh_rollup(db) == 1
