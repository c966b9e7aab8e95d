"""The one bulk path of the demo: the many touches in the middle of each contact's story.

Recording tens of thousands of touches one by one through ``record_touch`` takes minutes.
A touch that is neither a contact's first nor its last cannot change anything
``record_touch`` maintains besides the row itself (first and last touch attribution move
only outward), so the loader sends each contact's first and last touch through the
service and writes the rest here, validated by the same ``TouchCreate`` schema, in
batched multi-row inserts. These rows publish no ``TouchRecorded``: subscribers that
derive state from touches (scoring) must be able to rebuild from the stored rows anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from huddle.contacts.models import Touch
from huddle.contacts.schemas import TouchCreate
from huddle.contacts.service.common import touch_actor_type
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.demo.plan import Event, RecordTouch

BATCH = 5000
TOUCHES: Table = Touch.__table__  # type: ignore[assignment]


def edge_touches(events: Sequence[Event]) -> set[int]:
    """The ``id()`` of each contact's first and last planned touch (by when it happened)."""
    first: dict[int, tuple[Any, RecordTouch]] = {}
    last: dict[int, tuple[Any, RecordTouch]] = {}
    for event in events:
        if not isinstance(event, RecordTouch):
            continue
        happened = event.occurred_at or event.at
        key = event.contact_key
        if key not in first or happened < first[key][0]:
            first[key] = (happened, event)
        if key not in last or happened >= last[key][0]:
            last[key] = (happened, event)
    return {id(event) for _, event in (*first.values(), *last.values())}


class TouchWriter:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[dict[str, Any]] = []

    def add(self, data: TouchCreate, *, account_id: int | None, actor: Actor) -> None:
        self.rows.append(
            {
                "type": data.type,
                "occurred_at": data.occurred_at or clock.now(),
                "contact_id": data.contact_id,
                "account_id": account_id,
                "actor_type": touch_actor_type(actor),
                "actor_user_id": actor.user_id,
                "properties": data.properties,
                "campaign_id": data.campaign_id,
                "asset_id": data.asset_id,
                "created_at": clock.now(),
            }
        )
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            # The table's INSERT, not the ORM's: that one leaves out None values and so
            # splits rows with and without a campaign into many small statements.
            self.session.execute(TOUCHES.insert(), self.rows)
            self.rows = []
