from __future__ import annotations

import pytest

from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted
from huddle.core.permissions import (
    OWN_RECORDS_ONLY,
    OWNED_ACTIONS,
    PERMISSIONS,
    ROLES,
    Action,
    may,
    require,
    require_owned,
)


def test_every_role_has_an_entry() -> None:
    assert set(PERMISSIONS) == set(ROLES)


def test_admin_may_do_everything_and_product_reads_and_keeps_its_feature_list() -> None:
    assert PERMISSIONS["admin"] == frozenset(Action)
    assert PERMISSIONS["product"] == {
        Action.CONTACT_READ,
        Action.ANALYTICS_READ,
        Action.PRODUCT_MANAGE,
    }


def test_only_marketing_ops_and_admin_edit_scoring_rules() -> None:
    editors = {role for role, actions in PERMISSIONS.items() if Action.SCORING_EDIT in actions}
    assert editors == {"admin", "marketing_ops"}


def test_a_user_without_the_permission_is_refused_with_the_action_named() -> None:
    with pytest.raises(NotPermitted) as refused:
        require(Actor.user(7, role="sales_rep"), Action.PERSONAL_DATA_ERASE)
    assert Action.PERSONAL_DATA_ERASE.value in str(refused.value)


def test_a_user_without_a_role_may_do_nothing_and_rules_act_for_huddle() -> None:
    assert not may(Actor.user(7), Action.CONTACT_READ)
    assert may(SYSTEM, Action.PERSONAL_DATA_ERASE)


# What Huddle promises its buyers, written out role by role on purpose: the permission
# matrix derives its expectations from the table, so a wrong change to the table would pass
# there; here it fails.
RECORD_WORK = {
    "admin",
    "marketing",
    "marketing_ops",
    "sales_rep",
    "sales_manager",
    "customer_success",
}
PROMISES = {
    Action.CONTACT_READ: set(ROLES),
    Action.CONTACT_READ_PERSONAL: set(ROLES) - {"product"},
    Action.CONTACT_CREATE: RECORD_WORK,
    Action.CONTACT_EDIT: RECORD_WORK,
    Action.STAGE_CHANGE: RECORD_WORK,
    Action.NOTE_WRITE: RECORD_WORK,
    Action.TOUCH_WRITE: RECORD_WORK,
    Action.ACCOUNT_EDIT: RECORD_WORK,
    Action.CONSENT_EDIT: RECORD_WORK | {"compliance"},
    Action.CONSENT_READ: {"admin", "marketing", "marketing_ops", "compliance"},
    Action.LEAD_REJECT: {"admin", "sales_rep", "sales_manager"},
    Action.CONTACT_IMPORT: {"admin", "marketing", "marketing_ops"},
    Action.CONTACT_MERGE: {"admin", "marketing", "marketing_ops", "sales_manager"},
    Action.CONTACT_EXPORT: {"admin", "marketing", "marketing_ops", "sales_manager"},
    Action.FIELDS_CONFIGURE: {"admin", "marketing_ops", "sales_manager"},
    Action.LIFECYCLE_CONFIGURE: {"admin", "marketing_ops", "sales_manager"},
    Action.DEAL_EDIT: {"admin", "sales_rep", "sales_manager", "customer_success"},
    Action.DEAL_DELETE: {"admin", "sales_manager"},
    Action.PERSONAL_DATA_EXPORT: {"admin", "compliance"},
    Action.PERSONAL_DATA_ERASE: {"admin", "compliance"},
    Action.AUDIT_READ: {"admin", "compliance"},
    Action.USER_MANAGE: {"admin"},
    Action.WEBHOOK_MANAGE: {"admin"},
}


@pytest.mark.parametrize("action", list(PROMISES), ids=str)
def test_the_table_keeps_what_huddle_promises(action: Action) -> None:
    holders = {role for role in ROLES if action in PERMISSIONS[role]}
    assert holders == PROMISES[action]


def test_only_sales_reps_are_limited_to_their_own_book_in_every_change_of_a_record() -> None:
    assert {"sales_rep"} == OWN_RECORDS_ONLY
    changes_of_a_record = {
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
    assert changes_of_a_record == OWNED_ACTIONS


def test_a_rep_changes_own_and_unassigned_records_and_gives_them_only_to_themself() -> None:
    rep = Actor.user(7, role="sales_rep")
    require_owned(rep, Action.ACCOUNT_EDIT, None, 7)  # claiming an unassigned account
    for owners in ((8,), (7, 8), (None, 8)):
        with pytest.raises(NotPermitted):
            require_owned(rep, Action.ACCOUNT_EDIT, *owners)
    require_owned(Actor.user(9, role="sales_manager"), Action.ACCOUNT_EDIT, 8, 7)


def test_the_ownership_rule_is_asked_only_for_actions_the_table_marks_owned() -> None:
    with pytest.raises(ValueError, match="not an action on owned records"):
        require_owned(SYSTEM, Action.CONTACT_EXPORT, None)
