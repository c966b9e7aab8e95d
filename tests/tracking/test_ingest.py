"""The events batch service: every refused event is reported by its index with a precise
reason, the first one its checks meet; the others are stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.contacts import service as contacts
from huddle.contacts.models import Touch
from huddle.contacts.service import TouchRow
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.tracking import service
from huddle.tracking.models import EventType
from tests.contacts.factories import make_contact

EMAIL = "wile@acme-rockets.example"
WHEN = "an ISO 8601 time with its zone, e.g. 2026-03-02T09:00:00Z"
KEY = "idempotency_key: text of 1 to 190 characters is required"


def _event(n: int, **overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "webinar_attended",
        "idempotency_key": f"evt-{n}",
        "email": EMAIL,
        "occurred_at": "2026-03-01T10:00:00Z",
        "properties": {"webinar": "Rockets 101"},
    }
    event.update(overrides)
    return {name: value for name, value in event.items() if value is not ...}


# Each case: the event, the reason it is refused (None: stored).
CASES: list[tuple[Any, str | None]] = [
    ("not an object", "an event is a JSON object"),
    (_event(1, colour="red", zebra=1), "unknown field colour"),
    (_event(2, colour="red", type="no_such_type"), "unknown field colour"),
    (_event(3, type="no_such_type"), "type: unknown event type 'no_such_type'"),
    (_event(4, type=...), "type: the name of an event type (text) is required"),
    (_event(4, type=["webinar_attended"]), "type: the name of an event type (text) is required"),
    (_event(4, type={"name": "x"}), "type: the name of an event type (text) is required"),
    (_event(5, idempotency_key=""), KEY),
    (_event(6, idempotency_key="k" * 191), KEY),
    (_event(7, idempotency_key=7), KEY),
    (_event(8, idempotency_key=..., email=42), KEY),
    (_event(9, email=42), "email: text"),
    (_event(10, email="not-an-email"), "email: 'not-an-email' is not an email address"),
    (_event(11, email="   "), "email: email is required"),
    (_event(12, email="a@" + "b" * 320 + ".example"), "email: email is longer than 320 characters"),
    (_event(13, email=...), "email or contact_id is required"),
    (_event(14, email=None, contact_id="12"), "contact_id: an integer"),
    (_event(15, email=None, contact_id=True), "contact_id: an integer"),
    (_event(16, visitor_id=""), "visitor_id: text of 1 to 64 characters"),
    (_event(17, visitor_id="v" * 65), "visitor_id: text of 1 to 64 characters"),
    (_event(18, visitor_id=18), "visitor_id: text of 1 to 64 characters"),
    (_event(19, properties=[1]), "properties: a JSON object"),
    (_event(20, properties="x"), "properties: a JSON object"),
    (
        _event(21, type="quote_requested", properties={"seats": "many"}),
        "properties.seats: expected integer",
    ),
    (
        _event(22, type="quote_requested", properties={"seats": True}),
        "properties.seats: expected integer",
    ),
    (_event(23, type="gift_sent", properties={"value": 5}), "properties.note is required"),
    (
        _event(24, type="gift_sent", properties={"note": "x", "value": "5"}),
        "properties.value: expected number",
    ),
    (
        _event(25, type="gift_sent", properties={"note": "x", "value": False}),
        "properties.value: expected number",
    ),
    (_event(26, occurred_at="yesterday"), f"occurred_at: {WHEN}"),
    (_event(27, occurred_at="2026-03-01T10:00:00"), f"occurred_at: {WHEN}"),
    (_event(28, occurred_at=1772359200), f"occurred_at: {WHEN}"),
    (_event(29, visitor_id="", occurred_at="yesterday"), "visitor_id: text of 1 to 64 characters"),
    (
        _event(30, type="product_login", email="ghost@nowhere.example", properties={}),
        "no contact with this email, and product_login events do not create contacts",
    ),
    (_event(31, email=None, contact_id=10**9), f"no contact with id {10**9}"),
    # Stored: the email wins over a contact id; an absent time is now; empty properties;
    # a property of a type the schema does not name, and one of the schema's types
    (_event(32, contact_id=10**9, email=" Wile@Acme-Rockets.Example "), None),
    (_event(33, occurred_at=..., properties=None), None),
    (_event(34, properties=0), None),
    (_event(35, type="gift_sent", properties={"note": "x", "value": 2.5, "extra": [1]}), None),
    (_event(36, type="gift_sent", properties={"note": "x", "value": 3, "colour": None}), None),
    (_event(37, occurred_at="2026-03-01T12:00:00+02:00", visitor_id="v" * 64), None),
    # Control characters, wherever they hide (PostgreSQL cannot even store a NUL in jsonb).
    (
        _event(38, properties={"webinar": "Rockets\x00101"}),
        "properties.webinar contains a control character U+0000 (null) at position 8",
    ),
    (
        _event(39, properties={"source\x1b": "ads"}),
        "properties.source\x1b contains a control character U+001B (escape) at position 7",
    ),
    (
        _event(40, properties={"tags": ["ok", "bell\x07"]}),
        "properties.tags[1] contains a control character U+0007 at position 5",
    ),
    (
        _event(41, idempotency_key="k\x00"),
        "idempotency_key contains a control character U+0000 (null) at position 2",
    ),
    (_event(42, properties={"note": "line one\nline two"}), None),
    # Properties are flat: text, numbers, true/false, null or lists of those.
    (
        _event(43, properties={"utm": {"source": "ads"}}),
        "properties.utm is an object: a value is text, a number, true/false, null or a list "
        "of those",
    ),
    (
        _event(44, properties={"tags": ["ok", {"colour": "red"}]}),
        "properties.tags[1] is an object: a list holds text, numbers, true/false or null",
    ),
    (
        _event(45, properties={"tags": [["nested"]]}),
        "properties.tags[0] is a list: a list holds text, numbers, true/false or null",
    ),
    (_event(46, properties={"tags": ["a", 1, 2.5, True, None], "seen": False}), None),
]


def test_each_refused_event_is_reported_with_its_index_and_reason(db: Session, admin: User) -> None:
    make_contact(db, email=EMAIL)
    db.add(
        EventType(
            name="gift_sent",
            label="Gift sent",
            category="sales",
            properties_schema={
                "type": "object",
                "required": ["note"],
                "properties": {"note": {"type": "string"}, "value": {"type": "number"}},
            },
        )
    )
    db.flush()
    report = service.ingest_events(
        db, [event for event, _ in CASES], actor=Actor.user(admin.id, role="admin")
    )
    refused = {n: reason for n, (_, reason) in enumerate(CASES) if reason is not None}
    assert report.failed == sorted(refused.items())
    assert report.stored == len(CASES) - len(refused)
    assert (report.duplicates, report.contacts_created) == (0, 0)


def test_an_event_without_a_time_happened_now(db: Session, admin: User) -> None:
    contact = make_contact(db, email=EMAIL)
    before = clock.now()
    service.ingest_events(
        db, [_event(1, occurred_at=...)], actor=Actor.user(admin.id, role="admin")
    )
    db.refresh(contact)
    assert contact.first_touch_at is not None and contact.first_touch_at >= before.replace(
        microsecond=0
    )


def test_an_identifying_event_gives_its_visitors_history_to_the_contact(
    db: Session, admin: User
) -> None:
    contact = make_contact(db, email=EMAIL)
    for visitor in ("visitor-a", "visitor-b"):
        contacts.record_touches(
            db,
            [
                TouchRow(
                    type="page_view",
                    occurred_at=datetime(2026, 3, 1, tzinfo=UTC),
                    visitor_id=visitor,
                )
            ],
            actor=SYSTEM,
        )
    report = service.ingest_events(
        db,
        [
            _event(1, visitor_id="visitor-a"),  # webinar_attended identifies the person
            _event(2, type="product_login", properties={}, visitor_id="visitor-b"),  # does not
        ],
        actor=Actor.user(admin.id, role="admin"),
    )
    assert report.stored == 2
    touches = db.scalars(select(Touch).order_by(Touch.id)).all()
    owners = {t.visitor_id: t.contact_id for t in touches if t.type == "page_view"}
    assert owners == {"visitor-a": contact.id, "visitor-b": None}
    # The events' own touches keep no visitor id.
    assert [t.visitor_id for t in touches if t.type != "page_view"] == [None, None]
