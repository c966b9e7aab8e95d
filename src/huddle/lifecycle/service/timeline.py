"""The story of a contact or an account: contacts' touches, notes and merges, and the stage
changes recorded here, newest first in one keyset-paged timeline.

It lives here because lifecycle builds on contacts: contacts compose the timeline
(``compose_timeline``) from their own sources and the stage changes this passes in.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import TimelineItem
from huddle.contacts.service import NewItems, TimelineSource
from huddle.core.actor import Actor
from huddle.core.stages import STAGES
from huddle.core.timeline import Before
from huddle.lifecycle import repository
from huddle.lifecycle.models import StageTransition


def timeline(
    session: Session,
    *,
    contact_id: int | None = None,
    account_id: int | None = None,
    before: str | None = None,
    limit: int = 50,
    actor: Actor,
    sources: Sequence[TimelineSource] = (),
) -> list[TimelineItem]:
    """Newest first, keyset-paginated on (at, kind, id): pass the last item's ``cursor`` as
    ``before`` for the next page. Each source reads at most ``limit`` rows off its index.
    Contact details in touches and merges are left out for roles that may not see them.
    ``sources``: the items of domains built on this one (a workflow's steps), which the
    pages and the API compose in."""
    return contacts_service.compose_timeline(
        session,
        contact_id=contact_id,
        account_id=account_id,
        before=before,
        limit=limit,
        actor=actor,
        sources=[_stage_changes(session, contact_id, account_id), *sources],
    )


def timeline_since(
    session: Session,
    *,
    contact_id: int | None = None,
    account_id: int | None = None,
    after: str | None,
    limit: int = 50,
    actor: Actor,
    sources: Sequence[TimelineSource] = (),
) -> NewItems:
    """The items above ``after`` (a shown item's cursor; None: nothing shown yet), for a
    page that keeps its timeline current (``contacts.service.compose_timeline_since``)."""
    return contacts_service.compose_timeline_since(
        session,
        contact_id=contact_id,
        account_id=account_id,
        after=after,
        limit=limit,
        actor=actor,
        sources=[_stage_changes(session, contact_id, account_id), *sources],
    )


def _stage_changes(
    session: Session, contact_id: int | None, account_id: int | None
) -> TimelineSource:
    """The timeline's source of the contact's (or the account's contacts') stage changes."""

    def page(before: Before | None, limit: int) -> list[TimelineItem]:
        changes = repository.timeline_stage_changes(
            session, contact_id=contact_id, account_id=account_id, before=before, limit=limit
        )
        return [_stage_change_item(change) for change in changes]

    return page


def _stage_label(stage: str | None) -> str:
    return "New" if stage is None else STAGES.get(stage, stage)


def _stage_change_item(change: StageTransition) -> TimelineItem:
    return contacts_service.timeline_item(
        "stage_change",
        change.id,
        change.at,
        contact_id=change.contact_id,
        title=f"{_stage_label(change.from_stage)} → {_stage_label(change.to_stage)}",
        body=change.reason,
        by_user_id=change.by_user_id,
        data={
            "from_stage": change.from_stage,
            "to_stage": change.to_stage,
            "by_rule": change.by_rule,
            "rejection_reason": change.rejection_reason,
        },
    )
