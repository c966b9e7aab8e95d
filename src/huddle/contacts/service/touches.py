"""Touches: everything a contact did or that was done to them, each stored exactly once."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

import orjson
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from huddle.campaigns import service as campaigns
from huddle.contacts import repository
from huddle.contacts.events import TouchesAttached, TouchesRecorded, TouchRecorded
from huddle.contacts.models import Contact, Touch
from huddle.contacts.repository import TouchBatch, TouchMoves
from huddle.contacts.schemas import TouchCreate
from huddle.contacts.service.common import raise_if, require, touch_actor_type
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, FieldError
from huddle.core.events import publish
from huddle.core.jobs import enqueue
from huddle.core.permissions import Action
from huddle.core.recordids import case_safe
from huddle.core.settings import get_settings

# contact column suffix -> (touch property names, first one present wins; column length)
ATTRIBUTION: dict[str, tuple[tuple[str, ...], int]] = {
    "source": (("utm_source",), 200),
    "medium": (("utm_medium",), 200),
    "campaign": (("utm_campaign",), 200),
    "referrer": (("referrer",), 2000),
    "landing_page": (("landing_page", "url"), 2000),
}

_ATTRIBUTION_SOURCES = tuple(ATTRIBUTION.values())
_ATTRIBUTION_NAMES = tuple((suffix, names) for suffix, (names, _) in ATTRIBUTION.items())
_PROPERTY_LENGTHS = tuple(
    (name, length) for names, length in _ATTRIBUTION_SOURCES for name in names
)


def get_touch(session: Session, touch_id: int) -> Touch:
    return require(repository.touch(session, touch_id), "touch", touch_id)


# --- idempotency -------------------------------------------------------------------------


class IdempotencyConflict(Conflict):
    """The sender used a key again for a different delivery. Like a payment API, this is
    refused rather than taken for a retry: one of the two deliveries is a sender's bug."""

    code = "idempotency_conflict"

    def __init__(self, key: str, *, fingerprint: str, stored_fingerprint: str) -> None:
        super().__init__(
            f"idempotency_key {key!r} was used before for a different request "
            f"(stored fingerprint {stored_fingerprint}); use a new key for a new touch"
        )
        self.key = key
        self.fingerprint = fingerprint
        self.stored_fingerprint = stored_fingerprint


def idempotency_scope(actor: Actor) -> str:
    """Whose keys these are: an API token's own (each integration has its token), else the
    signed-in user's, else Huddle's own sender's (the snippet, forms, email tracking)."""
    if actor.token_id is not None:
        return f"token:{actor.token_id}"
    if actor.kind == "user":
        return f"user:{actor.user_id}"
    return f"{actor.kind}:{actor.label or ''}"[:80]


def fingerprint(payload: Any) -> str:
    """sha256 (hex) of the payload as canonical JSON: keys sorted at every level, no
    whitespace, UTF-8 (``json.dumps(payload, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)`` gives the same bytes for JSON a sender parsed)."""
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def replay_conflicts(
    session: Session, rows: Sequence[TouchRow], ids: Sequence[int | None], *, actor: Actor
) -> dict[int, str]:
    """After ``record_touches``: the places of the rows skipped because their sender had
    stored the key for ANOTHER payload, each with the stored fingerprint. Rows without a
    fingerprint, and keys stored without one, are plain duplicates. One indexed read, and
    only when a row was skipped."""
    skipped = [
        place
        for place, (row, touch_id) in enumerate(zip(rows, ids, strict=True))
        if touch_id is None and row.idempotency_key is not None and row.fingerprint is not None
    ]
    if not skipped:
        return {}
    keys = sorted({cast(str, rows[place].idempotency_key) for place in skipped})
    stored = repository.stored_fingerprints(session, idempotency_scope(actor), keys)
    conflicts: dict[int, str] = {}
    for place in skipped:
        row = rows[place]
        before = stored.get(cast(str, row.idempotency_key))
        if before is not None and before != row.fingerprint:
            conflicts[place] = before
    return conflicts


# --- one at a time -----------------------------------------------------------------------


def record_touch(session: Session, data: TouchCreate, *, actor: Actor) -> Touch:
    """Store a touch once per sender and key (the same key and payload again returns the
    stored touch unchanged; another payload raises ``IdempotencyConflict``), keep the
    contact's first and last touch source current and publish ``TouchRecorded``."""
    return store_touch(session, data, actor=actor)[0]


def store_touch(session: Session, data: TouchCreate, *, actor: Actor) -> tuple[Touch, bool]:
    """``record_touch`` that also says whether the touch is new (False: a repeated key).
    Sales reps log touches only on their own or unassigned contacts: a call logged on a
    colleague's lead would count as that colleague's first touch."""
    permissions.require(actor, Action.TOUCH_WRITE)
    contact = None
    if data.contact_id is not None:
        contact = require(repository.contact(session, data.contact_id), "contact", data.contact_id)
        permissions.require_owned(actor, Action.TOUCH_WRITE, contact.owner_id)
    if data.campaign_id is not None and not repository.campaign_exists(session, data.campaign_id):
        raise_if(
            [FieldError("campaign_id", f"no campaign with id {data.campaign_id}")], "bad touch"
        )
    key = data.idempotency_key
    scope = idempotency_scope(actor)
    sent = fingerprint(data.model_dump(mode="json")) if key is not None else None
    campaign_id = data.campaign_id
    if campaign_id is None:
        campaign_id = campaigns.utm_mapper(session).campaign_for(data.properties)
    touch = repository.insert_touch(
        session,
        {
            "type": data.type,
            "occurred_at": data.occurred_at or clock.now(),
            "contact_id": data.contact_id,
            "visitor_id": data.visitor_id,
            "account_id": contact.account_id if contact is not None else None,
            "actor_type": touch_actor_type(actor),
            "actor_user_id": actor.user_id,
            "properties": data.properties,
            "campaign_id": campaign_id,
            "asset_id": data.asset_id,
            "workflow_id": data.workflow_id,
            "idempotency_scope": scope if key is not None else None,
            "idempotency_key": key,
            "idempotency_fingerprint": sent,
        },
    )
    if touch is None:
        key = key or ""
        stored = require(repository.touch_by_key(session, scope, key), "touch", key)
        before = stored.idempotency_fingerprint
        if sent is not None and before is not None and before != sent:
            raise IdempotencyConflict(key, fingerprint=sent, stored_fingerprint=before)
        # The same delivery again: the stored touch, unchanged.
        return stored, False
    if contact is not None:
        _attribute(contact, touch, session)
    publish(
        session,
        TouchRecorded(
            touch_id=touch.id,
            contact_id=touch.contact_id,
            type=touch.type,
            occurred_at=touch.occurred_at,
        ),
    )
    return touch, True


def attribution_values(properties: dict[str, Any]) -> dict[str, str | None]:
    """The source, medium, campaign, referrer and landing page a touch's properties give."""
    return dict(zip(ATTRIBUTION, attribution_tuple(properties), strict=True))


def attribution_tuple(properties: dict[str, Any]) -> tuple[str | None, ...]:
    """``attribution_values`` as a tuple in ``ATTRIBUTION`` order (the batch path's form)."""
    values: list[str | None] = []
    for names, length in _ATTRIBUTION_SOURCES:
        found = None
        for name in names:
            value = properties.get(name)
            if value is not None and value != "":
                found = str(value)[:length]
                break
        values.append(found)
    return tuple(values)


def _attribute(contact: Contact, touch: Touch, session: Session) -> None:
    """First touch: the earliest touch; last touch: the latest. Both only ever move outward,
    so the loaded contact is a safe first filter before the conditional UPDATE decides."""
    at = touch.occurred_at
    values = attribution_values(touch.properties)
    for end, is_beyond in (("first", at.__lt__), ("last", at.__gt__)):
        current = getattr(contact, f"{end}_touch_at")
        if current is not None and not is_beyond(current):
            continue
        if repository.move_touch_end(session, contact.id, end, at, values):
            for suffix, value in values.items():
                set_committed_value(contact, f"{end}_touch_{suffix}", value)
            set_committed_value(contact, f"{end}_touch_at", at)


# --- set at a time -----------------------------------------------------------------------

TOUCHES_RECORDED_JOB = "contacts.touches_recorded"
_ENDS = (("first", min), ("last", max))


@dataclass(slots=True)
class TouchRow:
    """One touch of a batch for ``record_touches``, already checked by the caller's schema.
    (Not frozen: at thousands a batch, a frozen dataclass's slower constructor shows.)"""

    type: str
    occurred_at: datetime
    contact_id: int | None = None
    visitor_id: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    idempotency_key: str | None = None
    campaign_id: int | None = None
    asset_id: int | None = None
    # ``fingerprint`` of what the sender sent, where a replayed key should be compared.
    fingerprint: str | None = None


def record_touches(
    session: Session,
    rows: Sequence[TouchRow],
    *,
    actor: Actor,
    known: Mapping[int, int | None] | None = None,
) -> list[int | None]:
    """``record_touch`` for a whole batch in a handful of statements: one multi-row INSERT
    (a key the actor's sender stored already, or repeated in the batch, is skipped), the
    contacts' first and last touch moved set-wise, and ONE ``TouchesRecorded`` for the
    batch. Returns, per row, the new touch's id or None where its key was stored already
    (``replay_conflicts`` tells which of those came with another payload). Contacts must
    exist; ``known``: what ``find_contacts`` said of them in this transaction (saves a
    query)."""
    batch = TouchBatch(
        account_ids=_contacts_of(session, rows, known or {}),
        actor_type=touch_actor_type(actor),
        actor_user_id=actor.user_id,
        created_at=clock.now(),
        scope=idempotency_scope(actor),
    )
    _map_to_campaigns(session, rows)
    ids = _insert(session, rows, batch)
    _attribute_set(session, rows, ids)
    touch_ids = tuple(touch_id for touch_id in ids if touch_id is not None)
    if touch_ids:
        new = [row for row, touch_id in zip(rows, ids, strict=True) if touch_id is not None]
        _announce(
            session,
            TouchesRecorded(
                touch_ids=touch_ids,
                contact_ids=tuple(sorted({r.contact_id for r in new if r.contact_id})),
                types=tuple(sorted({r.type for r in new})),
            ),
        )
    return ids


def find_contacts(
    session: Session, *, emails: Sequence[str], contact_ids: Sequence[int]
) -> tuple[dict[str, int], dict[int, int | None]]:
    """Contacts by normalised email, and the account of each of them and of ``contact_ids``
    that exists (for ``record_touches(known=...)``): one query each, for callers that
    resolve a whole batch of touches at once."""
    accounts = repository.contact_accounts(session, contact_ids) if contact_ids else {}
    by_email = _keyed(repository.contacts_by_email(session, emails), accounts)
    return by_email, accounts


def find_contacts_by_external_id(
    session: Session, external_ids: Sequence[str]
) -> tuple[dict[str, int], dict[int, int | None]]:
    """Contacts by external id (the source CRM's record id, as the contacts import stored
    it), and the account of each: one query, as ``find_contacts`` for emails. An id is
    found in the form it is kept in (``core.recordids``): a Salesforce report's
    15-character id finds the contact an export's 18-character one created."""
    accounts: dict[int, int | None] = {}
    kept = {given: case_safe(given) for given in external_ids}
    found = repository.contacts_by_external_id(session, sorted(set(kept.values())))
    by_given = {given: found[key] for given, key in kept.items() if key in found}
    return _keyed(by_given, accounts), accounts


def _keyed(
    found: Mapping[str, tuple[int, int | None]], accounts: dict[int, int | None]
) -> dict[str, int]:
    """Contact id by key, noting each contact's account in ``accounts``."""
    by_key: dict[str, int] = {}
    for key, (contact_id, account_id) in found.items():
        by_key[key] = contact_id
        accounts[contact_id] = account_id
    return by_key


def _contacts_of(
    session: Session, rows: Sequence[TouchRow], known: Mapping[int, int | None]
) -> dict[int, int | None]:
    """The account of each contact the rows name; refuses rows without a subject and
    contacts that do not exist."""
    errors = [
        FieldError(f"{i}.contact_id", "a touch needs a contact_id or a visitor_id")
        for i, row in enumerate(rows)
        if row.contact_id is None and row.visitor_id is None
    ]
    wanted = {row.contact_id for row in rows if row.contact_id is not None}
    accounts = {c: known[c] for c in wanted if c in known}
    missing = sorted(wanted - accounts.keys())
    if missing:
        accounts |= repository.contact_accounts(session, missing)
    errors += [
        FieldError("contact_id", f"no contact with id {contact_id}")
        for contact_id in missing
        if contact_id not in accounts
    ]
    raise_if(errors[:50], "bad touches")
    return accounts


def _map_to_campaigns(session: Session, rows: Sequence[TouchRow]) -> None:
    """Rows sent without a campaign take the one the UTM rules name (the rules read once
    for the whole batch; rows that name a campaign keep it)."""
    unmapped = [row for row in rows if row.campaign_id is None and row.properties]
    if not unmapped:
        return
    mapper = campaigns.utm_mapper(session)
    if mapper.empty:
        return
    for row in unmapped:
        row.campaign_id = mapper.campaign_for(row.properties)


def _insert(session: Session, rows: Sequence[TouchRow], batch: TouchBatch) -> list[int | None]:
    """The rows with a key first, then those without (they take their ids in that order)."""
    keyed = [row for row in rows if row.idempotency_key is not None]
    unkeyed = [row for row in rows if row.idempotency_key is None]
    keyed_ids = iter(repository.insert_touches(session, keyed, batch))
    unkeyed_ids = iter(repository.insert_touches(session, unkeyed, batch))
    return [next(unkeyed_ids if row.idempotency_key is None else keyed_ids) for row in rows]


def _attribute_set(session: Session, rows: Sequence[TouchRow], ids: list[int | None]) -> None:
    """Each contact's earliest and latest new touch may move its first and last touch: one
    set-wise UPDATE decides and writes the moves for all of them (its condition holds
    against concurrent writers). The database copies the touches' attribution text itself;
    the few values it could not copy as ``attribution_tuple`` renders them go with it."""
    earliest, latest = _earliest_and_latest(rows, ids)
    new_ids = cast(list[int], ids)  # at the places of new touches, none is None
    moves: TouchMoves = {
        new_ids[first]: _latest(rows, new_ids, first, latest[contact_id])
        for contact_id, first in earliest.items()
    }
    repository.move_touch_ends(session, moves, _ATTRIBUTION_NAMES)
    # The UPDATE went around the ORM: a contact already loaded must read it again.
    for loaded in repository.loaded_contacts(session, set(earliest)):
        session.expire(loaded)


def _earliest_and_latest(
    rows: Sequence[TouchRow], ids: list[int | None]
) -> tuple[dict[int, int], dict[int, int]]:
    """Contact id -> the place in ``rows`` of its earliest new touch, and of its latest; of
    touches at the same time, the one first in the batch (as recording them one by one
    would keep it). Places, not rows: dicts of plain ints are no work for the garbage
    collector, at thousands of contacts a batch."""
    earliest: dict[int, int] = {}
    latest: dict[int, int] = {}
    for place, (row, touch_id) in enumerate(zip(rows, ids, strict=True)):
        contact_id = row.contact_id
        if touch_id is None or contact_id is None:
            continue
        first = earliest.get(contact_id)
        if first is None:
            earliest[contact_id] = latest[contact_id] = place
        elif row.occurred_at < rows[first].occurred_at:
            earliest[contact_id] = place
        elif row.occurred_at > rows[latest[contact_id]].occurred_at:
            latest[contact_id] = place
    return earliest, latest


def _latest(
    rows: Sequence[TouchRow], ids: list[int], first: int, last: int
) -> int | tuple[Any, ...]:
    """A move's latest touch: its id, with both touches' attribution values where the
    database could not copy them."""
    first_row, last_row = rows[first], rows[last]
    if _copied_as_it_is(first_row.properties) and (
        last == first or _copied_as_it_is(last_row.properties)
    ):
        return ids[last]
    return (
        ids[last],
        *attribution_tuple(first_row.properties),
        *attribution_tuple(last_row.properties),
    )


def _copied_as_it_is(properties: dict[str, Any]) -> bool:
    """Whether each attribution value present is text that fits its column: what the
    database copies from the stored properties exactly as ``attribution_tuple`` renders
    it. Numbers, booleans, lists, objects and longer text are rendered here."""
    for name, length in _PROPERTY_LENGTHS:
        value = properties.get(name)
        if value is not None and (type(value) is not str or len(value) > length):
            return False
    return True


def _announce(session: Session, event: TouchesRecorded) -> None:
    """In the process by default; through the worker (a durable job, committed with the
    touches) when ``HUDDLE_TOUCH_HOOKS=worker`` spreads the hooks over other machines."""
    if get_settings().touch_hooks == "worker":
        enqueue(
            session,
            TOUCHES_RECORDED_JOB,
            {
                "touch_ids": list(event.touch_ids),
                "contact_ids": list(event.contact_ids),
                "types": list(event.types),
            },
        )
    else:
        publish(session, event)


def attach_visitor_touches(
    session: Session, visitor_id: str, contact_id: int, *, actor: Actor
) -> list[int]:
    """Give an identified visitor's anonymous touches to the contact and take the contact's
    first and last touch from its whole history again (the earliest may be anonymous).
    Publishes ``TouchesAttached``; returns the ids of the touches moved."""
    contact = require(repository.contact(session, contact_id), "contact", contact_id)
    moved = repository.attach_visitor_touches(session, visitor_id, contact.id, contact.account_id)
    if moved:
        refresh_attribution(session, contact)
        publish(
            session,
            TouchesAttached(
                visitor_id=visitor_id, contact_id=contact.id, touch_ids=tuple(moved), actor=actor
            ),
        )
    return moved


def refresh_attribution(session: Session, contact: Contact) -> None:
    """First touch from the contact's earliest touch, last touch from its latest."""
    for end, _ in _ENDS:
        touch = repository.touch_at_end(session, contact.id, end)
        at = touch.occurred_at if touch is not None else None
        values = attribution_values(touch.properties) if touch is not None else {}
        values = {suffix: values.get(suffix) for suffix in ATTRIBUTION}
        repository.set_touch_end(session, contact.id, end, at, values)
        for suffix, value in values.items():
            set_committed_value(contact, f"{end}_touch_{suffix}", value)
        set_committed_value(contact, f"{end}_touch_at", at)


# How far the activity of a touch type is counted: past this, "10,000+".
ACTIVITY_CAP = 10_000


@dataclass(frozen=True, slots=True)
class TouchActivity:
    """Whether touches of a type are arriving: when the latest happened, and how many
    happened in the last 24 hours (counted up to ``ACTIVITY_CAP``)."""

    latest_at: datetime | None
    last_day: int

    @property
    def capped(self) -> bool:
        return self.last_day >= ACTIVITY_CAP


def touch_activity(session: Session, types: Sequence[str]) -> dict[str, TouchActivity]:
    """Per touch type: one seek in the (type, occurred_at) index for the latest, and at most
    ``ACTIVITY_CAP`` of its entries counted, so a registry of dozens of types is read at
    once on any number of touches. Touches dated in the future (a sender's clock) are not
    the latest."""
    now = clock.now()
    day_ago = now - timedelta(days=1)
    return {
        name: TouchActivity(
            latest_at=repository.latest_touch_at(session, name, until=now),
            last_day=repository.count_touches_between(
                session, name, since=day_ago, until=now, cap=ACTIVITY_CAP
            ),
        )
        for name in types
    }


# --- mapping past touches to campaigns -----------------------------------------------------

MAP_CAMPAIGNS_JOB = "contacts.map_touch_campaigns"
_MAP_SLICE = 5000


def queue_campaign_remap(session: Session, *, actor: Actor) -> int:
    """Map every stored touch without a campaign by the UTM rules, in the worker (a job
    that works through the touches in id order, a slice at a time). Returns the job's id."""
    campaigns.require_manage(actor)
    return enqueue(session, MAP_CAMPAIGNS_JOB, {"after_id": 0}).id


def map_touch_campaigns(
    session: Session, *, after_id: int = 0, slices: int = 20, slice_size: int = _MAP_SLICE
) -> tuple[int, int | None]:
    """Up to ``slices`` slices of touches without a campaign after ``after_id``, mapped by
    the UTM rules (read once). Returns how many touches took a campaign and the id to go on
    after, or None when every touch was read."""
    mapper = campaigns.utm_mapper(session)
    mapped = 0
    for _ in range(slices):
        rows = repository.touches_without_campaign(session, after_id=after_id, limit=slice_size)
        if not rows or mapper.empty:
            return mapped, None
        pairs = [
            (touch_id, campaign_id)
            for touch_id, properties in rows
            if (campaign_id := mapper.campaign_for(properties)) is not None
        ]
        mapped += repository.set_touch_campaigns(session, pairs)
        after_id = rows[-1][0]
    return mapped, after_id
