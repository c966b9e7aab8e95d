"""Contacts that meet criteria and may move to its stage."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, select
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.lifecycle.models import AllowedTransition, StageTransition
from huddle.scoring.models import ContactGrade, ContactScore
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.definitions import Criteria
from huddle.scoring.repository.scores import score_select
from huddle.scoring.repository.statements import (
    ModelSpec,
    Scope,
    built_statements,
    dialect_of,
    everyone,
)


def stored_score_column(model_id: int) -> ColumnElement[float]:
    return func.coalesce(
        select(ContactScore.points)
        .where(ContactScore.contact_id == Contact.id, ContactScore.model_id == model_id)
        .scalar_subquery(),
        0.0,
    )


def qualifying_contacts(
    session: Session,
    criteria: Criteria,
    compiler: Compiler,
    scope: Scope,
) -> list[int]:
    """Contacts in ``scope`` that meet ``criteria`` and may move to its stage (from a stage
    with an allowed transition to it, read in the same statement). Built once per
    condition and scope kind, like the scores, and run on the connection (flush first)."""

    def build() -> tuple[Any, Compiler]:
        may_move = select(AllowedTransition.from_stage).where(
            AllowedTransition.to_stage == criteria.stage
        )
        query = (
            select(Contact.id)
            .select_from(Contact)
            .outerjoin(Account, Account.id == Contact.account_id)
            .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
            .where(scope(Contact.id), Contact.lifecycle_stage.in_(may_move))
            .where(compiler.condition(criteria.condition))
            .order_by(Contact.id)
        )
        return query, compiler

    condition = json.dumps(criteria.condition, sort_keys=True)
    key = (compiler.dialect, "qualify", criteria.stage, condition, scope.kind)
    query, builder = built_statements.prepared(session, key, build)
    params = builder.params(compiler.as_of) | scope.params
    return [row[0] for row in query.run(session, params)]


def qualifying_as_of(
    session: Session,
    specs: dict[int, ModelSpec],
    condition: dict[str, Any],
    at: datetime,
) -> list[int]:
    """Contacts that existed at ``at`` and met ``condition`` with their scores as of ``at``
    (a back-test's checkpoint). ``specs``: the models the condition names, by id."""
    dialect = dialect_of(session)
    sums = {
        model_id: score_select(specs[model_id], Compiler(dialect, at), everyone).subquery(f"s{i}")
        for i, model_id in enumerate(sorted(specs))
    }
    compiler = Compiler(
        dialect,
        at,
        score=lambda model_id: sums[model_id].c.points if model_id in sums else 0.0,  # type: ignore[return-value,arg-type]
        grade=ContactGrade.grade,
    )
    query = (
        select(Contact.id)
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
    )
    for sub in sums.values():
        query = query.outerjoin(sub, sub.c.contact_id == Contact.id)
    query = query.where(Contact.created_at <= at, compiler.condition(condition))
    return list(session.scalars(query))


# Stages a contact has "converted" at, for the back-test's score distribution.
CONVERTED_STAGES = ("sql", "opportunity", "customer")


def score_distribution(
    session: Session, model_id: int, bucket: int, top: int
) -> list[tuple[int, bool, int]]:
    """(bucket index, converted, contacts) of the model's stored scores, in buckets of
    ``bucket`` points (negative scores in the first, ``top`` and above in the last);
    converted: the contact ever reached SQL or beyond."""
    converted = (
        select(StageTransition.id)
        .where(
            StageTransition.contact_id == Contact.id,
            StageTransition.to_stage.in_(CONVERTED_STAGES),
        )
        .exists()
    )
    points = func.coalesce(ContactScore.points, 0.0)
    index = case(
        (points < 0, 0),
        (points >= top, top // bucket),
        else_=cast(func.floor(points / bucket), Integer),
    ).label("bucket")
    query = (
        select(index, converted.label("converted"), func.count())
        .select_from(Contact)
        .outerjoin(
            ContactScore,
            (ContactScore.contact_id == Contact.id) & (ContactScore.model_id == model_id),
        )
        .group_by(index, converted)
    )
    return [(int(row[0]), bool(row[1]), int(row[2])) for row in session.execute(query)]


def contact_names(session: Session, ids: list[int]) -> dict[int, str]:
    """A person's name for each contact (never their email), for the back-test's list."""
    rows = session.execute(
        select(Contact.id, Contact.first_name, Contact.last_name).where(Contact.id.in_(ids))
    )
    return {
        row[0]: " ".join(part for part in (row[1], row[2]) if part) or f"Contact {row[0]}"
        for row in rows
    }
