from __future__ import annotations

import pytest

from huddle.core.actor import SYSTEM, Actor
from huddle.core.errors import NotPermitted
from huddle.core.permissions import PERMISSIONS, ROLES, Action, may, require


def test_every_role_has_an_entry() -> None:
    assert set(PERMISSIONS) == set(ROLES)


def test_admin_may_do_everything_and_product_only_reads() -> None:
    assert PERMISSIONS["admin"] == frozenset(Action)
    assert PERMISSIONS["product"] == {Action.CONTACT_READ, Action.ANALYTICS_READ}


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
