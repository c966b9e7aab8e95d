"""Merging duplicates: two contacts (or two accounts) become one, and nothing is lost.

Everything that pointed at the merged record moves to the survivor: touches, notes and
consent history here; stage history and deals by the lifecycle domain, which subscribes to
``ContactsMerged``/``AccountsMerged`` (published before the merged row is deleted). A
``MergeRecord`` keeps the merged record as it was and how each conflict was resolved.

Conflicting values: a ``choices`` entry (field -> "survivor" | "merged") decides; otherwise
a value only one side has is kept, and where both have one, the more recently updated
record's value wins. Consent is not a matter of taste: the most restrictive state wins.
This module uses only the repository (the service package re-exports it).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.events import AccountsMerged, ContactsChanged, ContactsMerged
from huddle.contacts.models import Account, Contact
from huddle.contacts.schemas import ACCOUNT_FIRMOGRAPHICS, CONTACT_PROFILE_FIELDS
from huddle.core import clock, locks, permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.locks import Lock
from huddle.core.permissions import Action

Side = Literal["survivor", "merged"]

CONTACT_FIELDS = ("email", *CONTACT_PROFILE_FIELDS, "account_id")
ACCOUNT_FIELDS = ("domain", *ACCOUNT_FIRMOGRAPHICS, "owner_id", "is_target")
_OPT_IN_STRENGTH = {"unknown": 0, "opted_in": 1, "opted_out": 2}


def merge_contacts(
    session: Session,
    survivor_id: int,
    merged_id: int,
    *,
    choices: Mapping[str, Side] | None = None,
    actor: Actor,
) -> Contact:
    """Merge contact ``merged_id`` into ``survivor_id`` and delete it; returns the survivor.

    The survivor keeps its email unless ``choices["email"] == "merged"``; custom values
    are resolved per key (``custom.<key>`` in ``choices``). The earliest first touch, the
    latest last touch, the earliest creation date and the higher score are kept.
    """
    permissions.require(actor, Action.CONTACT_MERGE)
    # Before any row is read or locked: waits for a rescore chunk writing scores now.
    locks.hold(session, Lock.CONTACT_DELETION)
    survivor, merged = _pair(session, Contact, survivor_id, merged_id)
    # Both records change (one is deleted): the ownership rule applies to each.
    permissions.require_owned(actor, Action.CONTACT_MERGE, survivor.owner_id, merged.owner_id)
    choices = dict(choices or {})
    _check_choices(choices, CONTACT_FIELDS, survivor.custom, merged.custom)
    survivor_newer = survivor.updated_at >= merged.updated_at
    resolution: dict[str, Any] = {}
    # The email is the dedupe key: it follows only an explicit choice.
    values: dict[str, Any] = {"email": merged.email} if choices.get("email") == "merged" else {}
    if survivor.email != merged.email:
        resolution["email"] = {
            "kept": choices.get("email", "survivor"),
            "rule": _rule(choices, "email", "identity"),
        }
    values |= _resolve(survivor, merged, CONTACT_FIELDS[1:], choices, survivor_newer, resolution)
    values["custom"] = _resolve_custom(survivor, merged, choices, survivor_newer, resolution)
    values |= _touch_ends(survivor, merged)
    values["created_at"] = min(survivor.created_at, merged.created_at)
    values["score"] = max(survivor.score, merged.score)
    strictest = {
        "email_opt_in": max(
            survivor.email_opt_in, merged.email_opt_in, key=lambda s: _OPT_IN_STRENGTH.get(s, 0)
        ),
        "do_not_email": survivor.do_not_email or merged.do_not_email,
        "do_not_call": survivor.do_not_call or merged.do_not_call,
    }
    consent = {f: v for f, v in strictest.items() if getattr(survivor, f) != v}
    for field in consent:
        resolution[field] = {"kept": "merged", "rule": "most_restrictive_consent"}
    snapshot = _snapshot(merged)

    repository.move_contact_rows(
        session,
        merged_id=merged.id,
        survivor_id=survivor.id,
        survivor_account_id=values.get("account_id", survivor.account_id),
    )
    publish(session, ContactsMerged(survivor_id=survivor.id, merged_id=merged.id, actor=actor))
    _record(session, "contact", survivor.id, merged.id, snapshot, resolution, actor)
    repository.delete_row(session, merged)
    session.flush()

    at = clock.now()
    for field, value in consent.items():
        repository.add_consent_change(
            session,
            contact_id=survivor.id,
            field=field,
            old_value=getattr(survivor, field),
            new_value=value,
            source=f"merge of contact #{merged.id} ({merged.email})",
            text_shown=None,
            by_user_id=actor.user_id,
            at=at,
        )
    for name, value in (values | consent).items():
        setattr(survivor, name, value)
    session.flush()
    # The survivor as it now stands, for what is derived from it (scores, grade).
    publish(session, ContactsChanged(contact_ids=(survivor.id,), account_ids=(), actor=actor))
    return survivor


def merge_accounts(
    session: Session,
    survivor_id: int,
    merged_id: int,
    *,
    choices: Mapping[str, Side] | None = None,
    actor: Actor,
) -> Account:
    """Merge account ``merged_id`` into ``survivor_id``: its contacts, touches, notes and
    (through lifecycle) deals move; a target account stays a target; values enrichment
    filled stay refreshable, a person's stay a person's."""
    permissions.require(actor, Action.CONTACT_MERGE)
    survivor, merged = _pair(session, Account, survivor_id, merged_id)
    permissions.require_owned(actor, Action.CONTACT_MERGE, survivor.owner_id, merged.owner_id)
    choices = dict(choices or {})
    _check_choices(choices, ACCOUNT_FIELDS, survivor.custom, merged.custom)
    survivor_newer = survivor.updated_at >= merged.updated_at
    resolution: dict[str, Any] = {}
    fields = tuple(f for f in ACCOUNT_FIELDS if f != "is_target")
    values = _resolve(survivor, merged, fields, choices, survivor_newer, resolution)
    values["custom"] = _resolve_custom(survivor, merged, choices, survivor_newer, resolution)
    # Choosing an account for ABM is deliberate: it stays a target unless a choice says not.
    picked = _pick("is_target", survivor.is_target, merged.is_target, choices, survivor_newer)
    if picked is not None and picked[1] != "choice":
        picked = ("survivor" if survivor.is_target else "merged", "target_kept")
    if picked is not None:
        resolution["is_target"] = {"kept": picked[0], "rule": picked[1]}
        values["is_target"] = (merged if picked[0] == "merged" else survivor).is_target
    enriched = {
        f
        for f in ACCOUNT_FIELDS
        if f in ((merged if f in values else survivor).enriched_fields or ())
    }
    values["enriched_fields"] = sorted(enriched)
    values["created_at"] = min(survivor.created_at, merged.created_at)
    snapshot = _snapshot(merged)

    repository.move_account_rows(session, merged_id=merged.id, survivor_id=survivor.id)
    publish(session, AccountsMerged(survivor_id=survivor.id, merged_id=merged.id, actor=actor))
    _record(session, "account", survivor.id, merged.id, snapshot, resolution, actor)
    repository.delete_row(session, merged)
    session.flush()
    for name, value in values.items():
        setattr(survivor, name, value)
    session.flush()
    publish(session, ContactsChanged(contact_ids=(), account_ids=(survivor.id,), actor=actor))
    return survivor


def _pair(
    session: Session, model: type[Contact] | type[Account], survivor_id: int, merged_id: int
) -> tuple[Any, Any]:
    entity = model.__name__.lower()
    if survivor_id == merged_id:
        raise ValidationFailed(
            f"a {entity} cannot be merged into itself",
            [FieldError("merged_id", f"the same {entity} as the survivor")],
        )
    lookup = repository.contact if model is Contact else repository.account
    pair = []
    for key in (survivor_id, merged_id):
        found = lookup(session, key)
        if found is None:
            raise ResourceNotFound(f"{entity} {key} not found")
        pair.append(found)
    return pair[0], pair[1]


def _check_choices(
    choices: Mapping[str, str], fields: tuple[str, ...], *customs: dict[str, Any]
) -> None:
    keys = {f"custom.{key}" for custom in customs for key in (custom or {})}
    errors = [
        FieldError(f"choices.{name}", "not a field that can be chosen in a merge")
        for name in choices
        if name not in fields and name not in keys
    ]
    errors += [
        FieldError(f"choices.{name}", 'choose "survivor" or "merged"')
        for name, side in choices.items()
        if side not in ("survivor", "merged")
    ]
    if errors:
        raise ValidationFailed("invalid merge choices", errors)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _rule(choices: Mapping[str, str], name: str, default: str) -> str:
    return "choice" if name in choices else default


def _pick(
    name: str, ours: object, theirs: object, choices: Mapping[str, str], survivor_newer: bool
) -> tuple[Side, str] | None:
    """Which side's value to keep and why; None when the two agree."""
    if ours == theirs:
        return None
    if name in choices:
        return ("merged" if choices[name] == "merged" else "survivor"), "choice"
    if _empty(theirs):
        return "survivor", "only_value"
    if _empty(ours):
        return "merged", "only_value"
    return ("survivor" if survivor_newer else "merged"), "newest"


def _resolve(
    survivor: Any,
    merged: Any,
    fields: tuple[str, ...],
    choices: Mapping[str, str],
    survivor_newer: bool,
    resolution: dict[str, Any],
) -> dict[str, Any]:
    """The merged record's values the survivor takes, recording each decision."""
    taken: dict[str, Any] = {}
    for name in fields:
        picked = _pick(
            name, getattr(survivor, name), getattr(merged, name), choices, survivor_newer
        )
        if picked is None:
            continue
        side, rule = picked
        resolution[name] = {"kept": side, "rule": rule}
        if side == "merged":
            taken[name] = getattr(merged, name)
    return taken


def _resolve_custom(
    survivor: Any,
    merged: Any,
    choices: Mapping[str, str],
    survivor_newer: bool,
    resolution: dict[str, Any],
) -> dict[str, Any]:
    ours, theirs = survivor.custom or {}, merged.custom or {}
    result = dict(ours)
    for key in sorted(set(ours) | set(theirs)):
        name = f"custom.{key}"
        picked = _pick(name, ours.get(key), theirs.get(key), choices, survivor_newer)
        if picked is None:
            continue
        resolution[name] = {"kept": picked[0], "rule": picked[1]}
        if picked[0] == "merged":
            if key in theirs:
                result[key] = theirs[key]
            else:
                result.pop(key, None)
    return result


def _touch_ends(survivor: Contact, merged: Contact) -> dict[str, Any]:
    """The earliest first touch and the latest last touch of the two, each as a whole."""
    taken: dict[str, Any] = {}
    for end, earlier in (("first", True), ("last", False)):
        ours, theirs = getattr(survivor, f"{end}_touch_at"), getattr(merged, f"{end}_touch_at")
        if theirs is None or (ours is not None and (theirs >= ours if earlier else theirs <= ours)):
            continue
        for suffix in ("source", "medium", "campaign", "referrer", "landing_page", "at"):
            name = f"{end}_touch_{suffix}"
            taken[name] = getattr(merged, name)
    return taken


def _json(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _snapshot(row: Contact | Account) -> dict[str, Any]:
    return {column.key: _json(getattr(row, column.key)) for column in type(row).__table__.columns}


def _record(
    session: Session,
    entity: str,
    survivor_id: int,
    merged_id: int,
    snapshot: dict[str, Any],
    resolution: dict[str, Any],
    actor: Actor,
) -> None:
    repository.add_merge_record(
        session,
        entity=entity,
        survivor_id=survivor_id,
        merged_id=merged_id,
        merged_snapshot=snapshot,
        resolution=resolution,
        by_user_id=actor.user_id,
        at=clock.now(),
    )
