"""Scoring's queries. Scores are SQL aggregates: one GROUP BY over touches per model, each
rule a ``sum(CASE WHEN <its filters> THEN points * decay END)`` column, fit rules a CASE
over contacts and accounts; written with one INSERT ... SELECT ... ON CONFLICT. The same
statements serve one contact (a touch arrived) and a back-test (``as_of`` in the past); a
chunk of a full rescore puts every model's columns in one statement (``write_all_scores``)
built from the same per-rule expressions, so incremental and full results cannot drift."""

from __future__ import annotations

import json
import math
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    Table,
    Text,
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
    text,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from huddle.contacts.models import Account, Contact, Touch
from huddle.core.models import UTCDateTime
from huddle.core.rawsql import Fixed, IdList, Prepared, in_ids
from huddle.lifecycle.models import AllowedTransition
from huddle.scoring.conditions import Compiler, one_of
from huddle.scoring.models import (
    ContactGrade,
    ContactScore,
    GradingProfile,
    QualificationCriteria,
    RescoreRun,
    ScoreModel,
    ScoreReset,
    ScoringVersion,
)
from huddle.scoring.rules import Rule, parse_rules

LN2 = math.log(2)
_CACHE_SIZE = 256


@dataclass(frozen=True)
class Scope:
    """Which contacts a statement covers: everyone, some ids, or an id range. Its values
    are named bound parameters, so a cached statement runs for another set of contacts."""

    kind: str  # "all", "among", "range"
    values: tuple[Any, ...] = ()

    def __call__(self, column: Any) -> ColumnElement[bool]:
        if self.kind == "among":
            return in_ids(column, bindparam("scope_ids", list(self.values), type_=IdList()))
        if self.kind == "range":
            low, high = self.values
            return column.between(bindparam("scope_low", low), bindparam("scope_high", high))
        return true()

    def covers(self) -> Callable[[int], bool]:
        """Whether a contact id is in scope, as a test built once for many ids."""
        if self.kind == "among":
            return frozenset(self.values).__contains__
        if self.kind == "range":
            low, high = self.values
            return lambda contact_id: low <= contact_id <= high
        return lambda _contact_id: True

    @property
    def params(self) -> dict[str, Any]:
        if self.kind == "among":
            return {"scope_ids": list(self.values)}
        if self.kind == "range":
            return {"scope_low": self.values[0], "scope_high": self.values[1]}
        return {}


everyone = Scope("all")


def among(contact_ids: Sequence[int]) -> Scope:
    return Scope("among", tuple(contact_ids))


def id_range(low: int, high: int) -> Scope:
    return Scope("range", (low, high))


class StatementCache:
    """Built statements by what they were built from (dialect, definition, scope kind),
    with the compiler that built them (it knows the moments to re-bind)."""

    def __init__(self) -> None:
        self._built: dict[tuple[Any, ...], tuple[Any, Compiler]] = {}

    def get(
        self, key: tuple[Any, ...], build: Callable[[], tuple[Any, Compiler]]
    ) -> tuple[Any, Compiler]:
        found = self._built.get(key)
        if found is None:
            if len(self._built) >= _CACHE_SIZE:
                self._built.clear()
            found = self._built[key] = build()
        return found

    def prepared(
        self, session: Session, key: tuple[Any, ...], build: Callable[[], tuple[Any, Compiler]]
    ) -> tuple[Prepared, Compiler]:
        """The statement compiled once to its SQL text, run through the driver (the hot
        path: a touch arrived). ``key`` names the dialect, like every key here."""

        def compile_() -> tuple[Any, Compiler]:
            statement, compiler = build()
            return Prepared(statement, session.get_bind().dialect), compiler

        prepared, compiler = self.get(("prepared", *key), compile_)
        return typing.cast(Prepared, prepared), compiler


_statements = StatementCache()


@dataclass(frozen=True)
class ModelSpec:
    id: int
    name: str
    rules: list[Rule]
    half_life_days: int | None

    @classmethod
    def of(cls, model: ScoreModel) -> ModelSpec:
        return cls(model.id, model.name, parse_rules(model.rules), model.half_life_days)

    @cached_property
    def key(self) -> tuple[Any, ...]:
        """What a built statement depends on (ids are reused after a rollback in tests)."""
        return (
            self.id,
            self.half_life_days,
            json.dumps([r.source for r in self.rules], sort_keys=True),
        )

    @property
    def touch_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.on_touches]

    @cached_property
    def touch_types(self) -> frozenset[str]:
        """Every type a touch rule of this model counts."""
        return frozenset(t for rule in self.touch_rules for t in (rule.event or {})["types"])

    def reacts_to(self, touch_types: set[str]) -> bool:
        return not self.touch_types.isdisjoint(touch_types)

    @property
    def record_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if not rule.on_touches]


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


# --- definitions -----------------------------------------------------------------------------


def list_models(session: Session) -> list[ScoreModel]:
    return list(session.scalars(select(ScoreModel).order_by(ScoreModel.id)))


def model_by_name(session: Session, name: str) -> ScoreModel | None:
    return session.scalars(select(ScoreModel).where(ScoreModel.name == name)).first()


def clear_primary(session: Session, except_id: int) -> None:
    session.execute(update(ScoreModel).where(ScoreModel.id != except_id).values(is_primary=False))


def list_profiles(session: Session) -> list[GradingProfile]:
    return list(
        session.scalars(select(GradingProfile).order_by(GradingProfile.kind, GradingProfile.id))
    )


def profile_by_name(session: Session, kind: str, name: str) -> GradingProfile | None:
    return session.scalars(
        select(GradingProfile).where(GradingProfile.kind == kind, GradingProfile.name == name)
    ).first()


def criteria_for(session: Session, stage: str) -> QualificationCriteria | None:
    return session.scalars(
        select(QualificationCriteria).where(QualificationCriteria.stage == stage)
    ).first()


def add_version(
    session: Session,
    entity: str,
    entity_id: int,
    version: int,
    definition: dict[str, Any],
    by: int | None,
) -> None:
    session.add(
        ScoringVersion(
            entity=entity,
            entity_id=entity_id,
            version=version,
            definition=definition,
            by_user_id=by,
        )
    )


def versions(session: Session, entity: str, entity_id: int) -> list[ScoringVersion]:
    return list(
        session.scalars(
            select(ScoringVersion)
            .where(ScoringVersion.entity == entity, ScoringVersion.entity_id == entity_id)
            .order_by(ScoringVersion.version.desc())
        )
    )


# --- scores ----------------------------------------------------------------------------------


def _age_days(compiler: Compiler, occurred_at: Any) -> ColumnElement[Any]:
    if compiler.dialect == "postgresql":
        return func.extract("epoch", compiler.moment() - occurred_at) / 86400.0
    return func.julianday(compiler.as_of_text()) - func.julianday(occurred_at)


def _weight(spec: ModelSpec, rule: Rule, compiler: Compiler) -> ColumnElement[float]:
    """Points of one occurrence: halved every half-life for behaviour rules."""
    if not rule.decays or not spec.half_life_days:
        return literal(float(rule.points))
    rate = -LN2 / spec.half_life_days
    return rule.points * func.exp(rate * _age_days(compiler, Touch.occurred_at))


def _capped_sql(total: ColumnElement[float], rule: Rule) -> ColumnElement[float]:
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


def _counts(rule: Rule, compiler: Compiler) -> ColumnElement[bool]:
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
                    _counts(rule, compiler),
                    _weight(spec, rule, compiler),
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


def score_select(spec: ModelSpec, compiler: Compiler, scope: Scope) -> Select[Any]:
    """(contact id, points) for every contact in ``scope`` under ``spec`` as of
    ``compiler.as_of``: one statement, whatever the number of contacts."""
    terms: list[ColumnElement[float]] = [
        case((compiler.condition(rule.when or {}), float(rule.points)), else_=0.0)
        for rule in spec.record_rules
    ]
    query = select(Contact.id.label("contact_id")).select_from(Contact)
    query = query.outerjoin(Account, Account.id == Contact.account_id)
    if spec.touch_rules:
        sums = _touch_sums(spec, compiler, scope)
        query = query.outerjoin(sums, sums.c.contact_id == Contact.id)
        terms += [
            _capped_sql(func.coalesce(sums.c[f"r{rule.index}"], 0.0), rule)
            for rule in spec.touch_rules
        ]
    total: ColumnElement[float] = literal(0.0)
    for term in terms:
        total = total + term
    return query.add_columns(total.label("points")).where(scope(Contact.id))


def _insert(session: Session) -> Any:
    return (postgresql if dialect_of(session) == "postgresql" else sqlite).insert


def write_scores(session: Session, spec: ModelSpec, compiler: Compiler, scope: Scope) -> None:
    """Upsert the scores of ``scope`` in one INSERT ... SELECT ... ON CONFLICT (the
    statement is built once per model version and scope kind, then re-bound)."""
    dialect = compiler.dialect
    statement, builder = _statements.get(
        ("scores", dialect, spec.key, scope.kind),
        lambda: _score_upsert(session, spec, Compiler(dialect, compiler.as_of), scope),
    )
    params = builder.params(compiler.as_of) | scope.params | {"computed_at": compiler.as_of}
    session.execute(statement, params)


def _score_upsert(
    session: Session, spec: ModelSpec, compiler: Compiler, scope: Scope
) -> tuple[Any, Compiler]:
    scores = score_select(spec, compiler, scope).subquery("scores")
    rows = select(
        scores.c.contact_id,
        literal(spec.id).label("model_id"),
        scores.c.points,
        bindparam("computed_at", compiler.as_of, type_=UTCDateTime()),
    ).where(true())  # SQLite needs a WHERE before ON CONFLICT after INSERT ... SELECT
    statement = _insert(session)(ContactScore.__table__).from_select(
        ["contact_id", "model_id", "points", "computed_at"], rows
    )
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "model_id"],
        set_={"points": statement.excluded.points, "computed_at": statement.excluded.computed_at},
    )
    return statement, compiler


def copy_primary(session: Session, model_id: int, scope: Scope) -> None:
    """``contacts.score`` := the primary model's total, rounded.
    One UPDATE ... FROM contact_scores (every contact in scope has a row by now)."""
    new = cast(func.round(ContactScore.points), Integer)
    # SQLite would read the model's every score by the (model_id, points) index, once per
    # chunk of a full rescore (quadratic): it must go by the contacts in scope instead.
    model = _unindexed(ContactScore.model_id) if dialect_of(session) == "sqlite" else None
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
    _forget_copied_scores(session, scope)


def _forget_copied_scores(session: Session, scope: Scope) -> None:
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


def drop_model_scores(session: Session, model_id: int) -> None:
    session.execute(delete(ContactScore).where(ContactScore.model_id == model_id))


def forget_persona(session: Session, persona_id: int) -> None:
    """Grades that named this persona name none until they are recomputed (grades this
    session has loaded too)."""
    session.execute(
        update(ContactGrade).where(ContactGrade.persona_id == persona_id).values(persona_id=None)
    )


# --- full rescore ----------------------------------------------------------------------------
# A full rescore scores every model at once: one scan of the chunk's touches computes every
# touch rule of every model (the same per-rule expressions as ``score_select``, so the
# figures are the ones incremental scoring gives), and one INSERT writes a row per contact
# and model. Per model, as ``write_scores`` does, it read the touches once per model.


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
    statement, builder = _statements.get(
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
                _capped_sql(func.coalesce(sums.c[labels[(spec.id, rule.index)]], 0.0), rule)
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
    rows = query.add_columns(
        model_id.label("model_id"),
        points.label("points"),
        bindparam("computed_at", compiler.as_of, type_=UTCDateTime()),
    ).where(scope(Contact.id))
    statement = _insert(session)(ContactScore.__table__).from_select(
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
            weight = _weight(spec, rule, compiler)
            columns.append(
                func.sum(case((_counts(rule, compiler), weight), else_=0.0)).label(label)
            )
    if not columns:
        return None, labels
    # Scanning: the planner must not follow an index (SQLite's way to say so is a unary +
    # on the filtered columns; PostgreSQL gets its planner settings in ``bulk_settings``),
    # and the groups need a key with integer affinity for SQLite's automatic join index.
    unindexed = _unindexed if scan and compiler.dialect == "sqlite" else (lambda column: column)
    contact = cast(Touch.contact_id, BigInteger) if scan else Touch.contact_id
    sums = (
        select(contact.label("contact_id"), *columns)
        # A recycled lead's behaviour points count from its reset (``_counts``).
        .outerjoin(ScoreReset, ScoreReset.contact_id == Touch.contact_id)
        .where(
            Touch.contact_id.is_not(None),
            scope(unindexed(Touch.contact_id)),
            one_of(unindexed(Touch.type), sorted(types)),
            unindexed(Touch.occurred_at) <= compiler.moment(),
        )
        .group_by(contact)
        .subquery("touch_sums")
    )
    return sums, labels


@contextmanager
def bulk_settings(session: Session, *, scan: bool = False) -> Iterator[None]:
    """PostgreSQL settings for one big rescore statement, back to what they were after it:
    enough memory to aggregate the touches of every contact in the chunk in one hash table,
    no JIT (compiling the 20-rule expressions costs more than it saves). Nothing to do on
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


def _unindexed(column: Any) -> ColumnElement[Any]:
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


# --- explanations ----------------------------------------------------------------------------


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
        case((_counts(rule, compiler), 1), else_=0).label(f"r{rule.index}") for rule in rules
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
    """The Python twin of ``_weight`` for the breakdown shown to people."""
    if not half_life_days:
        return float(points)
    return points * math.exp(-LN2 / half_life_days * age_days)


# --- grading ---------------------------------------------------------------------------------


def match_columns(
    profiles: Iterable[GradingProfile], compiler: Compiler
) -> list[ColumnElement[Any]]:
    """For each profile, the share of its weight the contact meets (0..1)."""
    columns: list[ColumnElement[Any]] = []
    for profile in profiles:
        weight = sum(c["weight"] for c in profile.criteria) or 1
        met: ColumnElement[float] = literal(0.0)
        for criterion in profile.criteria:
            met = met + case(
                (compiler.condition(criterion["when"]), float(criterion["weight"])), else_=0.0
            )
        columns.append((met / float(weight)).label(f"p{profile.id}"))
    return columns


def write_grades(
    session: Session,
    icp: GradingProfile | None,
    personas: list[GradingProfile],
    thresholds: Sequence[tuple[str, float]],
    compiler: Compiler,
    scope: Scope,
) -> None:
    """Grade every contact in ``scope`` in one INSERT ... SELECT: the ICP match, each
    persona's match, the best persona (first on a tie), fit = best x ICP, then the grade."""
    columns = match_columns(([icp] if icp else []) + personas, compiler)
    matches = (
        select(Contact.id.label("contact_id"), *columns)
        .select_from(Contact)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(scope(Contact.id))
        .subquery("matches")
    )
    icp_match: ColumnElement[Any] = matches.c[f"p{icp.id}"] if icp else literal(1.0)
    persona_id: ColumnElement[Any] = literal(None)
    persona_match: ColumnElement[Any] = literal(1.0)
    if personas:
        values = [matches.c[f"p{p.id}"] for p in personas]
        # The best of a handful of personas as a CASE chain (portable; no GREATEST in SQLite).
        whens = [
            (and_(true(), *(value >= other for other in values if other is not value)), value)
            for value in values
        ]
        persona_match = case(*whens[:-1], else_=values[-1]) if len(values) > 1 else values[0]
        best_ids = [
            (and_(true(), *(v >= o for o in values if o is not v)), p.id)
            for v, p in zip(values, personas, strict=True)
        ]
        persona_id = case((persona_match <= 0, None), *best_ids[:-1], else_=personas[-1].id)
    fit = icp_match * persona_match
    grade = case(*((fit >= low - 1e-9, letter) for letter, low in thresholds), else_="D")
    rows = select(
        matches.c.contact_id,
        grade,
        fit,
        icp_match,
        persona_id,
        persona_match,
        bindparam("graded_at", compiler.as_of, type_=UTCDateTime()),
    ).where(true())
    names = [
        "contact_id",
        "grade",
        "fit",
        "icp_match",
        "persona_id",
        "persona_match",
        "computed_at",
    ]
    statement = _insert(session)(ContactGrade).from_select(names, rows)
    table = typing.cast(Table, ContactGrade.__table__)
    changed = [table.c[name].is_distinct_from(statement.excluded[name]) for name in names[1:-1]]
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id"],
        set_={name: getattr(statement.excluded, name) for name in names[1:]},
        where=or_(*changed),  # unchanged grades stay as they are (and as of when they were)
    )
    session.execute(statement)


def drop_grades(session: Session) -> None:
    session.execute(delete(ContactGrade))


def grade_of(session: Session, contact_id: int) -> ContactGrade | None:
    return session.get(ContactGrade, contact_id)


def criteria_met(
    session: Session, profile: GradingProfile, compiler: Compiler, contact_id: int
) -> list[bool]:
    return conditions_met(session, [c["when"] for c in profile.criteria], compiler, contact_id)


# --- qualification ---------------------------------------------------------------------------


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
    query, builder = _statements.prepared(session, key, build)
    params = builder.params(compiler.as_of) | scope.params
    return [row[0] for row in query.run(session, params)]


def contact_id_bounds(session: Session) -> tuple[int, int]:
    """The lowest and highest contact id (0, 0 without contacts). Two subqueries: SQLite
    reads one end of the index for a lone min() or max(), but scans every contact for both
    in one SELECT (a tenth of a second per chunk at 1,000,000 contacts)."""
    low, high = session.execute(
        select(
            select(func.min(Contact.id)).scalar_subquery(),
            select(func.max(Contact.id)).scalar_subquery(),
        )
    ).one()
    return int(low or 0), int(high or 0)


def count_contacts(session: Session) -> int:
    """Every contact (a scan: once per run, not once per chunk)."""
    return int(session.scalar(select(func.count(Contact.id))) or 0)


def count_in_range(session: Session, low: int, high: int) -> int:
    return int(
        session.scalar(select(func.count(Contact.id)).where(Contact.id.between(low, high))) or 0
    )


def get_run(session: Session, run_id: int) -> RescoreRun | None:
    return session.get(RescoreRun, run_id)


class RunState(typing.NamedTuple):
    status: str
    contacts_total: int


def run_state(session: Session, run_id: int) -> RunState | None:
    """A run's status and size, read without loading it into the session: lanes running
    side by side change the row with ``record_progress`` only."""
    query = select(RescoreRun.status, RescoreRun.contacts_total).where(RescoreRun.id == run_id)
    row = session.execute(query).one_or_none()
    return RunState(*row) if row is not None else None


def record_progress(
    session: Session,
    run_id: int,
    *,
    contacts: int,
    qualified: int,
    lane_finished: bool,
    at: datetime,
) -> None:
    """Add a chunk's figures to its run, and close its lane if that was the lane's last
    chunk: the last lane closed finishes the run. Increments in the UPDATE itself, so
    lanes committing side by side add up (the row lock orders them)."""
    lanes_open = session.execute(
        update(RescoreRun)
        .where(RescoreRun.id == run_id)
        .values(
            contacts_done=RescoreRun.contacts_done + contacts,
            qualified=RescoreRun.qualified + qualified,
            lanes_open=RescoreRun.lanes_open - int(lane_finished),
        )
        .returning(RescoreRun.lanes_open)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    if lane_finished and lanes_open <= 0:
        session.execute(
            update(RescoreRun)
            .where(RescoreRun.id == run_id)
            .values(status="done", finished_at=at)
            .execution_options(synchronize_session=False)
        )


def waiting_run(session: Session) -> RescoreRun | None:
    """The oldest full rescore queued but not started, if any."""
    query = select(RescoreRun).where(RescoreRun.status == "queued").order_by(RescoreRun.id)
    return session.scalars(query.limit(1)).first()


def latest_runs(session: Session, limit: int = 5) -> list[RescoreRun]:
    return list(session.scalars(select(RescoreRun).order_by(RescoreRun.id.desc()).limit(limit)))


def account_contact_scores(
    session: Session, account_id: int, model_id: int
) -> list[tuple[int, float]]:
    rows = session.execute(
        select(Contact.id, func.coalesce(ContactScore.points, 0.0))
        .select_from(Contact)
        .outerjoin(
            ContactScore,
            and_(ContactScore.contact_id == Contact.id, ContactScore.model_id == model_id),
        )
        .where(Contact.account_id == account_id)
        .order_by(func.coalesce(ContactScore.points, 0.0).desc(), Contact.id)
    )
    return [(int(cid), float(points)) for cid, points in rows]


def account_contact_ids(session: Session, account_ids: Sequence[int]) -> list[int]:
    if not account_ids:
        return []
    query = select(Contact.id).where(Contact.account_id.in_(account_ids))
    return list(session.scalars(query))


def account_contacts(
    session: Session, account_id: int
) -> list[tuple[Contact, ContactGrade | None]]:
    rows = session.execute(
        select(Contact, ContactGrade)
        .outerjoin(ContactGrade, ContactGrade.contact_id == Contact.id)
        .where(Contact.account_id == account_id)
        .order_by(Contact.id)
    )
    return [(contact, grade) for contact, grade in rows]


# --- the incremental path (touches arrived) ---------------------------------------------------
# Each batch of touches runs these, down to a single page view or event: statements compiled
# once to their SQL text and run through the driver (``Prepared``), and the definitions read
# in one statement and parsed only when they differ from the last ones seen.


class Criteria(typing.NamedTuple):
    stage: str
    version: int
    condition: dict[str, Any]


@dataclass(frozen=True)
class Definitions:
    """What scoring a touch needs: every model as (spec, is primary) in id order, and the
    criteria applied automatically, MQL then SQL."""

    models: list[tuple[ModelSpec, bool]]
    criteria: list[Criteria]


_AUTOMATIC = ["mql", "sql"]
_definition_rows: CompoundSelect[Any] = union_all(
    select(
        literal("model").label("kind"),
        ScoreModel.id,
        ScoreModel.name,
        ScoreModel.is_primary,
        ScoreModel.version,
        # As stored: the rows themselves are the cache key, parsed only when new here.
        cast(ScoreModel.rules, Text).label("definition"),
        ScoreModel.half_life_days,
    ),
    select(
        literal("criteria"),
        QualificationCriteria.id,
        QualificationCriteria.stage,
        QualificationCriteria.automatic,
        QualificationCriteria.version,
        cast(QualificationCriteria.condition, Text),
        literal(None, Integer),
    ).where(
        QualificationCriteria.automatic.is_(True), one_of(QualificationCriteria.stage, _AUTOMATIC)
    ),
)
_DEFINITIONS = Fixed(_definition_rows)


def live_definitions(session: Session) -> Definitions:
    """The models and automatic criteria as stored now, in one statement. Whatever another
    process saved is read here: the cache is keyed by the rows' whole content (rules and
    condition text included), so it can only save parsing, never serve an old rule."""
    result = _DEFINITIONS.run(session, {})
    return _parse_definitions(tuple(tuple(row) for row in result))


@lru_cache(maxsize=_CACHE_SIZE)
def _parse_definitions(rows: tuple[tuple[Any, ...], ...]) -> Definitions:
    models = sorted((row for row in rows if row[0] == "model"), key=lambda row: row[1])
    criteria = sorted((row for row in rows if row[0] == "criteria"), key=lambda row: row[2])
    return Definitions(
        models=[
            (ModelSpec(model_id, name, parse_rules(json.loads(rules)), half_life), bool(primary))
            for _, model_id, name, primary, _, rules, half_life in models
        ],
        criteria=[
            Criteria(stage, version, json.loads(condition))
            for _, _, stage, _, version, condition, _ in criteria
        ],
    )


def automatic_criteria(session: Session) -> list[Criteria]:
    """The MQL then the SQL criteria, those applied automatically."""
    return live_definitions(session).criteria


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
    _forget_copied_scores(session, among(contact_ids))


def write_scores_among(
    session: Session, spec: ModelSpec, compiler: Compiler, contact_ids: Sequence[int]
) -> None:
    """``write_scores`` for a list of contacts: the same statement, compiled once per model
    version and run through the driver."""
    scope = among(contact_ids)
    prepared, builder = _statements.prepared(
        session,
        (compiler.dialect, "scores", spec.key, scope.kind),
        lambda: _score_upsert(session, spec, Compiler(compiler.dialect, compiler.as_of), scope),
    )
    params = builder.params(compiler.as_of) | scope.params | {"computed_at": compiler.as_of}
    prepared.run(session, params)


def score_reset(session: Session, contact_id: int) -> ScoreReset | None:
    return session.get(ScoreReset, contact_id)


def set_score_reset(session: Session, contact_id: int, at: datetime, reason: str) -> None:
    found = session.get(ScoreReset, contact_id)
    if found is None:
        session.add(ScoreReset(contact_id=contact_id, reset_at=at, reason=reason))
    else:
        found.reset_at, found.reason = at, reason
    session.flush()
