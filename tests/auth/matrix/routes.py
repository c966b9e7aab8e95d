"""Every route that performs an action of the permission table, by action; the actions
nothing performs yet; and the mutating routes no action guards, each with the reason.

For an action in ``OWNED_ACTIONS`` the record a route acts on is given the case's owner;
for other actions it has none. Changing an owner is tried every way a record changes
hands: a record of that owner taken by the actor ("take"), an unassigned record given to
that owner ("give"), a new record made for that owner ("new").
"""

from __future__ import annotations

from huddle.core.permissions import Action
from tests.auth.matrix.assets import ASSET_APPROVALS, ASSET_SETTINGS
from tests.auth.matrix.campaigns import CAMPAIGN_READS, CAMPAIGN_SETTINGS
from tests.auth.matrix.feedback import (
    FEEDBACK_LOGS,
    FEEDBACK_READS,
    PRODUCT_SETTINGS,
    PROPOSAL_DECISIONS,
    THRESHOLD_PROPOSALS,
)
from tests.auth.matrix.goals import GOAL_READS, GOAL_SETTINGS, SLA_DRAFTS_FROM_PLANS
from tests.auth.matrix.mailing import EMAIL_SETTINGS
from tests.auth.matrix.plays import PLAY_SETTINGS, PLAY_STARTS, PLAY_TASKS
from tests.auth.matrix.records import (
    ACCOUNT_EDITS,
    AUDIT_READS,
    CONSENT_EDITS,
    CONSENT_READS,
    CONTACT_EDITS,
    CREATES,
    DEAL_DELETES,
    DEAL_EDITS,
    ERASURES,
    EXPORTS,
    IMPORTS,
    LEAD_DECISIONS,
    LIFECYCLE_SETTINGS,
    MERGES,
    NOTES,
    PERSONAL,
    PERSONAL_DATA_EXPORTS,
    READS,
    STAGE_CHANGES,
    TOUCHES,
)
from tests.auth.matrix.settings import (
    ANALYTICS,
    FIELD_SETTINGS,
    INGESTS,
    ROUTING_SETTINGS,
    SCORING_SETTINGS,
    SLA_DRAFTS,
    TRACKING_SETTINGS,
    USER_SETTINGS,
    WEBHOOK_SETTINGS,
    signing,
)
from tests.auth.matrix.workflows import WORKFLOW_SETTINGS
from tests.auth.matrix.world import Route

ROUTES: dict[Action, list[Route]] = {
    Action.CONTACT_READ: READS,
    Action.CONTACT_READ_PERSONAL: PERSONAL,
    Action.CONTACT_CREATE: CREATES,
    Action.CONTACT_EDIT: CONTACT_EDITS + PLAY_STARTS,
    Action.CONTACT_MERGE: MERGES,
    Action.CONTACT_IMPORT: IMPORTS,
    Action.CONTACT_EXPORT: EXPORTS,
    Action.ACCOUNT_EDIT: ACCOUNT_EDITS,
    Action.FIELDS_CONFIGURE: FIELD_SETTINGS,
    Action.NOTE_WRITE: NOTES,
    Action.TOUCH_WRITE: TOUCHES + PLAY_TASKS,
    Action.STAGE_CHANGE: STAGE_CHANGES,
    Action.LEAD_REJECT: LEAD_DECISIONS,
    Action.LIFECYCLE_CONFIGURE: LIFECYCLE_SETTINGS,
    Action.DEAL_EDIT: DEAL_EDITS,
    Action.DEAL_DELETE: DEAL_DELETES,
    Action.CONSENT_READ: CONSENT_READS,
    Action.CONSENT_EDIT: CONSENT_EDITS,
    Action.PERSONAL_DATA_EXPORT: PERSONAL_DATA_EXPORTS,
    Action.PERSONAL_DATA_ERASE: ERASURES,
    Action.AUDIT_READ: AUDIT_READS,
    Action.USER_MANAGE: USER_SETTINGS,
    Action.TRACKING_CONFIGURE: TRACKING_SETTINGS,
    Action.EVENTS_INGEST: INGESTS,
    Action.SCORING_EDIT: SCORING_SETTINGS + PROPOSAL_DECISIONS,
    Action.ROUTING_EDIT: ROUTING_SETTINGS,
    Action.SLA_DRAFT: SLA_DRAFTS + THRESHOLD_PROPOSALS + SLA_DRAFTS_FROM_PLANS,
    Action.SLA_SIGN_FOR_MARKETING: signing("marketing"),
    Action.SLA_SIGN_FOR_SALES: signing("sales"),
    Action.WEBHOOK_MANAGE: WEBHOOK_SETTINGS,
    Action.ANALYTICS_READ: ANALYTICS + CAMPAIGN_READS + FEEDBACK_READS + GOAL_READS,
    Action.CAMPAIGN_MANAGE: CAMPAIGN_SETTINGS + ASSET_SETTINGS,
    Action.ASSET_APPROVE: ASSET_APPROVALS,
    Action.EMAIL_MANAGE: EMAIL_SETTINGS,
    Action.FEEDBACK_LOG: FEEDBACK_LOGS,
    Action.PRODUCT_MANAGE: PRODUCT_SETTINGS,
    Action.GOAL_MANAGE: GOAL_SETTINGS,
    Action.WORKFLOW_MANAGE: WORKFLOW_SETTINGS + PLAY_SETTINGS,
}

# Actions of the table nothing in Huddle performs yet, with why. The completeness test
# checks that no code outside the table names them: the day a service asks for one, its
# routes must be added to ROUTES above.
UNROUTED: dict[Action, str] = {}

OWN_PASSWORD = "a user changes their own password (the current one is asked for)"
OWN_TOKENS = "a personal token acts with its owner's role, never more"
REVOKE = "one's own tokens; another's only with user.manage (test_tokens.py)"
OWN_VIEW = "a saved view is one's own filter (a shared one others may only use)"
VIEW_DELETE = "only its owner deletes a saved view"
OWN_NOTIFICATIONS = "marks the caller's own notifications read"

# Mutating routes no action of the table guards, by (method, path), with why.
OPEN: dict[tuple[str, str], str] = {
    ("POST", "/login"): "signing in: the credentials are the check",
    ("POST", "/logout"): "signing out ends only the caller's own session",
    ("POST", "/account/password"): OWN_PASSWORD,
    ("POST", "/api/v1/me/password"): OWN_PASSWORD,
    ("POST", "/account/tokens"): OWN_TOKENS,
    ("POST", "/api/v1/tokens"): OWN_TOKENS,
    ("POST", "/account/tokens/{token_id:int}/revoke"): REVOKE,
    ("DELETE", "/api/v1/tokens/{token_id:int}"): REVOKE,
    ("POST", "/contacts/views"): OWN_VIEW,
    ("POST", "/api/v1/saved-views"): OWN_VIEW,
    ("POST", "/contacts/views/{view_id}/delete"): VIEW_DELETE,
    ("DELETE", "/api/v1/saved-views/{view_id:int}"): VIEW_DELETE,
    ("POST", "/notifications/read"): OWN_NOTIFICATIONS,
    ("POST", "/contacts/bulk"): (
        "a bulk action changes each contact through the single edit's service "
        "(contact.edit or stage.change, with the ownership rule): a contact refused is "
        "listed with the reason while the others change, rather than a 403 for all "
        "(tests/contacts/test_list_page.py)"
    ),
    ("POST", "/settings/scoring/check"): "the rule builders' check as you go saves nothing",
    ("POST", "/sla/terms/check"): "the SLA terms builder's check as you go saves nothing",
    ("POST", "/api/v1/notifications/read"): OWN_NOTIFICATIONS,
    ("POST", "/unsubscribe/{token}"): "public: the signed link in the email is the check",
    ("POST", "/password/forgot"): "public: the same answer whether or not the account exists",
    ("POST", "/password/reset/{token}"): "public: the signed one-time link emailed is the check",
    (
        "POST",
        "/f/{form_key}",
    ): "public: a website's form, checked by its key, origin and spam rules",
}
