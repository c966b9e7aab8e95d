"""Events the hand-off publishes. The SLA (``huddle.sla``) starts and stops its clocks on
these, so their fields are a contract between the two domains: change them together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from huddle.core.actor import Actor
from huddle.core.events import DomainEvent

# Touch types that count as a sales person working a lead (logged by the rep, or synced
# from their mailbox/calendar). The SLA's "first touch" and "touch attempts" count these.
SALES_ACTIVITY_TYPES: tuple[str, ...] = (
    "call_logged",
    "sales_email_sent",
    "meeting_booked",
    "meeting_held",
)


@dataclass(frozen=True)
class LeadHandedOff(DomainEvent):
    """A lead was routed: to a rep (``owner_id``) or, when nobody was eligible, to a team
    queue (``owner_id`` None). Published again with a new ``handoff_id`` on re-routing."""

    handoff_id: int
    contact_id: int
    owner_id: int | None
    team: str
    rule: str  # the routing rule that decided, e.g. "account_owner", "territory:EMEA"
    reason: str  # a sentence a person can read: why this owner
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class HandoffDecided(DomainEvent):
    """The owner accepted (lead becomes SAL) or rejected (reason required) a hand-off."""

    handoff_id: int
    contact_id: int
    owner_id: int
    accepted: bool
    reason: str | None
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class LeadRecycled(DomainEvent):
    """A rejected or stalled lead went back to marketing nurture."""

    handoff_id: int | None
    contact_id: int
    reason: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class RoutingRuleChanged(DomainEvent):
    """A routing rule was added, changed or removed (``change``: added/changed/removed)."""

    rule_id: int
    name: str
    kind: str
    change: str
    at: datetime
    actor: Actor


@dataclass(frozen=True)
class RoutingPoolChanged(DomainEvent):
    """A team pool's manager or members (with weights) changed."""

    pool_id: int
    name: str
    members: tuple[tuple[int, int], ...]  # (user id, weight)
    at: datetime
    actor: Actor


def rule_label(rule: str | None) -> str:
    """A routing rule's key as people read it: "territory:APAC" -> "Territory: APAC",
    "round_robin:Everyone else" -> "Round robin: Everyone else"."""
    kind, _, name = (rule or "no team").replace("_", " ").partition(":")
    kind = kind[:1].upper() + kind[1:]
    return f"{kind}: {name}" if name else kind
