"""Record conditions for other domains: checked with the custom fields defined now, put in
words, and tested on a contact with the same SQL a fit rule compiles to (so a routing rule
and a fit rule saying the same words match the same people)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.errors import FieldError
from huddle.scoring import conditions
from huddle.scoring.repository.matching import matching_contacts, matching_query
from huddle.scoring.service.definitions import record_context


def condition_errors(session: Session, condition: Any, path: str) -> list[FieldError]:
    """Every problem of ``condition`` as a condition over the contact and its account
    (built-in and custom fields; no touches, grades or scores), each naming where."""
    return conditions.check(condition, record_context(session), path)


def contact_matches(session: Session, contact_id: int, condition: dict[str, Any]) -> bool:
    """Whether the contact (with its account) meets a checked record condition now."""
    return contact_id in matching_contacts(session, condition, [contact_id], as_of=clock.now())


def contacts_matching(
    session: Session, contact_ids: Sequence[int], condition: dict[str, Any]
) -> set[int]:
    """Which of these contacts meet a checked record condition now: one query for all."""
    return matching_contacts(session, condition, contact_ids, as_of=clock.now())


def segment_members(session: Session, condition: dict[str, Any]) -> Select[Any]:
    """The contacts a checked record condition (a report's segment) matches now, as a
    statement of their ids for reports to filter by, set-at-a-time."""
    return matching_query(session, condition, as_of=clock.now())


def describe_condition(condition: dict[str, Any]) -> str:
    return conditions.describe(condition)
