"""What the audit trail records: one ``audited(...)`` line per domain event.

Auditing a new kind of change (score rules, SLA versions, ...) is one more line here:
``audited(ScoreRuleChanged, "scoring.rule_changed", subject=("score_rule", "rule_id"))``.
The event's own fields (but the actor and the time) become the entry's ``changes``; a
``summary`` template may use them. Events must name people by id, never by name or email.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.audit import service
from huddle.auth.events import (
    ApiTokenIssued,
    ApiTokenRevoked,
    PasswordChanged,
    PasswordResetLinkSent,
    UserAccessChanged,
)
from huddle.contacts.events import (
    AccountsMerged,
    ConsentChanged,
    ContactErased,
    ContactsBulkChanged,
    ContactsMerged,
    OwnerChanged,
)
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.events import DomainEvent, Phase, subscribe
from huddle.feedback.events import FeedbackLogged, ProductFeatureSaved, ThresholdProposalChanged
from huddle.goals.events import GoalChanged
from huddle.lifecycle.events import (
    AllowedTransitionsChanged,
    OpportunityDeleted,
    RejectionReasonChanged,
    StageChanged,
)
from huddle.mailing.events import AddressSuppressed, EmailTemplateChanged
from huddle.notifications.events import WebhookChanged, WebhookSaved
from huddle.privacy.events import PersonalDataExported
from huddle.routing.events import (
    HandoffDecided,
    LeadHandedOff,
    LeadRecycled,
    RoutingPoolChanged,
    RoutingRuleChanged,
)
from huddle.sla.events import (
    SlaBreached,
    SlaCalendarChanged,
    SlaEscalated,
    SlaVersionActivated,
    SlaVersionDrafted,
    SlaVersionSigned,
)

Subject = tuple[str, str | None]  # (subject type, name of the event field holding its id)
_NOT_FACTS = {"actor", "at", "needles"}


def facts(event: DomainEvent) -> dict[str, Any]:
    """The event's fields as JSON-ready values, without the actor and the time (they have
    columns of their own) and never ``needles`` (erased values)."""
    values = {
        field.name: getattr(event, field.name)
        for field in dataclasses.fields(event)
        if field.name not in _NOT_FACTS
    }
    return _json_ready(values)


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def audited(
    event_type: type[DomainEvent],
    action: str,
    *,
    subject: Subject,
    summary: str | Callable[[Any], str] | None = None,
    changes: Callable[[Any], dict[str, Any]] = facts,
) -> None:
    """Record an entry for every ``event_type`` published (same transaction as the change)."""
    subject_type, id_field = subject

    def record(session: Session, event: Any) -> None:
        values = changes(event)
        subject_id = getattr(event, id_field) if id_field else None
        if callable(summary):
            text = summary(event)
        elif summary:
            text = summary.format(**facts(event))
        else:
            text = f"{action} on {subject_type}" + (f" #{subject_id}" if subject_id else "")
        actor: Actor = event.actor
        at: datetime = getattr(event, "at", None) or clock.now()
        service.record(
            session,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            summary=text,
            changes=values,
            actor=actor,
            at=at,
        )

    service.KNOWN_ACTIONS.add(action)
    service.KNOWN_SUBJECT_TYPES.add(subject_type)
    record.__name__ = record.__qualname__ = f"audit_{action.replace('.', '_')}"
    subscribe(event_type, phase=Phase.RECORD)(record)


def _owner(owner_id: int | None) -> str:
    return f"user #{owner_id}" if owner_id is not None else "unassigned"


def _listed(values: dict[str, Any]) -> dict[str, list[Any]]:
    """Each value as a list: the shape an entry's changes keep a filter in."""
    return {k: v if isinstance(v, list) else [v] for k, v in _json_ready(values).items()}


def _pairs(pairs: list[list[str]]) -> str:
    return ", ".join(f"{a} → {b}" for a, b in pairs) or "none"


# --- the shared record -------------------------------------------------------------------------
audited(
    StageChanged,
    "contact.stage_changed",
    subject=("contact", "contact_id"),
    summary="Stage {from_stage} → {to_stage}",
)
audited(
    ContactsMerged,
    "contact.merged",
    subject=("contact", "survivor_id"),
    summary="Contact #{merged_id} merged into #{survivor_id}",
)
audited(
    AccountsMerged,
    "account.merged",
    subject=("account", "survivor_id"),
    summary="Account #{merged_id} merged into #{survivor_id}",
)
audited(
    ConsentChanged,
    "contact.consent_changed",
    subject=("contact", "contact_id"),
    summary="Consent {field}: {old_value} → {new_value}",
)
audited(
    ContactsBulkChanged,
    "contact.bulk_changed",
    subject=("contact", None),
    summary=lambda e: (
        f"Bulk {'owner' if e.action == 'assign_owner' else 'stage'} change to "
        f"{_owner(e.value) if e.action == 'assign_owner' else e.value}: "
        f"{e.changed} of {e.matched} contacts changed, {e.refused} refused"
    ),
    changes=lambda e: facts(e) | {"filters": _listed(e.filters)},
)
audited(
    PersonalDataExported,
    "contact.personal_data_exported",
    subject=("contact", "contact_id"),
    summary="Personal data of contact #{contact_id} exported",
)
# --- deals and lifecycle configuration -----------------------------------------------------------
audited(
    OpportunityDeleted,
    "opportunity.deleted",
    subject=("opportunity", "opportunity_id"),
    summary="Deal #{opportunity_id} deleted",
)
audited(
    AllowedTransitionsChanged,
    "lifecycle.transitions_changed",
    subject=("lifecycle", None),
    summary=lambda e: (
        f"Allowed transitions: added {_pairs(facts(e)['added'])}; "
        f"removed {_pairs(facts(e)['removed'])}"
    ),
)
audited(
    RejectionReasonChanged,
    "lifecycle.rejection_reason_changed",
    subject=("rejection_reason", "code"),
    summary="Rejection reason {code} {change}",
)
# --- people and their access -------------------------------------------------------------------
audited(
    UserAccessChanged,
    "user.access_changed",
    subject=("user", "user_id"),
    summary=lambda e: (
        f"Access of user #{e.user_id}: "
        + ", ".join(f"{field} {before} → {after}" for field, (before, after) in e.changes.items())
    ),
)
audited(
    ApiTokenIssued,
    "token.issued",
    subject=("api_token", "token_id"),
    summary=lambda e: (
        f"API token #{e.token_id} issued to user #{e.user_id} ({', '.join(e.scopes)})"
    ),
)
audited(
    ApiTokenRevoked,
    "token.revoked",
    subject=("api_token", "token_id"),
    summary="API token #{token_id} of user #{user_id} revoked ({reason})",
)
audited(
    PasswordChanged,
    "user.password_changed",
    subject=("user", "user_id"),
    summary=lambda e: (
        f"Password of user #{e.user_id} {'reset by email link' if e.how == 'reset' else 'changed'}"
        f": {e.sessions_ended} session(s) ended, {e.tokens_revoked} API token(s) revoked"
    ),
)
audited(
    PasswordResetLinkSent,
    "user.password_reset_sent",
    subject=("user", "user_id"),
    summary="Password reset link sent to user #{user_id} (asked for from {ip})",
)

# --- routing and hand-offs ---------------------------------------------------------------------
audited(
    RoutingRuleChanged,
    "routing.rule_changed",
    subject=("routing_rule", "rule_id"),
    summary="Routing rule #{rule_id} ({kind}) {change}",
)
audited(
    RoutingPoolChanged,
    "routing.pool_changed",
    subject=("routing_pool", "pool_id"),
    summary="Team pool #{pool_id} changed",
)
audited(
    LeadHandedOff,
    "routing.handed_off",
    subject=("contact", "contact_id"),
    summary=lambda e: (
        f"Lead #{e.contact_id} handed to "
        + (f"user #{e.owner_id}" if e.owner_id is not None else f"the {e.team} queue")
        + f" by {e.rule}"
    ),
)
audited(
    HandoffDecided,
    "routing.handoff_decided",
    subject=("contact", "contact_id"),
    summary=lambda e: (
        f"Hand-off #{e.handoff_id} " + ("accepted" if e.accepted else f"rejected: {e.reason}")
    ),
)
audited(
    LeadRecycled,
    "routing.recycled",
    subject=("contact", "contact_id"),
    summary="Lead #{contact_id} recycled: {reason}",
)
audited(
    WebhookSaved,
    "notifications.webhook_saved",
    subject=("webhook", "webhook_id"),
    summary="Webhook #{webhook_id} saved",
)
audited(
    WebhookChanged,
    "notifications.webhook_changed",
    subject=("webhook", "webhook_id"),
    summary="Webhook #{webhook_id} {change}",
)


# --- written by hand: the action depends on the event, or the entry must hide values -----------
service.KNOWN_ACTIONS.update({"contact.owner_changed", "account.owner_changed", "contact.erased"})


@subscribe(OwnerChanged, phase=Phase.RECORD)
def record_owner_change(session: Session, event: OwnerChanged) -> None:
    service.record(
        session,
        action=f"{event.subject_type}.owner_changed",
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        summary=f"Owner {_owner(event.from_owner_id)} → {_owner(event.to_owner_id)}",
        changes={"owner_id": [event.from_owner_id, event.to_owner_id]},
        actor=event.actor,
        at=event.at,
    )


@subscribe(ContactErased)
def record_erasure(session: Session, event: ContactErased) -> None:
    """What the trail said about the person loses the erased values; the erasure itself is
    recorded by who and when, never with what was erased."""
    service.scrub_subject(session, "contact", event.contact_id, event.needles)
    service.record(
        session,
        action="contact.erased",
        subject_type="contact",
        subject_id=event.contact_id,
        summary=f"Personal data of contact #{event.contact_id} erased",
        changes={},
        actor=event.actor,
        at=event.at,
    )


# --- the SLA -----------------------------------------------------------------------------

audited(
    SlaVersionDrafted,
    "sla.version_drafted",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} drafted",
)
audited(
    SlaVersionSigned,
    "sla.version_signed",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} signed for {side} by user #{user_id}",
)
audited(
    SlaVersionActivated,
    "sla.version_activated",
    subject=("sla_version", "version_id"),
    summary="SLA version {number} is active",
)
audited(
    SlaCalendarChanged,
    "sla.calendar_changed",
    subject=("sla_calendar", None),
    summary="Business calendar {scope} changed",
)
# Consequential for the people involved: a breach counts against the owner, an escalation
# puts it in front of their manager.
audited(
    SlaBreached,
    "sla.breached",
    subject=("contact", "contact_id"),
    summary=lambda e: (
        f"SLA term {e.term_key} breached on lead #{e.contact_id} "
        f"({'user #' + str(e.owner_id) if e.owner_id is not None else 'team queue'}), "
        f"due {e.due_at:%Y-%m-%d %H:%M} UTC" + ("; re-routing" if e.reroute else "")
    ),
)
audited(
    SlaEscalated,
    "sla.escalated",
    subject=("contact", "contact_id"),
    summary="SLA breach of {term_key} on lead #{contact_id} escalated to user #{manager_id}",
)

# --- marketing email ---------------------------------------------------------------------

audited(
    EmailTemplateChanged,
    "email.template_changed",
    subject=("email_template", "template_id"),
    summary="Email template #{template_id} {change}",
)
audited(
    AddressSuppressed,
    "email.address_suppressed",
    subject=("email_suppression", "suppression_id"),
    summary="An address was suppressed ({reason}, from {source})",
)

# --- product feedback and the feedback loop -------------------------------------------------

audited(
    ProductFeatureSaved,
    "product.feature_saved",
    subject=("product_feature", "feature_id"),
    summary="Product feature {name} saved",
)
audited(
    FeedbackLogged,
    "feedback.logged",
    subject=("account", "account_id"),
    summary="{kind} logged on account #{account_id}",
)
audited(
    ThresholdProposalChanged,
    "scoring.threshold_proposal",
    subject=("mql_threshold_proposal", "proposal_id"),
    summary="MQL threshold {threshold} proposal {status}",
)
audited(
    GoalChanged,
    "goal.changed",
    subject=("goal", "goal_id"),
    summary=lambda e: (
        f"Goal #{e.goal_id} {e.name} {e.change}"
        + (f": {', '.join(e.changes)}" if e.change == "edited" else "")
    ),
    changes=lambda e: _json_ready(e.changes),
)
