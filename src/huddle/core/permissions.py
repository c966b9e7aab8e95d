"""Who may do what: the one table of roles and actions, checked in the service layer.

API, UI and CLI all reach the same service functions, so a rule written here holds
everywhere. Views use ``allowed`` only to hide buttons a user could not use anyway.
Actors that are not users (rules, imports, workflows, the system) act on Huddle's own
behalf and are not limited by this table; what may start them is checked where they start.
"""

from __future__ import annotations

from enum import StrEnum

from huddle.core.actor import Actor
from huddle.core.errors import NotPermitted

TEAMS = ("marketing", "sales", "customer_success", "product", "revops")
ROLES = (
    "admin",
    "marketing",
    "marketing_ops",
    "sales_rep",
    "sales_manager",
    "customer_success",
    "product",
    "compliance",
)


class Action(StrEnum):
    # The shared record
    CONTACT_READ = "contact.read"
    CONTACT_READ_PERSONAL = "contact.read_personal"  # emails and phones
    CONTACT_CREATE = "contact.create"
    CONTACT_EDIT = "contact.edit"  # sales reps: only their own or unassigned contacts
    CONTACT_MERGE = "contact.merge"
    CONTACT_IMPORT = "contact.import"
    CONTACT_EXPORT = "contact.export"
    ACCOUNT_EDIT = "account.edit"
    FIELDS_CONFIGURE = "fields.configure"  # custom field definitions
    NOTE_WRITE = "note.write"
    TOUCH_WRITE = "touch.write"
    # Lifecycle and deals
    STAGE_CHANGE = "stage.change"
    LEAD_REJECT = "lead.reject"
    LIFECYCLE_CONFIGURE = "lifecycle.configure"
    DEAL_EDIT = "deal.edit"
    DEAL_DELETE = "deal.delete"
    # Privacy and trust
    CONSENT_READ = "consent.read"
    CONSENT_EDIT = "consent.edit"
    PERSONAL_DATA_EXPORT = "personal_data.export"
    PERSONAL_DATA_ERASE = "personal_data.erase"
    AUDIT_READ = "audit.read"
    USER_MANAGE = "user.manage"
    # Tracking
    TRACKING_CONFIGURE = "tracking.configure"  # sites, forms, event types
    EVENTS_INGEST = "events.ingest"
    # Later issues
    SCORING_EDIT = "scoring.edit"
    ROUTING_EDIT = "routing.edit"
    SLA_DRAFT = "sla.draft"
    SLA_SIGN_FOR_MARKETING = "sla.sign_for_marketing"
    SLA_SIGN_FOR_SALES = "sla.sign_for_sales"
    ASSET_APPROVE = "asset.approve"
    # Outbound webhooks carry lead data out of Huddle: changing where is for admins.
    WEBHOOK_MANAGE = "webhook.manage"
    ANALYTICS_READ = "analytics.read"


_EVERYONE_READS = {Action.CONTACT_READ, Action.ANALYTICS_READ}
_RECORD_WORK = _EVERYONE_READS | {
    Action.CONTACT_READ_PERSONAL,
    Action.CONTACT_CREATE,
    Action.CONTACT_EDIT,
    Action.ACCOUNT_EDIT,
    Action.NOTE_WRITE,
    Action.TOUCH_WRITE,
    Action.STAGE_CHANGE,
    Action.CONSENT_EDIT,
}
# Marketing runs the email programmes, so it sees where each consent came from.
_MARKETING = _RECORD_WORK | {
    Action.CONTACT_IMPORT,
    Action.CONTACT_EXPORT,
    Action.CONTACT_MERGE,
    Action.CONSENT_READ,
}
_SALES = _RECORD_WORK | {Action.LEAD_REJECT, Action.DEAL_EDIT}

PERMISSIONS: dict[str, frozenset[Action]] = {
    "admin": frozenset(Action),
    "marketing": frozenset(_MARKETING | {Action.SLA_DRAFT}),
    "marketing_ops": frozenset(
        _MARKETING
        | {
            Action.LIFECYCLE_CONFIGURE,
            Action.FIELDS_CONFIGURE,
            Action.SCORING_EDIT,
            Action.ROUTING_EDIT,
            Action.TRACKING_CONFIGURE,
            Action.EVENTS_INGEST,
            Action.SLA_DRAFT,
            Action.SLA_SIGN_FOR_MARKETING,
        }
    ),
    "sales_rep": frozenset(_SALES),
    "sales_manager": frozenset(
        _SALES
        | {
            Action.CONTACT_MERGE,
            Action.CONTACT_EXPORT,
            Action.LIFECYCLE_CONFIGURE,
            Action.FIELDS_CONFIGURE,
            Action.ROUTING_EDIT,
            Action.DEAL_DELETE,
            Action.SLA_DRAFT,
            Action.SLA_SIGN_FOR_SALES,
        }
    ),
    "customer_success": frozenset(_RECORD_WORK | {Action.DEAL_EDIT}),
    "product": frozenset(_EVERYONE_READS),
    "compliance": frozenset(
        _EVERYONE_READS
        | {
            Action.CONTACT_READ_PERSONAL,
            Action.CONSENT_READ,
            Action.CONSENT_EDIT,
            Action.PERSONAL_DATA_EXPORT,
            Action.PERSONAL_DATA_ERASE,
            Action.AUDIT_READ,
            Action.ASSET_APPROVE,
        }
    ),
}


def allowed(role: str | None, action: Action) -> bool:
    return role is not None and action in PERMISSIONS.get(role, frozenset())


def may(actor: Actor, action: Action) -> bool:
    """Non-user actors act on Huddle's behalf; users are limited by their role."""
    return actor.kind != "user" or allowed(actor.role, action)


def require(actor: Actor, action: Action) -> None:
    if not may(actor, action):
        raise NotPermitted(f"your role ({actor.role or 'none'}) may not {action.value}")


# Roles that change only their own records (contacts, deals) or unassigned ones. Sales reps
# work their own book; an unassigned contact is the team's open pool, which any rep may work
# (and claim by making themself its owner). A record owned by someone else is theirs.
OWN_RECORDS_ONLY = frozenset({"sales_rep"})


def may_change_owned(actor: Actor, action: Action, owner_id: int | None) -> bool:
    if not may(actor, action):
        return False
    if actor.kind != "user" or actor.role not in OWN_RECORDS_ONLY:
        return True
    return owner_id is None or owner_id == actor.user_id


def require_owned(actor: Actor, action: Action, owner_id: int | None) -> None:
    """``require`` plus the ownership rule: a sales rep changes only their own or
    unassigned records."""
    require(actor, action)
    if not may_change_owned(actor, action, owner_id):
        raise NotPermitted("sales reps change only their own or unassigned records")
