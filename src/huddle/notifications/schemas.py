"""Webhooks in the JSON API. The signing secret is written, never read back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

from huddle.core.actor import ActorKind
from huddle.core.schemas import NOT_NULLABLE, CleanInput, Shape
from huddle.core.stages import STAGES

Kind = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
# The catalogue's events (``WEBHOOK_EVENTS`` below says what each means and carries).
WebhookEventName = Literal[
    "contact.created",
    "contact.changed",
    "contact.merged",
    "contact.erased",
    "contact.stage_changed",
    "lead.handed_off",
    "handoff.accepted",
    "handoff.rejected",
    "lead.recycled",
    "sla.warning",
    "sla.breached",
    "sla.escalated",
    "deal.won",
    "deal.lost",
    "notification.created",
]


class WebhookCreate(CleanInput):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=120)
    url: str = Field(max_length=2000)
    secret: str = Field(max_length=200, description="At least 16 characters; signs each body.")
    events: list[WebhookEventName] = Field(
        default_factory=lambda: list[WebhookEventName](["notification.created"]),
        max_length=50,
        description="The catalogue's events to send (the spec's `webhooks` section).",
    )
    kinds: list[Kind] = Field(
        default_factory=list,
        max_length=50,
        description="Notification kinds `notification.created` sends; empty = all.",
    )
    active: bool = True


class WebhookUpdate(CleanInput):
    """Only the fields sent change; none may be null (send [] for every kind)."""

    model_config = ConfigDict(extra="forbid")

    url: Annotated[str | None, NOT_NULLABLE] = Field(default=None, max_length=2000)
    events: Annotated[list[WebhookEventName] | None, NOT_NULLABLE] = Field(
        default=None, max_length=50
    )
    kinds: Annotated[list[Kind] | None, NOT_NULLABLE] = Field(default=None, max_length=50)
    active: Annotated[bool | None, NOT_NULLABLE] = None


class WebhookRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    url: str
    events: list[WebhookEventName]
    kinds: list[str]
    active: bool


class WebhookEventRead(BaseModel):
    """One event of the catalogue; its payload's schema is in the spec's ``webhooks``."""

    name: str
    title: str
    description: str


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    webhook_id: int
    kind: str = Field(description="The event sent (``webhook.test``: a plain test).")
    status: Literal["queued", "retrying", "delivered", "failed"]
    response_status: int | None
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None


# --- the webhooks catalogue: what integrators receive -----------------------------------------
#
# Each event has a stable, versioned JSON shape: an envelope (``event``, ``version``,
# ``occurred_at``, ``test``) around ``data``. A change that would break a receiver is a new
# version, never an edit of this one. What leaves Huddle: a webhook is created by an admin,
# who sees everything, but a payload still carries references (ids, stages, links, the
# routing rule and reasons in words), never contacts' personal details or any secret: a
# receiver that wants a contact's details asks the API with its own token, whose role decides
# what it may read. A field that may be empty is ``null`` in the payload (an example in the
# document leaves it out). (``notification.created`` is the older shape: the in-app notification as
# its recipient sees it, which names the recipient, a Huddle user.)

WEBHOOK_PAYLOAD_VERSION = 1
StageName = Annotated[str, Field(json_schema_extra={"enum": list(STAGES)})]


class WebhookActor(BaseModel):
    """Who made the change: a user (by id), or Huddle itself (a rule, an import, the
    system: the SLA clocks...)."""

    kind: ActorKind
    user_id: int | None = None


class ContactReference(BaseModel):
    id: int
    url: str = Field(description="The contact's page in Huddle.")


class NewContactData(ContactReference):
    lifecycle_stage: StageName


class ContactCreatedData(BaseModel):
    contacts: list[NewContactData] = Field(description="One, or an import's chunk.")
    actor: WebhookActor


class ContactChangedData(BaseModel):
    """What people entered about these contacts, or about these accounts (and so their
    contacts), changed. Read the contact through the API for its current values."""

    contact_ids: list[int]
    account_ids: list[int]
    actor: WebhookActor


class ContactMergedData(BaseModel):
    survivor: ContactReference
    merged_id: int = Field(description="The contact that no longer exists.")
    actor: WebhookActor


class ContactErasedData(BaseModel):
    """Erase what you keep of this contact too."""

    contact_id: int
    actor: WebhookActor


class StageChangedData(BaseModel):
    contact: ContactReference
    from_stage: StageName | None = None
    to_stage: StageName
    reason: str | None = None
    actor: WebhookActor


class HandedOffData(BaseModel):
    handoff_id: int
    contact: ContactReference
    owner_id: int | None = Field(
        None, description="The rep; none when the lead waits in a team queue."
    )
    team: str
    rule: str = Field(description='The routing rule that decided, e.g. "territory:EMEA".')
    reason: str = Field(description="Why this owner, in words.")
    actor: WebhookActor


class HandoffDecidedData(BaseModel):
    handoff_id: int
    contact: ContactReference
    owner_id: int
    reason: str | None = Field(None, description="The rejection reason's code; none when accepted.")
    actor: WebhookActor


class LeadRecycledData(BaseModel):
    handoff_id: int | None = None
    contact: ContactReference
    reason: str
    actor: WebhookActor


class SlaWarningData(BaseModel):
    clock_id: int
    contact: ContactReference
    owner_id: int | None = None
    term_key: str = Field(description="The SLA term whose clock runs, e.g. first_touch.")
    due_at: datetime


class SlaBreachedData(SlaWarningData):
    handoff_id: int | None = None
    reroute: bool = Field(description="Whether the lead is routed again because of it.")


class SlaEscalatedData(BaseModel):
    clock_id: int
    contact: ContactReference
    owner_id: int | None = None
    manager_id: int
    term_key: str


class DealClosedData(BaseModel):
    opportunity_id: int
    url: str = Field(description="The deal's page in Huddle.")
    account_id: int
    name: str
    amount: float
    currency: str
    owner_id: int | None = None
    reason: str | None = Field(None, description="Why it was won or lost, as entered.")
    actor: WebhookActor


class WebhookTestData(BaseModel):
    webhook_id: int
    by_user_id: int | None = None
    message: str


class WebhookEnvelope(BaseModel):
    """What every event of the catalogue but ``notification.created`` carries around its
    ``data``."""

    event: str
    version: int = Field(WEBHOOK_PAYLOAD_VERSION, description="The payload's shape version.")
    occurred_at: datetime
    test: bool = Field(False, description='True for a "send test" delivery: sample data.')


class ContactCreatedPayload(WebhookEnvelope):
    event: Literal["contact.created"] = "contact.created"
    data: ContactCreatedData


class ContactChangedPayload(WebhookEnvelope):
    event: Literal["contact.changed"] = "contact.changed"
    data: ContactChangedData


class ContactMergedPayload(WebhookEnvelope):
    event: Literal["contact.merged"] = "contact.merged"
    data: ContactMergedData


class ContactErasedPayload(WebhookEnvelope):
    event: Literal["contact.erased"] = "contact.erased"
    data: ContactErasedData


class StageChangedPayload(WebhookEnvelope):
    event: Literal["contact.stage_changed"] = "contact.stage_changed"
    data: StageChangedData


class LeadHandedOffPayload(WebhookEnvelope):
    event: Literal["lead.handed_off"] = "lead.handed_off"
    data: HandedOffData


class HandoffAcceptedPayload(WebhookEnvelope):
    event: Literal["handoff.accepted"] = "handoff.accepted"
    data: HandoffDecidedData


class HandoffRejectedPayload(WebhookEnvelope):
    event: Literal["handoff.rejected"] = "handoff.rejected"
    data: HandoffDecidedData


class LeadRecycledPayload(WebhookEnvelope):
    event: Literal["lead.recycled"] = "lead.recycled"
    data: LeadRecycledData


class SlaWarningPayload(WebhookEnvelope):
    event: Literal["sla.warning"] = "sla.warning"
    data: SlaWarningData


class SlaBreachedPayload(WebhookEnvelope):
    event: Literal["sla.breached"] = "sla.breached"
    data: SlaBreachedData


class SlaEscalatedPayload(WebhookEnvelope):
    event: Literal["sla.escalated"] = "sla.escalated"
    data: SlaEscalatedData


class DealWonPayload(WebhookEnvelope):
    event: Literal["deal.won"] = "deal.won"
    data: DealClosedData


class DealLostPayload(WebhookEnvelope):
    event: Literal["deal.lost"] = "deal.lost"
    data: DealClosedData


class WebhookTestPayload(WebhookEnvelope):
    """``webhook.test``: a "send test" without an event picked."""

    event: Literal["webhook.test"] = "webhook.test"
    data: WebhookTestData


class NotifiedUser(BaseModel):
    id: int
    email: str
    name: str


# --- what an in-app notification carries, by kind -------------------------------------------
#
# The kinds Huddle sends, and the data of each: routing tells a rep of a new lead (or a pool's
# manager that nobody was eligible) with the hand-off packet; the SLA clocks warn, mark
# breaches and escalate. The packet's shape lives here, not in routing, because it travels
# in the notification (in-app, email, webhook) and routing sends through notifications.

HandoffKind = Literal["routing.handoff", "routing.unassigned"]
SlaKind = Literal["sla.warning", "sla.breached", "sla.escalated"]
# A workflow's step: a task for the contact's owner (Huddle has no task list yet) or a notice.
WorkflowKind = Literal["workflow.task", "workflow.notice"]
# A play's sales or success step: a task opened in its assignee's queue.
PlayKind = Literal["play.task"]
NotificationKind = HandoffKind | SlaKind | WorkflowKind | PlayKind


class PacketFirstTouch(Shape):
    source: str | None
    medium: str | None
    campaign: str | None
    landing_page: str | None
    at: datetime | None


class PacketConsumed(Shape):
    """A touch the lead had (a page, an asset, a webinar...), newest first."""

    type: str
    label: str
    what: str = Field(description="What it was about: a page's title, an asset's name...")
    at: datetime


class PacketRule(Shape):
    rule: str
    points: float
    times: int


class PacketScore(Shape):
    model: str
    total: float
    primary: bool
    top: list[PacketRule] = Field(description="The rules that gave most points, at most 5.")


class PacketQualification(Shape):
    """What made the lead an MQL, from its stage history."""

    by: str = Field(description='The criteria ("MQL criteria v2"), or "moved by hand".')
    at: str
    reason: str | None
    criteria: str | None = Field(
        description="The criteria in words, when they are the ones in force."
    )
    saved_by: str | None = Field(description="Who saved that version of the criteria.")


class PacketPrediction(Shape):
    """The active predictive model's probability at the hand-off and why, in words."""

    probability: float = Field(description="0..1, calibrated")
    target: str = Field(description="The stage predicted (sql or customer)")
    horizon_days: int | None
    version: int = Field(description="The model version")
    algorithm: str
    in_words: str | None = Field(
        description='"More likely to convert mainly because: ... (+); less because: ... (-)."'
    )
    up: list[str] = Field(description="The factors pushing it up, in words, largest first")
    down: list[str] = Field(description="The factors pulling it down, in words")


class HandoffPacket(Shape):
    """The lead's story for the rep, as it was when the lead was routed."""

    first_touch: PacketFirstTouch
    campaigns: list[str]
    consumed: list[PacketConsumed]
    scores: list[PacketScore]
    grade: str | None
    persona: str | None
    persona_match: float | None
    grade_why: list[str]
    buying_stage: str = Field(
        description=(
            "The contact's buying stage (Evaluating vendors...) as inferred from indicator "
            "touches; for a contact with none yet, a guess from its touches: Awareness, "
            "Consideration or Decision."
        )
    )
    talking_points: list[str]
    # Packets snapshotted before this field existed have none.
    qualified_by: PacketQualification | None = None
    # Without an active predictive model (and in packets snapshotted before it): none.
    prediction: PacketPrediction | None = None


class HandoffNoticeData(BaseModel):
    """``routing.handoff`` (the lead is the recipient's) and ``routing.unassigned`` (it
    waits in the recipient's team pool): the hand-off, its lead, and the packet."""

    model_config = ConfigDict(extra="forbid")

    handoff_id: int
    contact_id: int
    packet: HandoffPacket


class SlaAlertData(BaseModel):
    """``sla.warning``, ``sla.breached``, ``sla.escalated``: the clock and its lead."""

    model_config = ConfigDict(extra="forbid")

    clock_id: int
    contact_id: int


class WorkflowNoticeData(BaseModel):
    """``workflow.task``, ``workflow.notice``: the workflow, its step and the contact."""

    model_config = ConfigDict(extra="forbid")

    workflow_id: int
    step_id: str
    contact_id: int


class PlayTaskData(BaseModel):
    """``play.task``: the task (a play's step), its play, the contact and when it is due."""

    model_config = ConfigDict(extra="forbid")

    task_id: int
    play_id: int
    contact_id: int
    due_at: datetime | None


NotificationData = HandoffNoticeData | SlaAlertData | WorkflowNoticeData | PlayTaskData


class _NotificationPayload(BaseModel):
    """``notification.created``: an in-app notification (a hand-off for a rep, an SLA alert
    for a manager), as its recipient sees it; ``kind`` says which, and what ``data`` holds
    (a webhook's ``kinds`` narrow them). The older, flat shape, kept for the receivers built
    on it."""

    event: Literal["notification.created"] = "notification.created"
    version: int = WEBHOOK_PAYLOAD_VERSION
    test: bool = False
    notification_id: int
    user: NotifiedUser
    subject: str
    body: str
    link: str | None = None
    at: datetime


class HandoffNotificationPayload(_NotificationPayload):
    """``notification.created`` of a hand-off: ``data`` holds the packet."""

    kind: HandoffKind
    data: HandoffNoticeData


class SlaNotificationPayload(_NotificationPayload):
    """``notification.created`` of an SLA clock: ``data`` names the clock and the lead."""

    kind: SlaKind
    data: SlaAlertData


class WorkflowNotificationPayload(_NotificationPayload):
    """``notification.created`` of a workflow's step: ``data`` names the step and the lead."""

    kind: WorkflowKind
    data: WorkflowNoticeData


class PlayNotificationPayload(_NotificationPayload):
    """``notification.created`` of a play's task: ``data`` names the task and the lead."""

    kind: PlayKind
    data: PlayTaskData


NotificationPayload = Annotated[
    HandoffNotificationPayload
    | SlaNotificationPayload
    | WorkflowNotificationPayload
    | PlayNotificationPayload,
    Field(discriminator="kind"),
]
NOTIFICATION_PAYLOAD: TypeAdapter[
    HandoffNotificationPayload
    | SlaNotificationPayload
    | WorkflowNotificationPayload
    | PlayNotificationPayload
] = TypeAdapter(NotificationPayload)


class WorkflowStepData(BaseModel):
    workflow_id: int
    workflow: str
    step_id: str
    contact: ContactReference


class WorkflowStepPayload(WebhookEnvelope):
    """What a workflow's "call a webhook" step POSTs to the webhook it names (whatever
    events that webhook listens to: the workflow chose it)."""

    event: Literal["workflow.step"] = "workflow.step"
    data: WorkflowStepData


@dataclass(frozen=True)
class WebhookEvent:
    """One entry of the catalogue: its name, what it means, and its payload's model (or a
    discriminated union of models: ``notification.created``)."""

    name: str
    title: str
    description: str
    payload: Any


# The order the settings page lists them in.
WEBHOOK_EVENTS: tuple[WebhookEvent, ...] = (
    WebhookEvent(
        "contact.created",
        "Contact created",
        "A contact was added: by hand, by the API, by a form or by an import.",
        ContactCreatedPayload,
    ),
    WebhookEvent(
        "contact.changed",
        "Contact changed",
        "What people entered about a contact or its account changed (an edit, an enrichment).",
        ContactChangedPayload,
    ),
    WebhookEvent(
        "contact.merged",
        "Contacts merged",
        "Two contacts were merged into one; the other no longer exists.",
        ContactMergedPayload,
    ),
    WebhookEvent(
        "contact.erased",
        "Contact erased",
        "A contact's personal data was erased on request: erase your copy too.",
        ContactErasedPayload,
    ),
    WebhookEvent(
        "contact.stage_changed",
        "Lifecycle stage changed",
        "A contact moved to another lifecycle stage (lead, MQL, SAL, customer...).",
        StageChangedPayload,
    ),
    WebhookEvent(
        "lead.handed_off",
        "Lead handed off",
        "Routing gave a qualified lead to a rep, or to a team queue.",
        LeadHandedOffPayload,
    ),
    WebhookEvent(
        "handoff.accepted",
        "Hand-off accepted",
        "The rep accepted the lead.",
        HandoffAcceptedPayload,
    ),
    WebhookEvent(
        "handoff.rejected",
        "Hand-off rejected",
        "The rep rejected the lead, with a reason.",
        HandoffRejectedPayload,
    ),
    WebhookEvent(
        "lead.recycled",
        "Lead recycled",
        "A rejected or stalled lead went back to nurture.",
        LeadRecycledPayload,
    ),
    WebhookEvent(
        "sla.warning",
        "SLA warning",
        "An SLA clock is close to its due time.",
        SlaWarningPayload,
    ),
    WebhookEvent(
        "sla.breached",
        "SLA breach",
        "An SLA clock passed its due time.",
        SlaBreachedPayload,
    ),
    WebhookEvent(
        "sla.escalated",
        "SLA escalated",
        "A breach was escalated to the owner's manager.",
        SlaEscalatedPayload,
    ),
    WebhookEvent("deal.won", "Deal won", "A deal closed won.", DealWonPayload),
    WebhookEvent("deal.lost", "Deal lost", "A deal closed lost.", DealLostPayload),
    WebhookEvent(
        "notification.created",
        "Notifications",
        "Every in-app notification Huddle sends a user (hand-offs, SLA alerts), narrowed by "
        "kinds if given.",
        NotificationPayload,
    ),
)
WEBHOOK_EVENT_NAMES: tuple[str, ...] = get_args(WebhookEventName)


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str = Field(description="What it is about, e.g. routing.handoff, sla.breached.")
    subject: str
    body: str
    link: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationPage(BaseModel):
    """My notifications, newest first; pass the last one's id as ``before`` for older ones."""

    unread: int
    items: list[NotificationRead]
