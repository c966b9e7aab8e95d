"""Each kind of step and each exit criterion, with a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import TouchCreate
from huddle.core import clock
from huddle.core.actor import SYSTEM
from huddle.notifications import service as notifications
from huddle.notifications.models import Notification, WebhookDelivery
from huddle.workflows import service
from huddle.workflows.models import ContactListMember, Enrolment
from huddle.workflows.service.steps import next_weekday_hour
from tests.conftest import make_user
from tests.contacts.factories import make_contact, make_custom_field
from tests.workflows.factories import enrol, make_list, make_workflow, outcomes, run

MONDAY_9_UTC = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def monday(frozen_clock: clock.FrozenClock) -> clock.FrozenClock:
    """Monday 2 March 2026, 9:00 UTC, standing still until the test moves it."""
    assert frozen_clock.now() == MONDAY_9_UTC
    return frozen_clock


def test_a_wait_holds_the_contact_until_its_time_then_the_next_step_runs(
    db: Session, monday: clock.FrozenClock
) -> None:
    crm = make_list(db)
    workflow = make_workflow(
        db,
        [
            {"id": "wait", "kind": "wait", "minutes": 90, "next": "add"},
            {"id": "add", "kind": "add_to_list", "list_id": crm.id},
        ],
    )
    contact = make_contact(db)
    enrolment = enrol(db, workflow, contact.id)

    run(db)
    assert enrolment.step_id == "wait" and enrolment.next_run_at == MONDAY_9_UTC + timedelta(
        minutes=90
    )
    monday.set(MONDAY_9_UTC + timedelta(minutes=89))
    assert run(db) == 0
    monday.set(MONDAY_9_UTC + timedelta(minutes=90))
    run(db)

    assert outcomes(db, enrolment) == [("wait", "done"), ("add", "done")]
    assert enrolment.status == "completed"
    assert db.get(ContactListMember, (crm.id, contact.id)) is not None


def test_wait_until_a_weekday_and_hour_in_the_contacts_time_zone(
    db: Session, monday: clock.FrozenClock
) -> None:
    make_custom_field(db, key="time_zone", label="Time zone")
    workflow = make_workflow(
        db,
        [
            {"id": "w", "kind": "wait_until", "weekday": 2, "hour": 10, "time_zone": "UTC"},
        ],
    )
    in_tokyo = make_contact(db, custom={"time_zone": "Asia/Tokyo"})
    no_zone = make_contact(db)
    tokyo = enrol(db, workflow, in_tokyo.id)
    utc = enrol(db, workflow, no_zone.id)
    run(db)

    # Wednesday 10:00 in Tokyo is Wednesday 01:00 UTC; without a zone, the step's (UTC).
    assert tokyo.next_run_at == datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    assert utc.next_run_at == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    monday.set(datetime(2026, 3, 4, 1, 0, tzinfo=UTC))
    run(db)
    assert tokyo.status == "completed" and utc.status == "active"


def test_next_weekday_hour_is_strictly_after_now_and_follows_daylight_saving() -> None:
    from zoneinfo import ZoneInfo

    new_york = ZoneInfo("America/New_York")
    # Monday 9:00 UTC is 4:00 in New York (EST); "Monday 4:00" is a week later.
    assert next_weekday_hour(MONDAY_9_UTC, 0, 4, new_york) == datetime(
        2026, 3, 9, 8, 0, tzinfo=UTC
    )  # DST began on 8 March: 4:00 EDT is 8:00 UTC
    assert next_weekday_hour(MONDAY_9_UTC, 0, 5, new_york) == datetime(
        2026, 3, 2, 10, 0, tzinfo=UTC
    )


def _touch(db: Session, contact_id: int, touch_type: str, **properties: str) -> None:
    contacts.record_touch(
        db, TouchCreate(type=touch_type, contact_id=contact_id, properties=properties), actor=SYSTEM
    )


def test_a_wait_for_a_touch_goes_on_when_it_arrives_and_times_out_otherwise(
    db: Session, monday: clock.FrozenClock
) -> None:
    came, never = make_list(db), make_list(db)
    workflow = make_workflow(
        db,
        [
            {
                "id": "w",
                "kind": "wait_event",
                "touch_type": "demo_requested",
                "timeout_hours": 48,
                "next": "came",
                "timeout_next": "never",
            },
            {"id": "came", "kind": "add_to_list", "list_id": came.id},
            {"id": "never", "kind": "add_to_list", "list_id": never.id},
        ],
    )
    eager, silent = make_contact(db), make_contact(db)
    eager_run, silent_run = enrol(db, workflow, eager.id), enrol(db, workflow, silent.id)
    run(db)

    monday.set(MONDAY_9_UTC + timedelta(hours=1))
    _touch(db, eager.id, "page_view")  # not the touch it waits for
    assert run(db) == 0
    _touch(db, eager.id, "demo_requested")
    run(db)
    assert outcomes(db, eager_run) == [("w", "event"), ("came", "done")]

    monday.set(MONDAY_9_UTC + timedelta(hours=48))
    run(db)
    assert outcomes(db, silent_run) == [("w", "timeout"), ("never", "done")]


def test_a_branch_takes_yes_or_no_by_a_custom_field(db: Session) -> None:
    make_custom_field(db, key="tier", label="Tier")
    gold, other = make_list(db), make_list(db)
    workflow = make_workflow(
        db,
        [
            {
                "id": "b",
                "kind": "branch",
                "condition": {
                    "rules": [{"field": "contact.custom.tier", "op": "eq", "value": "gold"}]
                },
                "yes": "gold",
                "no": "other",
            },
            {"id": "gold", "kind": "add_to_list", "list_id": gold.id},
            {"id": "other", "kind": "add_to_list", "list_id": other.id},
        ],
    )
    golden = enrol(db, workflow, make_contact(db, custom={"tier": "Gold"}).id)
    plain = enrol(db, workflow, make_contact(db, custom={"tier": "silver"}).id)
    run(db)
    assert outcomes(db, golden) == [("b", "yes"), ("gold", "done")]
    assert outcomes(db, plain) == [("b", "no"), ("other", "done")]


def test_lists_fields_and_the_stage_change_through_lifecycle(db: Session) -> None:
    make_custom_field(db, key="nurture", label="Nurture")
    crm = make_list(db)
    workflow = make_workflow(
        db,
        [
            {"id": "a", "kind": "add_to_list", "list_id": crm.id, "next": "r"},
            {"id": "r", "kind": "remove_from_list", "list_id": crm.id, "next": "f"},
            {"id": "f", "kind": "set_field", "field": "job_title", "value": "CTO", "next": "c"},
            {
                "id": "c",
                "kind": "set_field",
                "field": "custom.nurture",
                "value": "done",
                "next": "s",
            },
            {"id": "s", "kind": "change_stage", "stage": "mql"},
        ],
    )
    contact = make_contact(db)
    enrolment = enrol(db, workflow, contact.id)
    run(db)

    assert [o for _, o in outcomes(db, enrolment)] == ["done"] * 5
    db.refresh(contact)
    assert contact.job_title == "CTO" and contact.custom["nurture"] == "done"
    assert contact.lifecycle_stage == "mql"
    assert db.get(ContactListMember, (crm.id, contact.id)) is None


def test_a_stage_move_lifecycle_does_not_allow_is_skipped_with_the_reason(db: Session) -> None:
    workflow = make_workflow(db, [{"id": "s", "kind": "change_stage", "stage": "customer"}])
    enrolment = enrol(db, workflow, make_contact(db).id)  # lead -> customer is not allowed
    run(db)
    assert outcomes(db, enrolment) == [("s", "skipped")]
    assert enrolment.status == "completed"


def test_a_task_for_the_owner_a_notice_and_a_signed_webhook(db: Session) -> None:
    owner, manager = make_user(db, role="sales_rep", team="sales"), make_user(db)
    hook = notifications.save_webhook(
        db,
        name="CRM",
        url="https://hooks.example/in",
        secret="s" * 20,
        actor=SYSTEM,
    )
    workflow = make_workflow(
        db,
        [
            {"id": "t", "kind": "create_task", "title": "Call them", "next": "n"},
            {"id": "n", "kind": "notify", "user_id": manager.id, "message": "FYI", "next": "h"},
            {"id": "h", "kind": "webhook", "webhook_id": hook.id},
        ],
    )
    contact = make_contact(db, owner_id=owner.id)
    enrol(db, workflow, contact.id)
    run(db)

    notes = db.scalars(select(Notification).order_by(Notification.id)).all()
    assert [(n.user_id, n.kind) for n in notes[-2:]] == [
        (owner.id, "workflow.task"),
        (manager.id, "workflow.notice"),
    ]
    assert notes[-2].data["contact_id"] == contact.id
    # The webhook hears of the notifications too (it listens to notification.created).
    delivery = db.scalars(
        select(WebhookDelivery).where(
            WebhookDelivery.webhook_id == hook.id, WebhookDelivery.kind == "workflow.step"
        )
    ).one()
    assert f'"id": {contact.id}' in delivery.body


def test_an_enrol_step_puts_the_contact_in_another_workflow(db: Session) -> None:
    crm = make_list(db)
    other = make_workflow(db, [{"id": "a", "kind": "add_to_list", "list_id": crm.id}])
    first = make_workflow(db, [{"id": "e", "kind": "enrol", "workflow_id": other.id}])
    contact = make_contact(db)
    enrol(db, first, contact.id)
    run(db)
    assert db.get(ContactListMember, (crm.id, contact.id)) is not None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"lifecycle_stage": "sql"}, "became sql"),
        ({"do_not_email": True}, "unsubscribed"),
        ({"email_opt_in": "opted_out"}, "unsubscribed"),
        ({"job_title": "Student"}, "met the exit condition"),
    ],
)
def test_exit_criteria_are_checked_before_every_step(
    db: Session, monday: clock.FrozenClock, change: dict[str, object], reason: str
) -> None:
    crm = make_list(db)
    workflow = make_workflow(
        db,
        [
            {"id": "w", "kind": "wait", "minutes": 60, "next": "a"},
            {"id": "a", "kind": "add_to_list", "list_id": crm.id},
        ],
        exit_criteria={
            "condition": {"rules": [{"field": "contact.job_title", "op": "eq", "value": "Student"}]}
        },
    )
    contact = make_contact(db)
    enrolment = enrol(db, workflow, contact.id)
    run(db)
    for name, value in change.items():
        setattr(contact, name, value)
    db.flush()
    monday.set(MONDAY_9_UTC + timedelta(hours=1))
    run(db)

    assert outcomes(db, enrolment) == [("w", "exited")]
    assert enrolment.status == "exited" and enrolment.reason == reason
    assert db.get(ContactListMember, (crm.id, contact.id)) is None
    counts = {c.step_id: c for c in service.step_counts(db, workflow.id, actor=SYSTEM)}
    assert (counts["w"].exited, counts["w"].went_through, counts["a"].went_through) == (1, 0, 0)


def test_a_step_is_never_run_twice_for_one_visit(db: Session) -> None:
    crm = make_list(db)
    workflow = make_workflow(db, [{"id": "a", "kind": "add_to_list", "list_id": crm.id}])
    enrolment = enrol(db, workflow, make_contact(db).id)
    run(db)
    assert run(db) == 0
    assert outcomes(db, enrolment) == [("a", "done")]
    assert db.scalar(select(Enrolment.steps_taken).where(Enrolment.id == enrolment.id)) == 1


def test_a_paused_workflow_holds_its_contacts_where_they_are(db: Session) -> None:
    crm = make_list(db)
    workflow = make_workflow(db, [{"id": "a", "kind": "add_to_list", "list_id": crm.id}])
    enrolment = enrol(db, workflow, make_contact(db).id)
    service.set_status(db, workflow.id, "paused", actor=SYSTEM)
    assert run(db) == 0
    service.set_status(db, workflow.id, "active", actor=SYSTEM)
    run(db)
    assert enrolment.status == "completed"
