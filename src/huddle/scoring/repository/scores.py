"""Scores as SQL aggregates: one GROUP BY over touches per model, each rule a
``sum(CASE WHEN <its filters> THEN points * decay END)`` column, fit rules a CASE over
contacts and accounts; written with one INSERT ... SELECT ... ON CONFLICT. The same
statements serve one contact (a touch arrived) and a back-test (``as_of`` in the past)."""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    Table,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    inspect,
    literal,
    literal_column,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, Touch
from huddle.core.models import UTCDateTime
from huddle.core.rawsql import Fixed, IdList, in_ids
from huddle.scoring.models import ContactScore, ScoreAdjustment, ScoreReset
from huddle.scoring.repository.condition_sql import Compiler, one_of
from huddle.scoring.repository.statements import (
    LN2,
    ModelSpec,
    Scope,
    among,
    built_statements,
    dialect_of,
    insert_for,
    unindexed,
)
from huddle.scoring.rules import Rule


def _age_days(compiler: Compiler, occurred_at: Any) -> ColumnElement[Any]:
    if compiler.dialect == "postgresql":
        return func.extract("epoch", compiler.moment() - occurred_at) / 86400.0
    return func.julianday(compiler.as_of_text()) - func.julianday(occurred_at)


def touch_weight(spec: ModelSpec, rule: Rule, compiler: Compiler) -> ColumnElement[float]:
    """Points of one occurrence: halved every half-life for behaviour rules."""
    if not rule.decays or not spec.half_life_days:
        return literal(float(rule.points))
    rate = -LN2 / spec.half_life_days
    return rule.points * func.exp(rate * _age_days(compiler, Touch.occurred_at))


def capped(total: ColumnElement[float], rule: Rule) -> ColumnElement[float]:
    if rule.cap is None:
        return total
    if rule.points < 0:
        return case((total < -rule.cap, float(-rule.cap)), else_=total)
    return case((total > rule.cap, float(rule.cap)), else_=total)


def _type_filter(compiler: Compiler, scope: Scope) -> Any:
    """``touches.type`` for the WHERE. Scoring a few contacts (a batch of touches arrived)
    must walk the contacts' own touches by ``ix_touches_contact_id_occurred_at_type``; SQLite's
    planner otherwise picks the type index and reads every touch of the rules' types in
    the database, per batch. ``type || ''`` is not indexable, so the contact index wins."""
    if scope.kind == "among" and compiler.dialect == "sqlite":
        return Touch.type.op("||")(literal_column("''"))
    return Touch.type


def touch_counts(rule: Rule, compiler: Compiler) -> ColumnElement[bool]:
    """Whether a touch counts for ``rule``: its filters, and for behaviour rules only
    touches after the contact's score reset (a recycled lead starts again)."""
    matches = compiler.event(rule.event or {})
    if not rule.decays:
        return matches
    return and_(
        matches, or_(ScoreReset.reset_at.is_(None), Touch.occurred_at > ScoreReset.reset_at)
    )


def _touch_sums(spec: ModelSpec, compiler: Compiler, scope: Scope) -> Any:
    touch_rules = spec.touch_rules
    types = sorted({t for rule in touch_rules for t in (rule.event or {})["types"]})
    columns = [
        func.sum(
            case(
                (
                    touch_counts(rule, compiler),
                    touch_weight(spec, rule, compiler),
                ),
                else_=0.0,
            )
        ).label(f"r{rule.index}")
        for rule in touch_rules
    ]
    return (
        select(Touch.contact_id.label("contact_id"), *columns)
        .outerjoin(ScoreReset, ScoreReset.contact_id == Touch.contact_id)
        .where(
            Touch.contact_id.is_not(None),
            scope(Touch.contact_id),
            one_of(_type_filter(compiler, scope), types),
            Touch.occurred_at <= compiler.moment(),
        )
        .group_by(Touch.contact_id)
        .subquery("touch_sums")
    )


def adjustment_sums(compiler: Compiler, scope: Scope, model_id: int | None = None) -> Any:
    """Per contact and model, the points of its adjustments made by ``compiler.as_of``
    (``ScoreAdjustment``): what a workflow gave or took, added to the rules' total."""
    query = select(
        ScoreAdjustment.contact_id,
        ScoreAdjustment.model_id,
        func.sum(ScoreAdjustment.points).label("points"),
    ).where(scope(ScoreAdjustment.contact_id), ScoreAdjustment.at <= compiler.moment())
    if model_id is not None:
        query = query.where(ScoreAdjustment.model_id == model_id)
    return query.group_by(ScoreAdjustment.contact_id, ScoreAdjustment.model_id).subquery(
        "adjustments"
    )


def score_select(spec: ModelSpec, compiler: Compiler, scope: Scope) -> Select[Any]:
    """(contact id, points) for every contact in ``scope`` under ``spec`` as of
    ``compiler.as_of``: one statement, whatever the number of contacts."""
    terms: list[ColumnElement[float]] = [
        case((compiler.condition(rule.when or {}), float(rule.points)), else_=0.0)
        for rule in spec.record_rules
    ]
    query = select(Contact.id.label("contact_id")).select_from(Contact)
    query = query.outerjoin(Account, Account.id == Contact.account_id)
    adjusted = adjustment_sums(compiler, scope, spec.id)
    query = query.outerjoin(adjusted, adjusted.c.contact_id == Contact.id)
    terms.append(func.coalesce(adjusted.c.points, 0.0))
    if spec.touch_rules:
        sums = _touch_sums(spec, compiler, scope)
        query = query.outerjoin(sums, sums.c.contact_id == Contact.id)
        terms += [
            capped(func.coalesce(sums.c[f"r{rule.index}"], 0.0), rule) for rule in spec.touch_rules
        ]
    total: ColumnElement[float] = literal(0.0)
    for term in terms:
        total = total + term
    query = query.add_columns(total.label("points")).where(scope(Contact.id))
    return query if spec.segment is None else query.where(compiler.condition(spec.segment))


def drop_outside_segment(
    session: Session, spec: ModelSpec, compiler: Compiler, scope: Scope
) -> None:
    """The model's scores of contacts in ``scope`` outside its segment go: a contact who
    left the segment has no score from the model any more."""
    if spec.segment is None:
        return
    inside = case((compiler.condition(spec.segment), 1), else_=0)
    outside = (
        select(Contact.id)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(scope(Contact.id), inside == 0)
    )
    session.execute(
        delete(ContactScore).where(
            ContactScore.model_id == spec.id, ContactScore.contact_id.in_(outside)
        ),
        execution_options={"synchronize_session": False},
    )


def zero_unscored(session: Session, model_id: int, scope: Scope) -> None:
    """``contacts.score`` := 0 for contacts in ``scope`` the primary model gives no score
    (outside its segment): the list must not keep a score the model took back."""
    scored = select(ContactScore.contact_id).where(
        ContactScore.model_id == model_id, ContactScore.contact_id == Contact.id
    )
    session.execute(
        update(Contact)
        .where(scope(Contact.id), Contact.score != 0, ~scored.exists())
        .values(score=0, updated_at=Contact.updated_at)
        .execution_options(synchronize_session=False)
    )
    forget_copied_scores(session, scope)


def write_scores(session: Session, spec: ModelSpec, compiler: Compiler, scope: Scope) -> None:
    """Upsert the scores of ``scope`` in one INSERT ... SELECT ... ON CONFLICT (the
    statement is built once per model version and scope kind, then re-bound)."""
    dialect = compiler.dialect
    statement, builder = built_statements.get(
        ("scores", dialect, spec.key, scope.kind),
        lambda: score_upsert(session, spec, Compiler(dialect, compiler.as_of), scope),
    )
    params = builder.params(compiler.as_of) | scope.params | {"computed_at": compiler.as_of}
    session.execute(statement, params)
    drop_outside_segment(session, spec, compiler, scope)


def score_upsert(
    session: Session, spec: ModelSpec, compiler: Compiler, scope: Scope
) -> tuple[Any, Compiler]:
    scores = score_select(spec, compiler, scope).subquery("scores")
    rows = select(
        scores.c.contact_id,
        literal(spec.id).label("model_id"),
        scores.c.points,
        bindparam("computed_at", compiler.as_of, type_=UTCDateTime()),
    ).where(true())  # SQLite needs a WHERE before ON CONFLICT after INSERT ... SELECT
    statement = insert_for(session)(ContactScore.__table__).from_select(
        ["contact_id", "model_id", "points", "computed_at"], rows
    )
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "model_id"],
        set_={"points": statement.excluded.points, "computed_at": statement.excluded.computed_at},
    )
    return statement, compiler


def copy_primary(session: Session, model_id: int, scope: Scope, *, segmented: bool) -> None:
    """``contacts.score`` := the primary model's total, rounded. One UPDATE ... FROM
    contact_scores (every contact in scope has a row by now, but those outside a
    ``segmented`` model's segment, who get 0)."""
    new = cast(func.round(ContactScore.points), Integer)
    # SQLite would read the model's every score by the (model_id, points) index, once per
    # chunk of a full rescore (quadratic): it must go by the contacts in scope instead.
    model = unindexed(ContactScore.model_id) if dialect_of(session) == "sqlite" else None
    statement = update(Contact).where(
        scope(Contact.id),
        ContactScore.contact_id == Contact.id,
        (ContactScore.model_id if model is None else model) == model_id,
    )
    session.execute(
        statement.where(Contact.score != new)
        # A rescore is not an edit of the contact: keep its updated_at.
        .values(score=new, updated_at=Contact.updated_at)
        .execution_options(synchronize_session=False)
    )
    if segmented:
        zero_unscored(session, model_id, scope)
    forget_copied_scores(session, scope)


def forget_copied_scores(session: Session, scope: Scope) -> None:
    """The primary copy went around the ORM: a contact this session has loaded reads its
    score again when next used (an edit answers with the score it led to). By identity:
    reading ``id`` of an expired contact would load it."""
    if not len(session.identity_map):
        return
    covers = scope.covers()
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Contact):
            identity = inspect(loaded).identity
            if identity is not None and covers(identity[0]):
                session.expire(loaded, ["score"])


def stored_scores(session: Session, contact_id: int) -> dict[int, ContactScore]:
    rows = session.scalars(select(ContactScore).where(ContactScore.contact_id == contact_id))
    return {row.model_id: row for row in rows}


def values_among(session: Session, model_id: int, contact_ids: Sequence[int]) -> dict[int, float]:
    """The stored points of these contacts in one model."""
    query = select(ContactScore.contact_id, ContactScore.points).where(
        ContactScore.model_id == model_id, ContactScore.contact_id.in_(list(contact_ids))
    )
    return {row.contact_id: row.points for row in session.execute(query)}


def upsert_values(
    session: Session, model_id: int, values: Mapping[int, float], at: datetime
) -> None:
    """Given values for one model (a trained model's predictions), one row per contact."""
    rows = [
        {"contact_id": contact_id, "model_id": model_id, "points": points, "computed_at": at}
        for contact_id, points in values.items()
    ]
    statement = insert_for(session)(ContactScore.__table__)
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "model_id"],
        set_={"points": statement.excluded.points, "computed_at": statement.excluded.computed_at},
    )
    session.execute(statement, rows)


def drop_model_scores(session: Session, model_id: int) -> None:
    session.execute(delete(ContactScore).where(ContactScore.model_id == model_id))


# The incremental path (touches arrived): statements compiled once to their SQL text and run
# through the driver (``Prepared``), for each batch of touches down to a single page view.
_contacts = typing.cast(Table, Contact.__table__)
_scores = typing.cast(Table, ContactScore.__table__)
_PRIMARY_COPY = Fixed(
    update(_contacts)
    .where(
        in_ids(_contacts.c.id, bindparam("scope_ids", type_=IdList())),
        _scores.c.contact_id == _contacts.c.id,
        _scores.c.model_id == bindparam("model_id", type_=BigInteger()),
        _contacts.c.score != cast(func.round(_scores.c.points), Integer),
    )
    # A rescore is not an edit of the contact: keep its updated_at.
    .values(score=cast(func.round(_scores.c.points), Integer), updated_at=_contacts.c.updated_at)
)


def copy_primary_among(session: Session, model_id: int, contact_ids: Sequence[int]) -> None:
    """``copy_primary`` for a list of contacts, compiled once."""
    values = {"scope_ids": list(contact_ids), "model_id": model_id}
    _PRIMARY_COPY.run(session, values)
    forget_copied_scores(session, among(contact_ids))


def write_scores_among(
    session: Session, spec: ModelSpec, compiler: Compiler, contact_ids: Sequence[int]
) -> None:
    """``write_scores`` for a list of contacts: the same statement, compiled once per model
    version and run through the driver."""
    scope = among(contact_ids)
    prepared, builder = built_statements.prepared(
        session,
        (compiler.dialect, "scores", spec.key, scope.kind),
        lambda: score_upsert(session, spec, Compiler(compiler.dialect, compiler.as_of), scope),
    )
    params = builder.params(compiler.as_of) | scope.params | {"computed_at": compiler.as_of}
    prepared.run(session, params)


def score_reset(session: Session, contact_id: int) -> ScoreReset | None:
    return session.get(ScoreReset, contact_id)


def adjustments_of(session: Session, contact_id: int, at: datetime) -> list[ScoreAdjustment]:
    """The contact's adjustments made by ``at``, newest first."""
    query = (
        select(ScoreAdjustment)
        .where(ScoreAdjustment.contact_id == contact_id, ScoreAdjustment.at <= at)
        .order_by(ScoreAdjustment.at.desc(), ScoreAdjustment.id.desc())
    )
    return list(session.scalars(query))


def add_adjustment(session: Session, adjustment: ScoreAdjustment) -> bool:
    """Store the adjustment; False when one with its key is stored already (nothing more
    is added: a step run again adds its points once)."""
    found = session.scalar(select(ScoreAdjustment.id).where(ScoreAdjustment.key == adjustment.key))
    if found is not None:
        return False
    session.add(adjustment)
    session.flush()
    return True


def set_score_reset(session: Session, contact_id: int, at: datetime, reason: str) -> None:
    found = session.get(ScoreReset, contact_id)
    if found is None:
        session.add(ScoreReset(contact_id=contact_id, reset_at=at, reason=reason))
    else:
        found.reset_at, found.reason = at, reason
    session.flush()


def scores_at(
    session: Session, spec: ModelSpec, moments: Mapping[datetime, Sequence[int]]
) -> dict[int, float]:
    """Each contact's points under ``spec`` as of its moment (a back-test's leads, each as
    of its cut-off): one statement per moment. Contacts outside the segment get none."""
    dialect = dialect_of(session)
    out: dict[int, float] = {}
    for at, contact_ids in moments.items():
        query = score_select(spec, Compiler(dialect, at), among(contact_ids))
        out |= {int(row[0]): float(row[1]) for row in session.execute(query)}
    return out


def move_adjustments(session: Session, *, merged_id: int, survivor_id: int) -> None:
    """A merged contact's adjustments become the survivor's (the merge deletes its row, and
    with it, by cascade, whatever still points at it)."""
    session.execute(
        update(ScoreAdjustment)
        .where(ScoreAdjustment.contact_id == merged_id)
        .values(contact_id=survivor_id)
    )
