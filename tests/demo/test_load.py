"""The demo played through the real services: a funnel that makes sense, rules obeyed."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle.assets.models import ContentAsset
from huddle.auth.models import User
from huddle.auth.passwords import verify_password
from huddle.contacts.models import ConsentChange, Contact, Note, Touch
from huddle.core.values import flat_value_problem
from huddle.demo import catalog
from huddle.demo.load import LoadSummary
from huddle.lifecycle.models import Opportunity, StageTransition
from huddle.lifecycle.stages import DEFAULT_TRANSITIONS
from huddle.tracking.models import EventType
from tests.demo.conftest import DEMO_NOW

Loaded = tuple[Session, LoadSummary]


def test_the_funnel_narrows_at_every_stage(loaded: Loaded) -> None:
    session, _ = loaded
    reached: dict[str, set[int]] = defaultdict(set)
    for contact_id, stage in session.execute(
        select(StageTransition.contact_id, StageTransition.to_stage)
    ):
        reached[stage].add(contact_id)
    contacts = session.scalar(select(func.count()).select_from(Contact)) or 0

    funnel = [contacts] + [len(reached[s]) for s in ("mql", "sal", "sql", "opportunity")]
    assert funnel == sorted(funnel, reverse=True), funnel
    assert 0.1 * contacts <= len(reached["mql"]) <= 0.3 * contacts
    assert len(reached["customer"]) > 0
    rejected = session.scalar(
        select(func.count()).where(StageTransition.rejection_reason.is_not(None))
    )
    assert rejected and rejected > 0


def test_some_deals_are_won_and_more_are_lost(loaded: Loaded) -> None:
    session, _ = loaded
    status = dict(
        session.execute(select(Opportunity.status, func.count()).group_by(Opportunity.status)).all()
    )
    assert status.get("won", 0) > 0 and status.get("lost", 0) > status["won"]
    lost_reasons = session.scalars(
        select(Opportunity.lost_reason).where(Opportunity.status == "lost")
    )
    assert all(reason for reason in lost_reasons)


def test_every_recorded_stage_move_is_an_allowed_one(loaded: Loaded) -> None:
    session, _ = loaded
    moves = {
        (from_stage, to_stage)
        for from_stage, to_stage in session.execute(
            select(StageTransition.from_stage, StageTransition.to_stage).where(
                StageTransition.from_stage.is_not(None)
            )
        )
    }
    assert moves and moves <= set(DEFAULT_TRANSITIONS)
    # Each move is said to be by a person or by a named rule.
    anonymous = session.scalar(
        select(func.count()).where(
            StageTransition.by_user_id.is_(None), StageTransition.by_rule.is_(None)
        )
    )
    assert anonymous == 0


def test_history_spans_eighteen_months_before_today(loaded: Loaded) -> None:
    session, _ = loaded
    first, last = session.execute(
        select(func.min(Touch.occurred_at), func.max(Touch.occurred_at))
    ).one()
    assert last < DEMO_NOW and last > DEMO_NOW - timedelta(days=7)
    assert first < DEMO_NOW - timedelta(days=480)
    stage_dates = session.scalars(select(Contact.stage_entered_at)).all()
    assert min(stage_dates) < DEMO_NOW - timedelta(days=365)


def test_the_contact_remembers_where_it_came_from(loaded: Loaded) -> None:
    session, _ = loaded
    sources = set(session.scalars(select(Contact.first_touch_source).distinct()))
    assert {"google", "linkedin"} <= sources
    personas = session.scalars(select(Contact.custom)).all()
    assert all(custom.get("persona") in catalog.PERSONAS for custom in personas)


def test_nobody_is_emailed_after_opting_out(loaded: Loaded) -> None:
    session, _ = loaded
    stopped: dict[int, datetime] = {}
    for contact_id, at in session.execute(
        select(ConsentChange.contact_id, ConsentChange.at).where(
            ConsentChange.new_value.in_(("opted_out", "true"))
        )
    ):
        stopped[contact_id] = min(at, stopped.get(contact_id, at))
    assert stopped
    later = [
        contact_id
        for contact_id, at in session.execute(
            select(Touch.contact_id, Touch.occurred_at).where(
                Touch.type.in_(("email_sent", "sales_email_sent")),
                Touch.contact_id.in_(stopped),
            )
        )
        if contact_id is not None and at > stopped[contact_id]
    ]
    assert later == []


def test_the_team_has_managers_and_can_sign_in(loaded: Loaded) -> None:
    session, _ = loaded
    users = {u.email: u for u in session.scalars(select(User))}
    manager = users[catalog.MANAGER_EMAIL]
    reps = [u for u in users.values() if u.role == "sales_rep"]

    assert len(reps) >= 4 and all(rep.manager_id == manager.id for rep in reps)
    assert {u.team for u in users.values()} >= {"marketing", "sales", "customer_success", "product"}
    assert verify_password(users[catalog.ADMIN_EMAIL].password_hash, catalog.DEMO_PASSWORD)


def test_notes_mention_colleagues(loaded: Loaded) -> None:
    session, _ = loaded
    mentioned = session.scalars(select(Note.mentioned_user_ids)).all()
    assert mentioned and all(ids for ids in mentioned)


def test_every_kind_of_touch_the_demo_records_is_a_registered_event_type(loaded: Loaded) -> None:
    """Scoring rules, workflows and Settings > Tracking list the registry: a type missing
    from it could not be chosen, although the demo's timelines are full of it."""
    session, _ = loaded
    recorded = set(session.scalars(select(Touch.type).distinct()))
    registered = set(session.scalars(select(EventType.name)))

    assert {"email_sent", "email_replied", "page_view"} <= recorded
    assert recorded <= registered, sorted(recorded - registered)


def test_every_touch_the_demo_records_has_flat_properties(loaded: Loaded) -> None:
    """What the API documents for a touch's properties (core.values) holds for the demo's
    eighteen months too: a client reading its timelines gets only typed values."""
    session, _ = loaded
    nested = [
        (touch_id, name)
        for touch_id, properties in session.execute(select(Touch.id, Touch.properties))
        for name, value in (properties or {}).items()
        if flat_value_problem(value) is not None
    ]
    assert nested == []


def test_the_demo_shares_an_approved_library_its_downloads_name(loaded: Loaded) -> None:
    session, _ = loaded
    library = {a.title: a for a in session.scalars(select(ContentAsset))}
    assert set(library) == {title for _, title, _ in catalog.ASSETS}
    assert {a.status for a in library.values()} == {"approved"}
    downloads = session.execute(
        select(Touch.asset_id, Touch.properties).where(Touch.type == "asset_downloaded")
    ).all()
    assert downloads, "the demo's contacts download content"
    assert all(library[props["asset"]].id == asset_id for asset_id, props in downloads)
