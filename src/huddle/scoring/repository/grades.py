"""Grades: the ICP and persona matches of every contact, written in one statement."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    bindparam,
    case,
    delete,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from huddle.contacts.models import Account, Contact
from huddle.core.models import UTCDateTime
from huddle.scoring.models import ContactGrade, GradingProfile
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.explanations import conditions_met
from huddle.scoring.repository.statements import Scope, insert_for

# For each example title of a persona criterion, the job titles alike enough, with their
# similarity (0..1): computed in Python (titles.similarity), applied in SQL.
TitleMatches = Mapping[str, Mapping[str, float]]


def match_columns(
    profiles: Iterable[GradingProfile], compiler: Compiler, titles: TitleMatches | None = None
) -> list[ColumnElement[Any]]:
    """For each profile, the share of its weight the contact meets (0..1). A title
    criterion earns its weight times the contact's title similarity."""
    columns: list[ColumnElement[Any]] = []
    for profile in profiles:
        weight = sum(c["weight"] for c in profile.criteria) or 1
        met: ColumnElement[float] = literal(0.0)
        for criterion in profile.criteria:
            if criterion.get("title_like"):
                alike = (titles or {}).get(criterion["title_like"], {})
                met = met + _title_credit(alike, float(criterion["weight"]))
                continue
            met = met + case(
                (compiler.condition(criterion["when"]), float(criterion["weight"])), else_=0.0
            )
        columns.append((met / float(weight)).label(f"p{profile.id}"))
    return columns


def _title_credit(alike: Mapping[str, float], weight: float) -> ColumnElement[float]:
    """weight x similarity of the contact's job title: one CASE branch per similarity
    value (titles grouped by it), so a thousand titles make a handful of branches."""
    by_similarity: dict[float, list[str]] = {}
    for title, value in alike.items():
        by_similarity.setdefault(value, []).append(title)
    if not by_similarity:
        return literal(0.0)
    return case(
        *(
            (Contact.job_title.in_(sorted(titles)), weight * value)
            for value, titles in sorted(by_similarity.items(), reverse=True)
        ),
        else_=0.0,
    )


def job_titles(session: Session, scope: Scope) -> list[str]:
    """The distinct job titles of the contacts in ``scope``."""
    query = (
        select(Contact.job_title)
        .where(Contact.job_title.is_not(None), scope(Contact.id))
        .distinct()
    )
    return [title for (title,) in session.execute(query) if title is not None]


def write_grades(
    session: Session,
    icp: GradingProfile | None,
    personas: list[GradingProfile],
    thresholds: Sequence[tuple[str, float]],
    compiler: Compiler,
    scope: Scope,
    titles: TitleMatches | None = None,
) -> None:
    """Grade every contact in ``scope`` in one INSERT ... SELECT: the ICP match, each
    persona's match, the best persona (first on a tie), fit = best x ICP, then the grade."""
    columns = match_columns(([icp] if icp else []) + personas, compiler, titles)
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
    statement = insert_for(session)(ContactGrade).from_select(names, rows)
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
    """Whether the contact meets each condition criterion (title criteria: False here, their
    similarity is the service's to compute)."""
    whens = [c["when"] for c in profile.criteria if not c.get("title_like")]
    met = iter(conditions_met(session, whens, compiler, contact_id))
    return [False if c.get("title_like") else next(met) for c in profile.criteria]


def job_title_of(session: Session, contact_id: int) -> str | None:
    return session.scalar(select(Contact.job_title).where(Contact.id == contact_id))


def forget_persona(session: Session, persona_id: int) -> None:
    """Grades that named this persona name none until they are recomputed (grades this
    session has loaded too)."""
    session.execute(
        update(ContactGrade).where(ContactGrade.persona_id == persona_id).values(persona_id=None)
    )
