"""Grades from the ICP and personas, MQL criteria applied at once with the reason, account
roll-ups and the buying group."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.contacts.merge import merge_contacts
from huddle.core.actor import SYSTEM
from huddle.lifecycle import service as lifecycle
from huddle.scoring import service
from huddle.scoring.models import ContactGrade, ContactScore
from huddle.scoring.service import roll_up
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_model, make_profile, points, set_mql, touch

ICP = [
    {
        "label": "Software",
        "weight": 2,
        "when": {"field": "account.industry", "op": "eq", "value": "Software"},
    },
    {
        "label": "50-500 people",
        "weight": 2,
        "when": {"field": "account.employee_count", "op": "between", "value": [50, 500]},
    },
]
MARKETING_LEADER = [
    {
        "label": "Marketing",
        "weight": 1,
        "when": {"field": "contact.department", "op": "eq", "value": "Marketing"},
    },
    {
        "label": "Senior",
        "weight": 1,
        "when": {"field": "contact.seniority", "op": "in", "value": ["director", "vp"]},
    },
]
OPS = [
    {
        "label": "Ops title",
        "weight": 1,
        "when": {"field": "contact.job_title", "op": "contains", "value": "ops"},
    }
]
DEMO = {"name": "Demo", "kind": "behaviour", "points": 40, "event": {"types": ["demo_requested"]}}
PAGE = {"name": "Any page", "kind": "behaviour", "points": 10, "event": {"types": ["page_view"]}}


def _grading(db: Session) -> None:
    make_profile(db, "icp", "ICP", ICP)
    make_profile(db, "persona", "Marketing leader", MARKETING_LEADER)
    make_profile(db, "persona", "Marketing ops", OPS)


@pytest.mark.parametrize(
    ("account", "contact", "grade", "persona"),
    [
        (
            {"industry": "Software", "employee_count": 100},
            {"department": "Marketing", "seniority": "VP"},
            "A",
            "Marketing leader",
        ),
        (
            {"industry": "Software", "employee_count": 100},
            {"department": "Marketing", "seniority": "entry"},
            "B",
            "Marketing leader",
        ),
        (
            {"industry": "Software", "employee_count": 10},
            {"department": "Marketing", "seniority": "entry"},
            "C",
            "Marketing leader",
        ),
        (
            {"industry": "Retail", "employee_count": 10},
            {"job_title": "Marketing Ops lead"},
            "D",
            "Marketing ops",
        ),
    ],
)
def test_grade_is_best_persona_match_times_icp_match(
    db: Session, account: dict[str, object], contact: dict[str, object], grade: str, persona: str
) -> None:
    _grading(db)
    person = make_contact(db, account=make_account(db, **account), **contact)
    service.rescore_all(db, reason="test", actor=SYSTEM)
    read = service.explain_scores(db, person.id).grade
    assert read is not None
    assert (read.grade, read.persona) == (grade, persona)
    assert any(persona in why for why in read.why)


def test_meeting_mql_criteria_moves_the_contact_by_rule_with_the_reason(db: Session) -> None:
    _grading(db)
    engagement = make_model(db, [DEMO, PAGE], name="Marketing engagement")
    set_mql(
        db,
        {
            "all": [
                {"field": "grade", "op": "in", "value": ["A", "B"]},
                {"field": f"score.{engagement.id}", "op": "gte", "value": 60},
            ]
        },
    )
    account = make_account(db, industry="Software", employee_count=100)
    good = make_contact(db, account=account, department="Marketing", seniority="VP")
    poor_fit = make_contact(db, account=make_account(db, industry="Retail"), department="Marketing")
    service.rescore_all(db, reason="test", actor=SYSTEM)
    for contact in (good, poor_fit):
        touch(db, contact, "demo_requested")
        touch(db, contact, "page_view")
    assert (good.lifecycle_stage, poor_fit.lifecycle_stage) == ("lead", "lead")
    touch(db, good, "page_view")
    touch(db, poor_fit, "page_view")
    db.refresh(good)
    db.refresh(poor_fit)
    assert (good.lifecycle_stage, poor_fit.lifecycle_stage) == ("mql", "lead")
    last = lifecycle.stage_history(db, good.id)[-1]
    assert last.to_stage == "mql"
    assert last.by_rule == "MQL criteria v1"
    assert last.reason is not None
    assert "Marketing engagement ≥ 60" in last.reason
    assert "Marketing engagement 60" in last.reason and "grade A" in last.reason


def test_requested_demo_or_quote_qualifies_on_the_touch(db: Session) -> None:
    set_mql(db, {"touched": {"types": ["demo_requested", "quote_requested"], "within_days": 30}})
    contact = make_contact(db)
    touch(db, contact, "page_view")
    db.refresh(contact)
    assert contact.lifecycle_stage == "lead"
    touch(db, contact, "quote_requested")
    db.refresh(contact)
    assert contact.lifecycle_stage == "mql"


def test_sql_waits_for_sales_unless_configured(db: Session) -> None:
    from huddle.scoring.schemas import CriteriaWrite

    set_mql(db, {"touched": {"types": ["demo_requested"]}})
    service.save_criteria(
        db,
        "sql",
        CriteriaWrite(condition={"touched": {"types": ["contract_viewed"]}}, automatic=False),
        actor=SYSTEM,
    )
    contact = make_contact(db)
    touch(db, contact, "demo_requested")
    touch(db, contact, "contract_viewed")
    db.refresh(contact)
    assert contact.lifecycle_stage == "mql"


@pytest.mark.parametrize(
    ("rollup", "expected"),
    [
        ({"method": "sum"}, 100.0),
        ({"method": "sum", "cap": 70}, 70.0),
        ({"method": "max"}, 50.0),
        ({"method": "top_n", "n": 2}, 90.0),
    ],
)
def test_account_scores_roll_up_their_contacts(
    db: Session, rollup: dict[str, object], expected: float
) -> None:
    model = make_model(db, [PAGE], account_rollup=rollup)
    account = make_account(db)
    for views in (5, 4, 1):
        contact = make_contact(db, account=account)
        for _ in range(views):
            touch(db, contact)
    make_contact(db)  # another account's contact counts nowhere
    scores = {s.model_id: s for s in service.account_scores(db, account.id)}
    assert scores[model.id].score == expected
    assert scores[model.id].contacts == 3
    assert roll_up([], rollup) == 0


def test_buying_group_shows_engaged_and_missing_personas(db: Session) -> None:
    _grading(db)
    make_model(db, [PAGE])
    account = make_account(db, industry="Software", employee_count=100)
    leader = make_contact(db, account=account, department="Marketing", seniority="VP")
    make_contact(db, account=account, job_title="Marketing ops")
    service.rescore_all(db, reason="test", actor=SYSTEM)
    touch(db, leader)
    group = service.buying_group(db, account.id)
    assert group.personas_engaged == ["Marketing leader"]
    assert group.personas_missing == ["Marketing ops"]
    assert group.members[0].contact_id == leader.id


def test_a_merged_contact_takes_its_scores_and_grade_with_it(db: Session) -> None:
    """Scores and grades are derived rows without foreign keys: the trigger on contacts
    removes them with the contact (a merge deletes the merged one); the survivor is
    rescored with what it took over."""
    _grading(db)
    engagement = make_model(db, [PAGE], name="Marketing engagement", is_primary=True)
    account = make_account(db, industry="Software", employee_count=100)
    survivor = make_contact(db, account=account, department="Marketing", seniority="VP")
    merged = make_contact(db, account=account, department="Marketing", seniority="entry")
    touch(db, merged)
    service.rescore_all(db, reason="test", actor=SYSTEM)
    merged_id = merged.id

    def derived(contact_id: int) -> tuple[int, int]:
        return (
            db.query(ContactScore).filter_by(contact_id=contact_id).count(),
            db.query(ContactGrade).filter_by(contact_id=contact_id).count(),
        )

    assert derived(merged_id) == (1, 1)
    merge_contacts(db, survivor.id, merged_id, actor=SYSTEM)
    db.expire_all()
    assert derived(merged_id) == (0, 0)
    assert derived(survivor.id) == (1, 1)
    assert points(db, survivor, engagement) == 10  # the merged contact's touch counts now
