"""The demo's story as plain data: everything that happens, to whom, when, by whom and why.

Nothing here touches the database. Records refer to each other by *keys* (small ints, or
emails for users); the loader maps keys to database ids as it plays the story in time
order. An actor is a user's email, ``contact`` (the person themself), or
``<kind>:<label>`` for a rule, workflow, import or integration ("rule:Gated content
download makes a subscriber a lead"); ``criteria:mql`` for the MQL criteria then in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class PlannedUser:
    email: str
    name: str
    team: str
    role: str
    manager_email: str | None = None


@dataclass(frozen=True)
class PlannedCampaign:
    key: str
    name: str
    channel: str
    utm_source: str
    utm_medium: str
    utm_campaign: str
    starts_on: date
    ends_on: date | None
    budget: float | None
    # Webinars and events happen on one day; the others run from start to end.
    happens_on: date | None = None


@dataclass(frozen=True)
class PlannedCustomField:
    entity: str
    key: str
    label: str
    field_type: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """Something that happens at ``at`` (the clock reads ``at`` while it is played).

    Events at the same instant are played in the order they were planned (a stable sort),
    so a contact is always created before its first touch.
    """

    at: datetime


@dataclass(frozen=True)
class CreateAccount(Event):
    key: int
    name: str
    domain: str
    industry: str
    employee_count: int
    annual_revenue: float
    country: str
    region: str
    city: str
    technologies: tuple[str, ...]
    owner: str
    is_target: bool


@dataclass(frozen=True)
class CreateContact(Event):
    key: int
    account_key: int
    email: str
    first_name: str
    last_name: str
    job_title: str
    seniority: str
    department: str
    phone: str | None
    country: str
    city: str
    stage: str
    persona: str
    email_opt_in: str
    # A rep who prospected the contact owns it from the start; inbound leads get an owner
    # when they are routed.
    owner: str | None
    actor: str
    consent_source: str | None = None
    consent_text: str | None = None


@dataclass(frozen=True)
class RecordTouch(Event):
    contact_key: int
    type: str
    properties: dict[str, Any] = field(default_factory=dict, hash=False)
    campaign_key: str | None = None
    # When it happened, if earlier than it was recorded (a landing-page view is stitched
    # to the contact when the form that created them is submitted).
    occurred_at: datetime | None = None
    # The user who logged it (calls, meetings, sales emails); None for the contact's own acts.
    actor: str | None = None


@dataclass(frozen=True)
class DraftAgreement(Event):
    """A version of the marketing-sales SLA written down (``key`` names it for signing)."""

    key: int
    title: str
    body: str
    terms: list[dict[str, Any]] = field(hash=False)
    author: str


@dataclass(frozen=True)
class SignAgreement(Event):
    key: int
    side: str
    signer: str


@dataclass(frozen=True)
class SetAway(Event):
    """A user goes out of office (``away``) or comes back; routing and the SLA read it."""

    user: str
    away: bool
    actor: str


@dataclass(frozen=True)
class TransitionStage(Event):
    contact_key: int
    to_stage: str
    actor: str
    reason: str


@dataclass(frozen=True)
class RejectLead(Event):
    contact_key: int
    reason_code: str
    note: str
    actor: str


@dataclass(frozen=True)
class ChangeConsent(Event):
    contact_key: int
    consent_field: str
    value: str | bool
    source: str
    text_shown: str | None
    actor: str | None


@dataclass(frozen=True)
class AddNote(Event):
    author: str
    body: str
    contact_key: int | None = None
    account_key: int | None = None
    opportunity_key: int | None = None


@dataclass(frozen=True)
class OpenOpportunity(Event):
    key: int
    account_key: int
    primary_contact_key: int
    role: str
    name: str
    amount: float
    expected_close_date: date
    owner: str


@dataclass(frozen=True)
class AddContactRole(Event):
    opportunity_key: int
    contact_key: int
    role: str
    actor: str


@dataclass(frozen=True)
class MoveOpportunity(Event):
    opportunity_key: int
    pipeline_stage: str
    actor: str


@dataclass(frozen=True)
class CloseOpportunity(Event):
    opportunity_key: int
    won: bool
    reason: str
    actor: str


@dataclass(frozen=True)
class UpdateAccountCustom(Event):
    account_key: int
    custom: dict[str, Any] = field(default_factory=dict, hash=False)
    actor: str = "rule:demo"


@dataclass
class DemoPlan:
    """The whole story. ``events`` is in playing order (by time, then planning order)."""

    anchor: datetime
    users: list[PlannedUser]
    campaigns: list[PlannedCampaign]
    custom_fields: list[PlannedCustomField]
    events: list[Event]

    def count(self, kind: type[Event]) -> int:
        return sum(1 for event in self.events if isinstance(event, kind))
