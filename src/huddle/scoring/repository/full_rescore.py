"""A full rescore's chunk: every model's columns in one statement built from the same
per-rule expressions as ``scores``, so incremental and full results cannot drift."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact, Touch
from huddle.core.models import UTCDateTime
from huddle.scoring.models import ContactScore, ScoreReset
from huddle.scoring.repository.condition_sql import Compiler, one_of
from huddle.scoring.repository.scores import (
    adjustment_sums,
    capped,
    touch_counts,
    touch_weight,
)
from huddle.scoring.repository.statements import (
    ModelSpec,
    Scope,
    built_statements,
    dialect_of,
    insert_for,
    unindexed,
)

# A full rescore scores every model at once: one scan of the chunk's touches computes every
# touch rule of every model (the same per-rule expressions as ``score_select``, so the
# figures are the ones incremental scoring gives), and one INSERT writes a row per contact
# and model (scoring model by model, as ``write_scores`` does, would read them once per model).


def write_all_scores(
    session: Session,
    specs: Sequence[ModelSpec],
    compiler: Compiler,
    scope: Scope,
    *,
    scan: bool = False,
) -> None:
    """Upsert every model's scores for ``scope`` in one INSERT ... SELECT ... ON CONFLICT.

    ``scan``: the scope holds a large share of the contacts, so read the touches in table
    order rather than by the contact index (touches of one contact lie all over the table:
    following the index costs a random page read per touch)."""
    if not specs:
        return
    dialect = compiler.dialect
    statement, builder = built_statements.get(
        ("all scores", dialect, tuple(spec.key for spec in specs), scope.kind, scan),
        lambda: _all_scores_upsert(
            session, specs, Compiler(dialect, compiler.as_of), scope, scan=scan
        ),
    )
    params = builder.params(compiler.as_of) | scope.params | {"computed_at": compiler.as_of}
    with bulk_settings(session, scan=scan):
        session.execute(statement, params)


def _all_scores_upsert(
    session: Session, specs: Sequence[ModelSpec], compiler: Compiler, scope: Scope, *, scan: bool
) -> tuple[Any, Compiler]:
    sums, labels = _all_touch_sums(specs, compiler, scope, scan=scan)
    query = select(Contact.id.label("contact_id")).select_from(Contact)
    query = query.outerjoin(Account, Account.id == Contact.account_id)
    if sums is not None:
        query = query.outerjoin(sums, sums.c.contact_id == Contact.id)
    totals = []
    for spec in specs:
        terms: list[ColumnElement[float]] = [
            case((compiler.condition(rule.when or {}), float(rule.points)), else_=0.0)
            for rule in spec.record_rules
        ]
        if sums is not None:
            terms += [
                capped(func.coalesce(sums.c[labels[(spec.id, rule.index)]], 0.0), rule)
                for rule in spec.touch_rules
            ]
        total: ColumnElement[float] = literal(0.0)
        for term in terms:
            total = total + term
        totals.append(total)
    if len(specs) == 1:
        model_id: ColumnElement[Any] = literal(specs[0].id)
        points = totals[0]
    else:
        models = union_all(
            *(select(literal(spec.id).label("model_id")) for spec in specs)
        ).subquery("models")
        query = query.join(models, true())
        model_id = models.c.model_id
        whens = [(model_id == spec.id, total) for spec, total in zip(specs, totals, strict=True)]
        points = case(*whens[:-1], else_=totals[-1])
    # What workflows gave or took, per contact and model (``scores.adjustment_sums``).
    adjusted = adjustment_sums(compiler, scope)
    query = query.outerjoin(
        adjusted, and_(adjusted.c.contact_id == Contact.id, adjusted.c.model_id == model_id)
    )
    points = points + func.coalesce(adjusted.c.points, 0.0)
    rows = query.add_columns(
        model_id.label("model_id"),
        points.label("points"),
        bindparam("computed_at", compiler.as_of, type_=UTCDateTime()),
    ).where(scope(Contact.id), _in_segments(specs, model_id, compiler))
    statement = insert_for(session)(ContactScore.__table__).from_select(
        ["contact_id", "model_id", "points", "computed_at"], rows
    )
    # Only rows whose total changed: a rescore after a small rule change rewrites few rows
    # (each rewritten row is a new row version and two index entries on PostgreSQL).
    # ``computed_at`` then stays when the total was found unchanged.
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "model_id"],
        set_={"points": statement.excluded.points, "computed_at": statement.excluded.computed_at},
        where=ContactScore.__table__.c.points.is_distinct_from(statement.excluded.points),
    )
    return statement, compiler


def _in_segments(
    specs: Sequence[ModelSpec], model_id: ColumnElement[Any], compiler: Compiler
) -> ColumnElement[bool]:
    """A row only for a contact in its model's segment (``drop_outside_segment`` removes
    the scores of those who left it)."""
    segmented = [spec for spec in specs if spec.segment is not None]
    if not segmented:
        return true()
    if len(specs) == 1:
        return compiler.condition(segmented[0].segment or {})
    whens = [(model_id == spec.id, compiler.condition(spec.segment or {})) for spec in segmented]
    return case(*whens, else_=true())


def _all_touch_sums(
    specs: Sequence[ModelSpec], compiler: Compiler, scope: Scope, *, scan: bool
) -> tuple[Any, dict[tuple[int, int], str]]:
    """Per contact, the sum of every touch rule of every model (label per model and rule)."""
    columns: list[ColumnElement[Any]] = []
    labels: dict[tuple[int, int], str] = {}
    types: set[str] = set()
    for spec in specs:
        for rule in spec.touch_rules:
            label = labels[(spec.id, rule.index)] = f"s{len(columns)}"
            types |= set((rule.event or {})["types"])
            weight = touch_weight(spec, rule, compiler)
            columns.append(
                func.sum(case((touch_counts(rule, compiler), weight), else_=0.0)).label(label)
            )
    if not columns:
        return None, labels
    # Scanning: the planner must not follow an index (SQLite's way to say so is a unary +
    # on the filtered columns; PostgreSQL gets its planner settings in ``bulk_settings``),
    # and the groups need a key with integer affinity for SQLite's automatic join index.
    column_for_scan = (
        unindexed if scan and compiler.dialect == "sqlite" else (lambda column: column)
    )
    contact = cast(Touch.contact_id, BigInteger) if scan else Touch.contact_id
    sums = (
        select(contact.label("contact_id"), *columns)
        # A recycled lead's behaviour points count from its reset (``touch_counts``).
        .outerjoin(ScoreReset, ScoreReset.contact_id == Touch.contact_id)
        .where(
            Touch.contact_id.is_not(None),
            scope(column_for_scan(Touch.contact_id)),
            one_of(column_for_scan(Touch.type), sorted(types)),
            column_for_scan(Touch.occurred_at) <= compiler.moment(),
        )
        .group_by(contact)
        .subquery("touch_sums")
    )
    return sums, labels


@contextmanager
def bulk_settings(session: Session, *, scan: bool = False) -> Iterator[None]:
    """PostgreSQL settings for one big rescore statement, back to what they were after it:
    enough memory to aggregate the touches of every contact in the chunk in one hash table,
    no JIT (compiling expressions of many rules costs more than it saves). Nothing to do on
    SQLite."""
    if dialect_of(session) != "postgresql":
        yield
        return
    # Not enable_indexscan/enable_bitmapscan = off: they would also reach the foreign-key
    # checks of every inserted row (a sequential scan of contacts each).
    wanted = {"work_mem": "256MB", "jit": "off"}
    before = {name: session.scalar(text(f"SHOW {name}")) for name in wanted}
    for name, value in wanted.items():
        session.execute(select(func.set_config(name, value, True)))
    try:
        yield
    finally:
        for name, value in before.items():
            session.execute(select(func.set_config(name, value, True)))
