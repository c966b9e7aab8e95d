"""Small factories for the feedback tests: features and feedback items written directly."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from huddle.feedback.models import FeedbackItem, ProductFeature
from huddle.lifecycle.models import Opportunity

_sequence = itertools.count(1)


def make_feature(session: Session, **overrides: Any) -> ProductFeature:
    values: dict[str, Any] = {"name": f"Feature {next(_sequence)}", "description": ""}
    values.update(overrides)
    feature = ProductFeature(**values)
    session.add(feature)
    session.flush()
    return feature


def make_item(session: Session, **overrides: Any) -> FeedbackItem:
    """An objection; ``deal=`` puts it on a deal (and its account)."""
    deal: Opportunity | None = overrides.pop("deal", None)
    values: dict[str, Any] = {"kind": "objection", "quote": ""}
    if deal is not None:
        values |= {"opportunity_id": deal.id, "account_id": deal.account_id}
    values.update(overrides)
    item = FeedbackItem(**values)
    session.add(item)
    session.flush()
    return item
