"""The timeline of a contact or an account, composed from sources, newest first.

Contacts' own sources are touches, notes and merges. Domains that build on contacts add
theirs (lifecycle: stage changes), and contacts cannot import them, so the whole story is
``lifecycle.service.timeline``, which passes its source to ``compose_timeline``. The keyset,
the cursors and what a role may see are the same for every source's items: they are here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.models import MergeRecord, Note, Touch
from huddle.contacts.schemas import TimelineItem
from huddle.contacts.service import visibility
from huddle.contacts.service.common import clamp_limit, require
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.pagination import decode_cursor, encode_cursor
from huddle.core.timeline import Before
from huddle.core.values import as_flat_map

# Another domain's items of the same timeline: its newest ones before the keyset (None:
# from the newest), at most the given number, read off its own index.
TimelineSource = Callable[[Before | None, int], list[TimelineItem]]


def compose_timeline(
    session: Session,
    *,
    contact_id: int | None = None,
    account_id: int | None = None,
    before: str | None = None,
    limit: int = 50,
    actor: Actor,
    sources: Sequence[TimelineSource],
) -> list[TimelineItem]:
    """Contacts' items and those of ``sources``, newest first, keyset-paginated on (at,
    kind, id): pass the last item's ``cursor`` as ``before`` for the next page. Each source
    reads at most ``limit`` rows off its index. Contact details in touches and merges are
    left out for roles that may not see them."""
    if (contact_id is None) == (account_id is None):
        raise ValidationFailed(
            "a timeline is of one contact or one account",
            [FieldError("contact_id", "give contact_id or account_id")],
        )
    if contact_id is not None:
        require(repository.contact(session, contact_id), "contact", contact_id)
    else:
        require(repository.account(session, account_id or 0), "account", account_id)
    limit = clamp_limit(limit)
    after = _before(before)
    scope: dict[str, Any] = {"contact_id": contact_id, "account_id": account_id}
    rows: dict[str, Any] = {"before": after, "limit": limit}
    items = [_touch(t) for t in repository.timeline_touches(session, **scope, **rows)]
    items += [_note(n) for n in repository.timeline_notes(session, **scope, **rows)]
    items += [_merge(m) for m in repository.timeline_merges(session, **scope, **rows)]
    for source in sources:
        items += source(after, limit)
    items.sort(key=lambda item: (item.at, item.kind, item.id), reverse=True)
    return [visibility.timeline_item(item, actor=actor) for item in items[:limit]]


@dataclass(frozen=True, slots=True)
class NewItems:
    """What happened after a shown item, newest first. ``complete`` is False when there was
    more than one page of it: the items between are not in ``items``."""

    items: list[TimelineItem]
    complete: bool


def compose_timeline_since(
    session: Session,
    *,
    contact_id: int | None = None,
    account_id: int | None = None,
    after: str | None,
    limit: int = 50,
    actor: Actor,
    sources: Sequence[TimelineSource],
) -> NewItems:
    """The items above ``after`` (a shown item's cursor; None: nothing shown yet) in the
    timeline's order, for a page that keeps its timeline current: the first page, cut
    where the shown item is. An item dated before it (an event sent late with its own
    time) is in its place on the next full read, not at the top."""
    shown = None if after is None else _cursor(after, "after")
    scope: dict[str, Any] = {
        "contact_id": contact_id,
        "account_id": account_id,
        "actor": actor,
        "sources": sources,
    }
    # Open pages ask every two seconds, mostly for nothing: the newest item alone (one row
    # off each source's index) settles that before a page is read.
    newest = compose_timeline(session, limit=1, **scope)
    if not newest or (shown is not None and _key(newest[0]) <= shown):
        return NewItems([], complete=True)
    items = compose_timeline(session, limit=limit, **scope)
    newer = [item for item in items if shown is None or _key(item) > shown]
    return NewItems(newer, complete=len(newer) < len(items) or len(items) < clamp_limit(limit))


def _key(item: TimelineItem) -> tuple[datetime, str, int]:
    """Where an item stands in the timeline's order."""
    return item.at, item.kind, item.id


def _before(cursor: str | None) -> Before | None:
    if cursor is None:
        return None
    return Before(*_cursor(cursor, "before"))


def _cursor(cursor: str, field: str) -> tuple[datetime, str, int]:
    """A timeline item's (at, kind, id) from its cursor."""
    try:
        at, kind, item_id = decode_cursor(cursor)
        return datetime.fromisoformat(at), str(kind), int(item_id)
    except (ValueError, TypeError) as exc:
        raise ValidationFailed(
            "invalid cursor", [FieldError(field, "not a cursor of a timeline item")]
        ) from exc


def timeline_item(kind: str, item_id: int, at: datetime, **values: Any) -> TimelineItem:
    """An item of any source, with its cursor (every source's items page alike)."""
    cursor = encode_cursor([at.isoformat(), kind, item_id])
    return TimelineItem(kind=kind, id=item_id, at=at, cursor=cursor, **values)


def _touch(touch: Touch) -> TimelineItem:
    return timeline_item(
        "touch",
        touch.id,
        touch.occurred_at,
        contact_id=touch.contact_id,
        title=touch.type.replace("_", " ").capitalize(),
        by_user_id=touch.actor_user_id,
        data={
            "type": touch.type,
            "properties": as_flat_map(touch.properties or {}),
            "campaign_id": touch.campaign_id,
            "asset_id": touch.asset_id,
            "workflow_id": touch.workflow_id,
            "actor_type": touch.actor_type,
        },
    )


def _note(note: Note) -> TimelineItem:
    return timeline_item(
        "note",
        note.id,
        note.created_at,
        contact_id=note.contact_id,
        title="Note",
        body=note.body,
        by_user_id=note.author_id,
        data={"mentioned_user_ids": note.mentioned_user_ids, "account_id": note.account_id},
    )


def _merge(record: MergeRecord) -> TimelineItem:
    snapshot = record.merged_snapshot
    label = snapshot.get("email") or snapshot.get("name") or f"#{record.merged_id}"
    return timeline_item(
        "merge",
        record.id,
        record.at,
        contact_id=record.survivor_id if record.entity == "contact" else None,
        title=f"Merged {record.entity} {label} into this one",
        by_user_id=record.by_user_id,
        data={"merged_id": record.merged_id, "resolution": record.resolution},
    )
