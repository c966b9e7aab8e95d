"""Why a contact has its score: which rules it meets and which touches counted."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, Touch
from huddle.scoring.models import ScoreReset
from huddle.scoring.repository.condition_sql import Compiler, one_of
from huddle.scoring.repository.scores import touch_counts
from huddle.scoring.repository.statements import LN2
from huddle.scoring.rules import Rule


@dataclass(frozen=True)
class Occurrence:
    touch_id: int
    type: str
    occurred_at: datetime


def record_rules_met(
    session: Session, rules: list[Rule], compiler: Compiler, contact_id: int
) -> dict[int, bool]:
    met = conditions_met(session, [rule.when or {} for rule in rules], compiler, contact_id)
    return {rule.index: yes for rule, yes in zip(rules, met, strict=True)}


def conditions_met(
    session: Session, conditions: list[dict[str, Any]], compiler: Compiler, contact_id: int
) -> list[bool]:
    """Which of ``conditions`` one contact meets, in one query."""
    if not conditions:
        return []
    columns = [
        case((compiler.condition(condition), 1), else_=0).label(f"c{i}")
        for i, condition in enumerate(conditions)
    ]
    row = session.execute(
        select(*columns)
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.id == contact_id)
    ).one()
    return [bool(value) for value in row]


def touch_rule_occurrences(
    session: Session, rules: list[Rule], compiler: Compiler, contact_id: int
) -> dict[int, list[Occurrence]]:
    """For each touch rule, the contact's touches it counts, newest first (one query)."""
    found: dict[int, list[Occurrence]] = {rule.index: [] for rule in rules}
    if not rules:
        return found
    columns = [
        case((touch_counts(rule, compiler), 1), else_=0).label(f"r{rule.index}") for rule in rules
    ]
    types = sorted({t for rule in rules for t in (rule.event or {})["types"]})
    query = (
        select(Touch.id, Touch.type, Touch.occurred_at, *columns)
        .outerjoin(ScoreReset, ScoreReset.contact_id == Touch.contact_id)
        .where(
            Touch.contact_id == contact_id,
            one_of(Touch.type, types),
            Touch.occurred_at <= compiler.moment(),
        )
        .order_by(Touch.occurred_at.desc(), Touch.id.desc())
    )
    for touch_id, kind, at, *flags in session.execute(query):
        for rule, flag in zip(rules, flags, strict=True):
            if flag:
                found[rule.index].append(Occurrence(touch_id, kind, at))
    return found


def decayed(points: int, age_days: float, half_life_days: int | None) -> float:
    """The Python twin of ``touch_weight`` for the breakdown shown to people."""
    if not half_life_days:
        return float(points)
    return points * math.exp(-LN2 / half_life_days * age_days)
