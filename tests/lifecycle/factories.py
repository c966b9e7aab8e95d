"""Small typed factories for the lifecycle domain's tests.

Like the contacts factories they write rows directly: no rules run, no events, no stage moves.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from huddle.lifecycle.models import Opportunity, OpportunityContact, StageTransition
from tests.contacts.factories import make_account

_sequence = itertools.count(1)


def make_opportunity(session: Session, **overrides: Any) -> Opportunity:
    """An open deal in "qualification" on a new account unless ``account``/``account_id`` given.

    ``contacts={contact_id: role}`` adds contact roles.
    """
    roles: dict[int, str] = overrides.pop("contacts", {})
    account = overrides.pop("account", None)
    if account is None and "account_id" not in overrides:
        account = make_account(session)
    values: dict[str, Any] = {
        "name": f"Deal {next(_sequence)}",
        "amount": 1000.0,
        "pipeline_stage": "qualification",
        "status": "open",
    }
    if account is not None:
        values["account_id"] = account.id
    values.update(overrides)
    opportunity = Opportunity(**values)
    session.add(opportunity)
    session.flush()
    for contact_id, role in roles.items():
        session.add(
            OpportunityContact(opportunity_id=opportunity.id, contact_id=contact_id, role=role)
        )
    session.flush()
    return opportunity


def make_transition(session: Session, **overrides: Any) -> StageTransition:
    """A history row; ``contact_id`` and ``to_stage`` are required."""
    transition = StageTransition(**overrides)
    session.add(transition)
    session.flush()
    return transition
