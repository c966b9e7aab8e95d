"""What the home page shows, composed from the domains' services: the funnel's flow over
the last 30 days (or the days asked for), the open pipeline's totals, the user's open leads
and the contacts that changed last. The page and the API read the same ``overview``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from huddle.analytics import service as analytics_service
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import ContactFilters, ContactSort
from huddle.core import clock
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.stages import FUNNEL, STAGES
from huddle.lifecycle import service as lifecycle_service
from huddle.lifecycle.schemas import BoardTotals

if TYPE_CHECKING:
    from huddle.contacts.models import Contact

FUNNEL_WINDOW = timedelta(days=30)
OPEN_LEAD_STAGES = ["lead", "mql", "sal"]
MY_LEADS_SHOWN = 6
RECENT_SHOWN = 8


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    count: int
    # Of the widest bar, 0..1, for the bar's length.
    share: float
    # Percent of the stage before it, or None for the first stage.
    conversion: int | None


def funnel_rows(counts: dict[str, int]) -> list[FunnelRow]:
    widest = max(counts.values(), default=0) or 1
    rows: list[FunnelRow] = []
    previous: int | None = None
    for stage in FUNNEL:
        count = counts.get(stage, 0)
        conversion = round(100 * count / previous) if previous else None
        rows.append(FunnelRow(stage, count, count / widest, conversion))
        previous = count
    return rows


@dataclass(frozen=True)
class Overview:
    at: datetime
    since: datetime
    until: datetime
    # The window's first and last day in the workspace's time zone (the page's form).
    first_day: date
    last_day: date
    # Contacts that entered each stage in [since, until) (each once): the funnel's flow.
    counts: dict[str, int]
    funnel: list[FunnelRow]
    # The stages beside the funnel (lost, disqualified, recycled), in the stages' order.
    beside: list[tuple[str, int]]
    pipeline: BoardTotals
    my_leads: list[Contact]
    recent: list[Contact]

    @property
    def window_days(self) -> int:
        return round((self.until - self.since) / timedelta(days=1))


def _window(
    session: Session, at: datetime, start: date | None, end: date | None
) -> tuple[datetime, datetime, date, date]:
    """[since, until) and its first and last day: the last 30 days up to ``at``, or whole
    days ``start``..``end`` in the workspace's time zone (the analytics pages' days)."""
    if start is None and end is None:
        zone = ZoneInfo(analytics_service.workspace_time_zone(session))
        since = at - FUNNEL_WINDOW
        return since, at, since.astimezone(zone).date(), at.astimezone(zone).date()
    if start is None or end is None:
        missing = "start" if start is None else "end"
        raise ValidationFailed(
            f"{missing} is missing", [FieldError(missing, "give both days of the range, or none")]
        )
    span = analytics_service.date_range(session, start, end)
    return span.start_at, span.end_at, start, end


def overview(
    session: Session,
    *,
    user_id: int | None,
    at: datetime | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Overview:
    """The home page's figures and lists for the user ``user_id`` (None: one who owns no
    leads, such as Huddle itself); the funnel over days ``start``..``end`` when given (422
    naming the field when one is missing or the range is wrong)."""
    at = at or clock.now()
    since, until, first_day, last_day = _window(session, at, start, end)
    # The default window runs to now: nothing after it is excluded (a move at ``at`` counts).
    ranged = start is not None
    counts = lifecycle_service.count_stage_entries(
        session, since=since, until=until if ranged else None
    )
    return Overview(
        at=at,
        since=since,
        until=until,
        first_day=first_day,
        last_day=last_day,
        counts=counts,
        funnel=funnel_rows(counts),
        beside=[(s, counts.get(s, 0)) for s in STAGES if s not in FUNNEL],
        pipeline=lifecycle_service.pipeline_board(session, cards_per_column=1).totals,
        my_leads=_open_leads_of(session, user_id) if user_id is not None else [],
        recent=contacts_service.list_contacts(
            session, sort=ContactSort.UPDATED_AT_DESC, limit=RECENT_SHOWN
        ).items,
    )


def _open_leads_of(session: Session, user_id: int) -> list[Contact]:
    """The user's leads, MQLs and SALs, highest score first."""
    return contacts_service.list_contacts(
        session,
        ContactFilters(stage=OPEN_LEAD_STAGES, owner_id=user_id),
        sort=ContactSort.SCORE_DESC,
        limit=MY_LEADS_SHOWN,
    ).items
