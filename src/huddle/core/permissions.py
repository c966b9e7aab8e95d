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
    # The shared record. Actions marked "owned" follow the ownership rule (OWNED_ACTIONS).
    CONTACT_READ = "contact.read"
    CONTACT_READ_PERSONAL = "contact.read_personal"  # emails and phones
    CONTACT_CREATE = "contact.create"  # owned: the owner a new contact is given
    CONTACT_EDIT = "contact.edit"  # owned
    CONTACT_MERGE = "contact.merge"  # owned (both records), contacts and accounts
    CONTACT_IMPORT = "contact.import"
    CONTACT_EXPORT = "contact.export"
    ACCOUNT_EDIT = "account.edit"  # owned: create, change (owner too), enrich
    FIELDS_CONFIGURE = "fields.configure"  # custom field definitions
    NOTE_WRITE = "note.write"  # owned: the contact, account or deal noted
    TOUCH_WRITE = "touch.write"  # owned: the contact a call, email or meeting is logged on
    # Lifecycle and deals
    STAGE_CHANGE = "stage.change"  # owned
    # Deciding on a lead: rejecting it back to marketing, or accepting a hand-off. Owned.
    LEAD_REJECT = "lead.reject"
    LIFECYCLE_CONFIGURE = "lifecycle.configure"
    DEAL_EDIT = "deal.edit"  # owned: create, change (owner too), move, close, contact roles
    # Owned. Even a deal's owner needs it: a deleted deal leaves the forecast and the win
    # rate without a trace, so reps close a deal as lost and a manager deletes mistakes.
    DEAL_DELETE = "deal.delete"
    # Privacy and trust
    CONSENT_READ = "consent.read"
    CONSENT_EDIT = "consent.edit"  # owned
    PERSONAL_DATA_EXPORT = "personal_data.export"
    PERSONAL_DATA_ERASE = "personal_data.erase"
    AUDIT_READ = "audit.read"
    USER_MANAGE = "user.manage"
    # Tracking
    TRACKING_CONFIGURE = "tracking.configure"  # sites, forms, event types
    EVENTS_INGEST = "events.ingest"
    # Later issues
    SCORING_EDIT = "scoring.edit"
    ROUTING_EDIT = "routing.edit"  # routing rules, team pools, routing a lead by hand
    SLA_DRAFT = "sla.draft"  # drafts and business calendars
    SLA_SIGN_FOR_MARKETING = "sla.sign_for_marketing"
    SLA_SIGN_FOR_SALES = "sla.sign_for_sales"
    # The asset library: approving an asset, so that workflows may send it.
    ASSET_APPROVE = "asset.approve"
    # Outbound webhooks carry lead data out of Huddle: changing where is for admins.
    WEBHOOK_MANAGE = "webhook.manage"
    ANALYTICS_READ = "analytics.read"
    CAMPAIGN_MANAGE = "campaign.manage"  # campaigns, their costs and UTM rules
    # Marketing email: templates, sends, the send log and the suppression list.
    EMAIL_MANAGE = "email.manage"
    # Product feedback: objections and feature gaps heard on deals and accounts, and the
    # managed list of product features and themes they name.
    FEEDBACK_LOG = "feedback.log"
    PRODUCT_MANAGE = "product.manage"
    GOAL_MANAGE = "goal.manage"  # shared goals: managers set them, everyone reads them
    WORKFLOW_MANAGE = "workflow.manage"  # nurture workflows, their lists, enrolling by hand


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
_SALES = _RECORD_WORK | {Action.LEAD_REJECT, Action.DEAL_EDIT, Action.FEEDBACK_LOG}

PERMISSIONS: dict[str, frozenset[Action]] = {
    "admin": frozenset(Action),
    "marketing": frozenset(
        _MARKETING
        | {
            Action.SLA_DRAFT,
            Action.CAMPAIGN_MANAGE,
            Action.EMAIL_MANAGE,
            Action.WORKFLOW_MANAGE,
        }
    ),
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
            Action.CAMPAIGN_MANAGE,
            Action.EMAIL_MANAGE,
            Action.GOAL_MANAGE,
            Action.WORKFLOW_MANAGE,
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
            Action.GOAL_MANAGE,
        }
    ),
    "customer_success": frozenset(_RECORD_WORK | {Action.DEAL_EDIT, Action.FEEDBACK_LOG}),
    "product": frozenset(_EVERYONE_READS | {Action.PRODUCT_MANAGE}),
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


def roles_allowed(action: Action) -> tuple[str, ...]:
    """The roles that may take ``action``, in the table's order (for "only X and Y can")."""
    return tuple(role for role in ROLES if action in PERMISSIONS.get(role, frozenset()))


def allowed(role: str | None, action: Action) -> bool:
    return role is not None and action in PERMISSIONS.get(role, frozenset())


def may(actor: Actor, action: Action) -> bool:
    """Non-user actors act on Huddle's behalf; users are limited by their role."""
    return actor.kind != "user" or allowed(actor.role, action)


def require(actor: Actor, action: Action) -> None:
    if not may(actor, action):
        raise NotPermitted(f"your role ({actor.role or 'none'}) may not {action.value}")


# Roles that change only their own records or unassigned ones. Sales reps work their own
# book; an unassigned record is the team's open pool, which any rep may work (and claim by
# making themself its owner). A record owned by someone else, in their team or another, is
# theirs; and a rep gives a record to nobody but themself: moving a record from one person's
# book to another's is a manager's or routing's job.
OWN_RECORDS_ONLY = frozenset({"sales_rep"})

# The actions on records that have an owner (contacts, accounts, deals, hand-offs), where
# the rule above applies: to the record's owner, and to the owner a change gives it. Other
# actions either have no owned record (configuration, imports, exports) or are not sales
# work on a book: erasure and personal-data exports answer a person's legal request, so
# whoever may do them does them for every record.
OWNED_ACTIONS = frozenset(
    {
        Action.CONTACT_CREATE,
        Action.CONTACT_EDIT,
        Action.CONTACT_MERGE,
        Action.ACCOUNT_EDIT,
        Action.NOTE_WRITE,
        Action.TOUCH_WRITE,
        Action.STAGE_CHANGE,
        Action.LEAD_REJECT,
        Action.DEAL_EDIT,
        Action.DEAL_DELETE,
        Action.CONSENT_EDIT,
    }
)


def may_change_owned(actor: Actor, action: Action, owner_id: int | None) -> bool:
    """Whether the actor may do ``action`` to a record owned by ``owner_id`` (None:
    unassigned), or give a record that owner."""
    if not may(actor, action):
        return False
    if actor.kind != "user" or actor.role not in OWN_RECORDS_ONLY:
        return True
    return owner_id is None or owner_id == actor.user_id


def require_owned(actor: Actor, action: Action, *owner_ids: int | None) -> None:
    """``require`` plus the ownership rule for each owner given (the record's, and the one a
    change gives it): a sales rep changes only their own or unassigned records."""
    if action not in OWNED_ACTIONS:
        # A check the table does not describe would be a rule nobody can read off it.
        raise ValueError(f"{action.value} is not an action on owned records")
    require(actor, action)
    for owner_id in owner_ids:
        if not may_change_owned(actor, action, owner_id):
            raise NotPermitted(
                "sales reps change only their own or unassigned records, "
                "and give records to nobody but themselves"
            )
