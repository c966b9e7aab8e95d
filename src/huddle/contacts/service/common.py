"""Small pieces every contacts service module uses: lookups that 404, reference checks,
and turning keyset positions into the opaque cursors the API hands out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts.events import OwnerChanged
from huddle.contacts.repository import ListKey
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.pagination import Page, decode_cursor, encode_cursor

T = TypeVar("T")
Fetch = Callable[..., list[Any]]

MAX_PAGE_SIZE = 500
# The actor kinds the touches.actor_type column knows; an import acts as the system.
_TOUCH_ACTOR_TYPES = {"system", "user", "contact", "rule", "workflow", "integration"}


def require(found: T | None, what: str, key: object) -> T:
    if found is None:
        raise ResourceNotFound(f"{what} {key} not found")
    return found


def user_errors(session: Session, fields: dict[str, int | None]) -> list[FieldError]:
    """A FieldError for each given user id that names no user."""
    return [
        FieldError(field, f"no user with id {user_id}")
        for field, user_id in fields.items()
        if user_id is not None and auth_service.find_user(session, user_id) is None
    ]


def raise_if(errors: list[FieldError], message: str) -> None:
    if errors:
        raise ValidationFailed(message, errors)


def collect(errors: list[FieldError], check: Callable[[], T]) -> T | None:
    """Run a check that may raise ValidationFailed; keep its field errors to report together."""
    try:
        return check()
    except ValidationFailed as exc:
        errors.extend(exc.errors)
        return None


def owners_touched(owner_id: int | None, data: BaseModel) -> list[int | None]:
    """The owners a change concerns, for the ownership rule: the record's, and the one the
    change gives it when it sets ``owner_id``."""
    if "owner_id" in data.model_fields_set:
        return [owner_id, getattr(data, "owner_id", None)]
    return [owner_id]


def announce_owner_change(
    session: Session,
    subject_type: str,
    subject_id: int,
    *,
    before: int | None,
    after: int | None,
    actor: Actor,
) -> None:
    """Publish ``OwnerChanged`` if the owner really changed (the audit trail records it)."""
    if before != after:
        publish(
            session,
            OwnerChanged(
                subject_type=subject_type,
                subject_id=subject_id,
                from_owner_id=before,
                to_owner_id=after,
                at=clock.now(),
                actor=actor,
            ),
        )


def touch_actor_type(actor: Actor) -> str:
    return actor.kind if actor.kind in _TOUCH_ACTOR_TYPES else "system"


def clamp_limit(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE_SIZE))


def _as_datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime")
    return parsed


def _as_optional_datetime(value: Any) -> datetime | None:
    return None if value is None else _as_datetime(value)


def _as_optional_int(value: Any) -> int | None:
    return None if value is None else _as_int(value)


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not an integer")
    return value


def _as_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _as_optional_text(value: Any) -> str | None:
    return None if value is None else _as_text(value)


def _as_optional_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    return float(value)


PARSERS: dict[str, Callable[[Any], Any]] = {
    "datetime": _as_datetime,
    "optional_datetime": _as_optional_datetime,
    "optional_int": _as_optional_int,
    "int": _as_int,
    "text": _as_text,
    "optional_text": _as_optional_text,
    "optional_number": _as_optional_number,
}


@dataclass(frozen=True)
class Sorting:
    """One way a list can be sorted: its SQL key and how its cursor values read back."""

    name: str
    key: ListKey
    value_type: str

    def cursor(self, value: Any, item_id: int) -> str:
        if isinstance(value, datetime):
            value = value.isoformat()
        return encode_cursor([self.name, value, item_id])

    def page_of(self, fetch: Fetch, cursor: str | None, limit: int) -> Page[Any]:
        """One page from ``fetch(key, after=..., limit=...)`` and the cursor after it."""
        limit = clamp_limit(limit)
        # One row more than asked says whether another page follows.
        rows = fetch(self.key, after=self.after(cursor), limit=limit + 1)
        items = rows[:limit]
        if len(rows) <= limit:
            return Page(items, None)
        last = items[-1]
        return Page(items, self.cursor(self.key.value(last), last.id))

    def after(self, cursor: str | None) -> tuple[Any, int] | None:
        """The position a cursor points after; 422 for a cursor of another sort or list."""
        if cursor is None:
            return None
        values = decode_cursor(cursor)
        try:
            name, value, item_id = values
            if name != self.name:
                raise ValueError("another sort")
            return PARSERS[self.value_type](value), _as_int(item_id)
        except (ValueError, TypeError) as exc:
            raise ValidationFailed(
                "invalid cursor",
                [FieldError("cursor", "not a cursor of this list and sort; start again")],
            ) from exc
