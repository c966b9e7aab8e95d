"""The audit trail's rules: what an entry holds, who may read it, and that it is append-only.

Entries are written by ``audit.subscribers`` from the domain events every change publishes,
so no other domain calls into this module to be audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.audit import repository
from huddle.audit.models import AuditEntry
from huddle.audit.schemas import AUDIT_CHANGES, AuditFilters
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.origin import current_origin
from huddle.core.pagination import Page, decode_cursor, encode_cursor
from huddle.core.permissions import Action, require

MAX_PAGE_SIZE = 200
# Every action the trail records, for the filter menus; ``audit.subscribers`` declares them.
KNOWN_ACTIONS: set[str] = set()
KNOWN_SUBJECT_TYPES: set[str] = set()
_USER_AGENT_LENGTH = 400


def record(
    session: Session,
    *,
    action: str,
    subject_type: str,
    subject_id: int | str | None,
    summary: str,
    actor: Actor,
    at: datetime,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. The request's origin (IP, user agent) is added when the change came
    over HTTP. ``summary`` and ``changes`` must name people by id, never by name or email;
    ``changes`` must fit ``schemas.AuditChanges`` (what the API documents), else ValueError."""
    origin = current_origin()
    return repository.add(
        session,
        at=at,
        actor_kind=actor.kind,
        actor_user_id=actor.user_id,
        actor_token_id=actor.token_id,
        actor_label=actor.label,
        action=action,
        subject_type=subject_type,
        subject_id=None if subject_id is None else str(subject_id),
        summary=summary,
        changes=AUDIT_CHANGES.validate_python(changes or {}, strict=True),
        ip=origin.ip if origin else None,
        user_agent=origin.user_agent[:_USER_AGENT_LENGTH] if origin and origin.user_agent else None,
    )


def require_reader(actor: Actor) -> None:
    """Only admins and compliance read the trail (it says who did what to whom)."""
    require(actor, Action.AUDIT_READ)


def list_entries(
    session: Session,
    filters: AuditFilters,
    *,
    actor: Actor,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[AuditEntry]:
    """One page of the trail, newest first (keyset on (at, id): no OFFSET at any depth)."""
    require_reader(actor)
    if filters.subject_id and not filters.subject_type:
        raise ValidationFailed(
            "a subject id needs its type",
            [FieldError("subject_type", "say which kind of subject the id names")],
        )
    if filters.since and filters.until and filters.until < filters.since:
        raise ValidationFailed("empty window", [FieldError("until", "is before since")])
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    rows = repository.page(session, filters, before=_position(cursor), limit=limit + 1)
    items = rows[:limit]
    more = len(rows) > limit
    next_cursor = encode_cursor([items[-1].at.isoformat(), items[-1].id]) if more else None
    return Page(items=items, next_cursor=next_cursor)


def get_entry(session: Session, entry_id: int, *, actor: Actor) -> AuditEntry:
    require_reader(actor)
    entry = repository.get(session, entry_id)
    if entry is None:
        raise ResourceNotFound(f"audit entry {entry_id} not found")
    return entry


def _position(cursor: str | None) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    values = decode_cursor(cursor)
    try:
        at_text, entry_id = values
        at = datetime.fromisoformat(at_text)
        if not isinstance(entry_id, int) or at.tzinfo is None:
            raise ValueError(cursor)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(
            "invalid cursor", [FieldError("cursor", "not a cursor this API returned")]
        ) from exc
    return at, entry_id


def scrub_subject(
    session: Session, subject_type: str, subject_id: int, needles: tuple[str, ...]
) -> int:
    """Erasure: replace erased values in what the trail says about one subject. The entries
    stay (who did what, when); only the personal values inside them go."""
    return repository.scrub_subject(session, subject_type, str(subject_id), needles)
