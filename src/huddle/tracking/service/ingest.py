"""The server-side events API: a batch of up to 5,000 events, checked one by one, stored
together. A retried batch stores nothing twice; a bad event is reported, the rest stored.
Idempotency keys are the sender's (its API token): a key the sender used before for
another payload is reported as a conflict, not counted as a duplicate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.contacts.schemas import ContactCreate
from huddle.contacts.schemas.normalize import InvalidEmail, normalize_email
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.core.text import unclean_part
from huddle.core.values import flat_value_problem
from huddle.tracking import repository
from huddle.tracking.repository import IngestType
from huddle.tracking.service.website import identify_visitor

MAX_BATCH = 5000
MAX_KEY = 190
# The sender's keys live beside other sources' keys in touches.idempotency_key.
KEY_PREFIX = "event:"
EVENT_FIELDS = frozenset(
    {"type", "idempotency_key", "email", "contact_id", "visitor_id", "occurred_at", "properties"}
)
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
}


class InvalidEvent(ValueError):
    """Why one event of a batch is not stored."""


@dataclass(slots=True, kw_only=True)
class Event(contacts.TouchRow):
    """A checked event: the touch it is stored as (one object per event: at 5,000 a batch,
    each kept object costs the garbage collector too), with what finding its contact and
    identifying its visitor take. The touch itself keeps no visitor id."""

    index: int
    kind: IngestType
    email: str | None
    visitor: str | None


@dataclass(frozen=True, slots=True)
class EventKind:
    """An event type with its properties schema read once a batch: the required names, and
    each typed property's name, Python types and schema type."""

    event_type: IngestType
    required: tuple[str, ...]
    typed: tuple[tuple[str, tuple[type, ...], Any], ...]

    @classmethod
    def of(cls, event_type: IngestType) -> EventKind:
        schema = event_type.properties_schema
        typed = tuple(
            (name, _PYTHON_TYPES.get(spec.get("type", ""), (object,)), spec.get("type"))
            for name, spec in schema.get("properties", {}).items()
        )
        return cls(event_type, tuple(schema.get("required", ())), typed)

    def check(self, properties: dict[str, Any]) -> None:
        """The schema: required properties present, given ones of their type."""
        for name in self.required:
            if name not in properties:
                raise InvalidEvent(f"properties.{name} is required")
        for name, expected, schema_type in self.typed:
            value = properties.get(name)
            if value is None:
                continue
            if not isinstance(value, expected) or (type(value) is bool and bool not in expected):
                raise InvalidEvent(f"properties.{name}: expected {schema_type}")


@dataclass(frozen=True, slots=True)
class ReplayConflict:
    """An event whose key its sender stored before for another payload (it is among the
    report's failures too, with the reason in words)."""

    index: int
    idempotency_key: str
    fingerprint: str
    stored_fingerprint: str


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    contacts_created: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[ReplayConflict] = field(default_factory=list)


def ingest_events(session: Session, events: Any, *, actor: Actor) -> IngestReport:
    """Store a batch of events as touches, set-at-a-time. Each event names its contact by
    email or contact_id; an unknown email creates the contact only when its event type says
    so. Failed events are reported by index and reason; the others are stored."""
    require(actor, Action.EVENTS_INGEST)
    if not isinstance(events, list):
        raise ValidationFailed("bad batch", [FieldError("events", "a list of events")])
    if len(events) > MAX_BATCH:
        raise ValidationFailed(
            "batch too large", [FieldError("events", f"at most {MAX_BATCH} events per batch")]
        )
    report = IngestReport()
    kinds = {name: EventKind.of(t) for name, t in repository.ingest_types(session).items()}
    now = clock.now()
    parsed: list[Event] = []
    for index, raw in enumerate(events):
        try:
            parsed.append(parse_event(index, raw, kinds, now))
        except InvalidEvent as exc:
            report.failed.append((index, str(exc)))
    ready, known = _with_contacts(session, parsed, report, actor=actor)
    ids = contacts.record_touches(session, ready, actor=actor, known=known)
    report.stored = sum(1 for touch_id in ids if touch_id is not None)
    conflicts = contacts.replay_conflicts(session, ready, ids, actor=actor)
    report.duplicates = len(ids) - report.stored - len(conflicts)
    for position, stored_fingerprint in sorted(conflicts.items()):
        _report_conflict(report, ready[position], stored_fingerprint)
    for event, touch_id in zip(ready, ids, strict=True):
        visitor, contact_id = event.visitor, event.contact_id
        if touch_id is not None and event.kind.identifies and visitor and contact_id:
            identify_visitor(session, visitor, contact_id, actor=actor)
    report.failed.sort()
    return report


def _report_conflict(report: IngestReport, event: Event, stored_fingerprint: str) -> None:
    key = (event.idempotency_key or "").removeprefix(KEY_PREFIX)
    report.conflicts.append(
        ReplayConflict(event.index, key, event.fingerprint or "", stored_fingerprint)
    )
    report.failed.append(
        (
            event.index,
            f"idempotency_key {key!r} was used before for another event "
            f"(stored fingerprint {stored_fingerprint}): a new event needs a new key",
        )
    )


def _with_contacts(
    session: Session, parsed: list[Event], report: IngestReport, *, actor: Actor
) -> tuple[list[Event], Mapping[int, Any]]:
    """Resolve every event's contact in one query per kind; create those the types allow."""
    by_email, existing = contacts.find_contacts(
        session,
        emails=sorted({e.email for e in parsed if e.email is not None}),
        contact_ids=sorted({e.contact_id for e in parsed if e.contact_id is not None}),
    )
    ready: list[Event] = []
    for event in parsed:
        if event.email is not None:
            contact_id = by_email.get(event.email)
            if contact_id is None and event.kind.creates_contacts:
                contact, _ = contacts.upsert_contact(
                    session, ContactCreate(email=event.email), actor=actor
                )
                by_email[event.email] = contact_id = contact.id
                report.contacts_created += 1
            if contact_id is None:
                report.failed.append(
                    (
                        event.index,
                        f"no contact with this email, and {event.type} "
                        "events do not create contacts",
                    )
                )
                continue
            event.contact_id = contact_id
            ready.append(event)
        elif event.contact_id in existing:
            ready.append(event)
        else:
            report.failed.append((event.index, f"no contact with id {event.contact_id}"))
    return ready, existing


def unknown_type(name: str) -> str:
    return f"unknown event type {name!r}"


def check_touch_type(session: Session, name: str) -> None:
    """A touch sent one at a time (``/touches``) takes the same types as a batch of events:
    the registered event types, so a touch no rule or report knows is never stored."""
    if not repository.event_type_registered(session, name):
        raise ValidationFailed("unknown event type", [FieldError("type", unknown_type(name))])


def parse_event(index: int, raw: Any, kinds: Mapping[str, EventKind], now: datetime) -> Event:
    """Check one event by hand: at thousands per batch a model per event costs more than
    the insert."""
    if type(raw) is not dict:
        raise InvalidEvent("an event is a JSON object")
    if not EVENT_FIELDS.issuperset(raw):
        raise InvalidEvent(f"unknown field {sorted(raw.keys() - EVENT_FIELDS)[0]}")
    name = raw.get("type")
    if type(name) is not str:
        raise InvalidEvent("type: the name of an event type (text) is required")
    kind = kinds.get(name)
    if kind is None:
        raise InvalidEvent(f"type: {unknown_type(name)}")
    key = raw.get("idempotency_key")
    if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY:
        raise InvalidEvent(f"idempotency_key: text of 1 to {MAX_KEY} characters is required")
    email, contact_id = _contact_reference(raw)
    visitor_id = raw.get("visitor_id")
    if visitor_id is not None and (
        not isinstance(visitor_id, str) or not 0 < len(visitor_id) <= 64
    ):
        raise InvalidEvent("visitor_id: text of 1 to 64 characters")
    properties = raw.get("properties") or {}
    if type(properties) is not dict:
        raise InvalidEvent("properties: a JSON object")
    _check_flat(properties)
    kind.check(properties)
    unclean = (
        unclean_part(key, "idempotency_key")
        or unclean_part(visitor_id, "visitor_id")
        or unclean_part(properties, "properties")
    )
    if unclean:
        raise InvalidEvent(unclean)
    return Event(
        type=kind.event_type.name,
        occurred_at=_occurred_at(raw.get("occurred_at"), now),
        contact_id=contact_id,
        properties=properties,
        idempotency_key=KEY_PREFIX + key,
        # The event as sent: a retry without occurred_at is the same event.
        fingerprint=contacts.fingerprint(raw),
        index=index,
        kind=kind.event_type,
        email=email,
        visitor=visitor_id,
    )


def _check_flat(properties: dict[str, Any]) -> None:
    """Each property holds a flat value (what ``/touches`` takes too): a nested object is
    refused, naming its key."""
    for name, value in properties.items():
        problem = flat_value_problem(value, f"properties.{name}")
        if problem is not None:
            raise InvalidEvent(problem)


def _contact_reference(raw: dict[str, Any]) -> tuple[str | None, int | None]:
    email, contact_id = raw.get("email"), raw.get("contact_id")
    if email is not None:
        if not isinstance(email, str):
            raise InvalidEvent("email: text")
        try:
            return normalize_email(email), None
        except InvalidEmail as exc:
            raise InvalidEvent(f"email: {exc}") from exc
    if contact_id is None:
        raise InvalidEvent("email or contact_id is required")
    if type(contact_id) is not int:
        raise InvalidEvent("contact_id: an integer")
    return None, contact_id


def _occurred_at(value: Any, now: datetime) -> datetime:
    if value is None:
        return now
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise InvalidEvent("occurred_at: an ISO 8601 time with its zone, e.g. 2026-03-02T09:00:00Z")
    return at
