"""Home's JSON API (under /api/v1): the home page's figures and lists in one read."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query

from huddle.auth.deps import CurrentActor
from huddle.auth.service import users_by_id
from huddle.contacts import service as contacts_service
from huddle.core.actor import Actor
from huddle.core.stages import STAGES
from huddle.home import service
from huddle.home.schemas import ContactRow, FunnelStep, HomeRead, StageFlow
from huddle.web.deps import SessionDep

if TYPE_CHECKING:
    from huddle.auth.models import User
    from huddle.contacts.models import Contact

router = APIRouter(tags=["home"])


def _rows(contacts: list[Contact], users: dict[int, User], actor: Actor) -> list[ContactRow]:
    return [
        ContactRow(
            contact=contacts_service.contact_read(c, actor=actor),
            owner_name=users[c.owner_id].name if c.owner_id in users else None,
        )
        for c in contacts
    ]


@router.get("/home", operation_id="home.get", response_model=HomeRead)
def home(
    actor: CurrentActor,
    session: SessionDep,
    start: Annotated[
        date | None, Query(description="The funnel's first day (with end); default 30 days")
    ] = None,
    end: Annotated[
        date | None, Query(description="The funnel's last day, included, in the workspace's zone")
    ] = None,
) -> HomeRead:
    """What the home page shows you: the lifecycle funnel of the last 30 days, or of the
    days ``start``..``end`` (contacts that entered each stage, each once), the open
    pipeline's totals, your open leads and the contacts changed last."""
    shown = service.overview(session, user_id=actor.user_id, start=start, end=end)
    users = users_by_id(session)
    return HomeRead(
        as_of=shown.at,
        since=shown.since,
        until=shown.until,
        window_days=shown.window_days,
        funnel=[
            FunnelStep(
                stage=row.stage,
                label=STAGES[row.stage],
                count=row.count,
                share=row.share,
                conversion_percent=row.conversion,
            )
            for row in shown.funnel
        ],
        beside_funnel=[
            StageFlow(stage=stage, label=STAGES[stage], count=count)
            for stage, count in shown.beside
        ],
        open_pipeline=shown.pipeline,
        my_open_leads=_rows(shown.my_leads, users, actor),
        recent=_rows(shown.recent, users, actor),
    )
