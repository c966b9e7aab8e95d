"""Each rule kind, caps, windows, negative points and decay, applied as touches arrive."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.models import Contact
from huddle.contacts.schemas import AccountUpdate, ContactUpdate
from huddle.core.actor import SYSTEM
from huddle.core.clock import FrozenClock
from huddle.scoring import service
from huddle.scoring.schemas import ScoreModelWrite
from tests.contacts.factories import make_account, make_contact
from tests.scoring.factories import make_model, points, touch

PRICING = {
    "name": "Pricing page",
    "kind": "behaviour",
    "points": 5,
    "cap": 12,
    "event": {
        "types": ["page_view"],
        "where": {"field": "properties.url", "op": "matches", "value": "/pricing"},
    },
}


def _fit(field: str, op: str, value: object = None, points: int = 10) -> dict[str, object]:
    when: dict[str, object] = {"field": field, "op": op}
    if value is not None:
        when["value"] = value
    return {"name": f"{field} {op}", "kind": "fit", "points": points, "when": when}


def _rescored(db: Session) -> None:
    service.rescore_all(db, reason="test", actor=SYSTEM)


@pytest.mark.parametrize(
    ("rule", "matching", "other"),
    [
        (
            _fit("contact.job_title", "contains_any", ["VP", "Head of"]),
            {"job_title": "vp Marketing"},
            {"job_title": "Intern"},
        ),
        (
            _fit("contact.seniority", "in", ["director", "executive"]),
            {"seniority": "Director"},
            {"seniority": "entry"},
        ),
        (
            _fit("account.employee_count", "between", [50, 500]),
            {"account": {"employee_count": 200}},
            {"account": {"employee_count": 20}},
        ),
        (
            _fit("account.annual_revenue", "gte", 1_000_000),
            {"account": {"annual_revenue": 2e6}},
            {"account": {"annual_revenue": 1e5}},
        ),
        (
            _fit("account.industry", "in", ["Software"]),
            {"account": {"industry": "software"}},
            {"account": {"industry": "Retail"}},
        ),
        (_fit("contact.country", "in", ["DE", "FR"]), {"country": "DE"}, {"country": "US"}),
        (
            _fit("account.technologies", "includes", "Salesforce"),
            {"account": {"technologies": ["HubSpot", "Salesforce"]}},
            {"account": {"technologies": ["HubSpot"]}},
        ),
        (
            _fit("account.is_target", "is_true"),
            {"account": {"is_target": True}},
            {"account": {"is_target": False}},
        ),
    ],
)
def test_fit_rules_score_once_on_attributes(
    db: Session, rule: dict[str, object], matching: dict[str, object], other: dict[str, object]
) -> None:
    model = make_model(db, [rule])
    contacts = []
    for attributes in (matching, other):
        attributes = dict(attributes)
        account = attributes.pop("account", None)
        if isinstance(account, dict):
            attributes["account"] = make_account(db, **account)
        contacts.append(make_contact(db, **attributes))
    _rescored(db)
    assert points(db, contacts[0], model) == 10
    assert points(db, contacts[1], model) == 0


def test_behaviour_points_per_occurrence_up_to_the_cap(db: Session) -> None:
    model = make_model(db, [PRICING])
    contact = make_contact(db)
    touch(db, contact, url="https://x.example/pricing")
    assert points(db, contact, model) == 5
    touch(db, contact, url="https://x.example/blog")  # does not match the filter
    touch(db, contact, "email_opened", url="https://x.example/pricing")  # other type
    assert points(db, contact, model) == 5
    touch(db, contact, url="https://x.example/pricing?plan=pro")
    touch(db, contact, url="https://x.example/PRICING")
    assert points(db, contact, model) == 12
    rule = service.explain_scores(db, contact.id).models[0].rules[0]
    assert (rule.occurrences, rule.raw_points, rule.decayed_points, rule.capped_at) == (
        3,
        15,
        12,
        12,
    )


def test_a_window_counts_only_the_last_n_days(db: Session, frozen_clock: FrozenClock) -> None:
    rule = {
        "name": "Webinar",
        "kind": "behaviour",
        "points": 10,
        "event": {"types": ["webinar_attended"], "within_days": 30},
    }
    model = make_model(db, [rule])
    contact = make_contact(db)
    now = frozen_clock.now()
    touch(db, contact, "webinar_attended", at=now - timedelta(days=45))
    touch(db, contact, "webinar_attended", at=now - timedelta(days=10))
    assert points(db, contact, model) == 10
    frozen_clock.advance(timedelta(days=25))
    _rescored(db)
    assert points(db, contact, model) == 0


def test_negative_rules_take_points_away(db: Session) -> None:
    rules = [
        _fit("contact.job_title", "contains_any", ["Director"], points=30),
        {
            "name": "Unsubscribed",
            "kind": "negative",
            "points": -50,
            "when": {"field": "contact.email_opt_in", "op": "eq", "value": "opted_out"},
        },
        {
            "name": "Competitor",
            "kind": "negative",
            "points": -100,
            "when": {"field": "contact.email_domain", "op": "in", "value": ["rival.example"]},
        },
        {
            "name": "Student",
            "kind": "negative",
            "points": -30,
            "when": {
                "field": "contact.job_title",
                "op": "contains_any",
                "value": ["student", "job seeker"],
            },
        },
        {
            "name": "Bounced",
            "kind": "negative",
            "points": -20,
            "cap": 30,
            "event": {"types": ["email_bounced"]},
        },
    ]
    model = make_model(db, rules)
    unsubscribed = make_contact(db, job_title="Director of IT", email_opt_in="opted_out")
    competitor = make_contact(db, job_title="Director", email="spy@rival.example")
    student = make_contact(db, job_title="Student (Director of the chess club)")
    bouncing = make_contact(db, job_title="Director")
    _rescored(db)
    for _ in range(3):
        touch(db, bouncing, "email_bounced")
    assert points(db, unsubscribed, model) == -20
    assert points(db, competitor, model) == -70
    assert points(db, student, model) == 0
    assert points(db, bouncing, model) == 0  # 30 - min(60, 30)


def test_behaviour_points_decay_with_the_half_life(db: Session, frozen_clock: FrozenClock) -> None:
    rules = [
        {"name": "Demo", "kind": "behaviour", "points": 40, "event": {"types": ["demo_requested"]}},
        _fit("contact.country", "eq", "DE", points=10),
    ]
    model = make_model(db, rules, half_life_days=10)
    contact = make_contact(db, country="DE")
    touch(db, contact, "demo_requested")
    assert points(db, contact, model) == 50
    frozen_clock.advance(timedelta(days=10))
    _rescored(db)
    assert points(db, contact, model) == pytest.approx(30, abs=0.01)  # fit points never decay
    frozen_clock.advance(timedelta(days=10))
    breakdown = service.explain_scores(db, contact.id).models[0]
    assert breakdown.rules[0].decayed_points == pytest.approx(10, abs=0.01)
    assert breakdown.total == pytest.approx(20, abs=0.01)


def test_the_primary_model_total_is_the_contact_score(db: Session) -> None:
    make_model(db, [PRICING], name="Engagement", is_primary=True)
    other = make_model(db, [_fit("contact.country", "eq", "DE", points=7)], name="Fit")
    contact = make_contact(db, country="DE")
    _rescored(db)  # what the job queued by saving the models does
    touch(db, contact, url="/pricing")
    db.refresh(contact)
    assert contact.score == 5
    assert points(db, contact, other) == 7


def test_several_models_score_side_by_side(db: Session) -> None:
    engagement = make_model(db, [PRICING], name="Marketing engagement")
    readiness = make_model(
        db,
        [
            {
                "name": "Demo",
                "kind": "behaviour",
                "points": 50,
                "event": {"types": ["demo_requested"]},
            }
        ],
        name="Sales readiness",
    )
    contact: Contact = make_contact(db)
    touch(db, contact, "demo_requested")
    touch(db, contact, url="/pricing")
    assert (points(db, contact, engagement), points(db, contact, readiness)) == (5, 50)


def test_a_rescore_in_small_chunks_scores_every_contact(db: Session) -> None:
    """Chunks much smaller than the contacts (SQLite's short transactions) read each chunk's
    touches by the contact index; every contact still gets every model's total and its
    primary score, and a rule change rewrites the totals that changed."""
    contacts = [make_contact(db, country="DE" if n % 2 else "FR") for n in range(6)]
    for n, contact in enumerate(contacts):
        for _ in range(n):
            touch(db, contact, url="/pricing")
    engagement = make_model(db, [PRICING], name="Engagement", is_primary=True)
    fit = make_model(db, [_fit("contact.country", "eq", "DE", points=7)], name="Fit")
    service.rescore_all(db, reason="test", actor=SYSTEM, chunk=1)
    assert [points(db, c, engagement) for c in contacts] == [0, 5, 10, 12, 12, 12]
    assert [points(db, c, fit) for c in contacts] == [0, 7, 0, 7, 0, 7]
    changed = {**PRICING, "points": 4}
    service.save_model(
        db,
        ScoreModelWrite(name="Engagement", rules=[changed], is_primary=True),
        actor=SYSTEM,
        model_id=engagement.id,
    )
    service.rescore_all(db, reason="test", actor=SYSTEM, chunk=1)
    assert [points(db, c, engagement) for c in contacts] == [0, 4, 8, 12, 12, 12]
    for contact in contacts:
        db.refresh(contact)
    assert [c.score for c in contacts] == [0, 4, 8, 12, 12, 12]


def test_an_edited_contact_or_account_is_rescored_at_once(db: Session) -> None:
    """Fit points follow what people enter: a new job title, a bigger account."""
    title = _fit("contact.job_title", "contains_any", ["VP"], points=15)
    size = _fit("account.employee_count", "between", [50, 500], points=10)
    fit = make_model(db, [title, size], name="Fit", is_primary=True)
    account = make_account(db, employee_count=10)
    contact = make_contact(db, account=account, job_title="Analyst")
    colleague = make_contact(db, account=account, job_title="VP Sales")
    _rescored(db)
    assert (points(db, contact, fit), points(db, colleague, fit)) == (0, 15)
    edited = contacts_service.update_contact(
        db, contact.id, ContactUpdate(job_title="VP Marketing"), actor=SYSTEM
    )
    assert points(db, contact, fit) == 15
    assert edited.score == 15  # what the API answers the edit with: the new score
    contacts_service.update_account(db, account.id, AccountUpdate(employee_count=200), actor=SYSTEM)
    assert (points(db, contact, fit), points(db, colleague, fit)) == (25, 25)
    assert (contact.score, colleague.score) == (25, 25)
