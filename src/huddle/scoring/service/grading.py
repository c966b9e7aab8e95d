"""Fit grades: how well a contact matches its best persona times how well its account
matches the ICP, as A to D. Matches are the share of criteria weight met, computed in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from huddle.scoring import titles
from huddle.scoring.models import GradingProfile
from huddle.scoring.repository import definitions, grades, statements
from huddle.scoring.repository.condition_sql import Compiler
from huddle.scoring.repository.statements import Scope
from huddle.scoring.schemas import GradeRead

# Lowest fit (persona match x ICP match) for each grade; below the last one is D.
THRESHOLDS = (("A", 0.75), ("B", 0.5), ("C", 0.25))


def grade_for(fit: float) -> str:
    return next((grade for grade, low in THRESHOLDS if fit >= low - 1e-9), "D")


def grade_contacts(session: Session, scope: Scope, *, as_of: datetime) -> bool:
    """Grade every contact in ``scope``. Without an ICP, account fit counts as full; without
    personas, person fit does. With neither there is nothing to grade against."""
    profiles = definitions.list_profiles(session)
    if not profiles:
        return False
    icp = next((p for p in profiles if p.kind == "icp"), None)
    personas = [p for p in profiles if p.kind == "persona"]
    compiler = Compiler(statements.dialect_of(session), as_of)
    alike = _titles_alike(session, personas, scope)
    grades.write_grades(session, icp, personas, THRESHOLDS, compiler, scope, alike)
    return True


def _example_titles(personas: list[GradingProfile]) -> set[str]:
    return {c["title_like"] for p in personas for c in p.criteria if c.get("title_like")}


def _titles_alike(
    session: Session, personas: list[GradingProfile], scope: Scope
) -> dict[str, dict[str, float]]:
    """For each persona's example title, the job titles in scope alike enough (similarity
    at least ``titles.MATCH``), with their similarity."""
    examples = _example_titles(personas)
    if not examples:
        return {}
    return titles.alike(grades.job_titles(session, scope), sorted(examples))


def explain_grade(session: Session, contact_id: int, *, as_of: datetime) -> GradeRead | None:
    grade = grades.grade_of(session, contact_id)
    if grade is None:
        return None
    profiles = {p.id: p for p in definitions.list_profiles(session)}
    compiler = Compiler(statements.dialect_of(session), as_of)
    why: list[str] = []
    persona = profiles.get(grade.persona_id) if grade.persona_id is not None else None
    for profile in [p for p in profiles.values() if p.kind == "icp"] + (
        [persona] if persona else []
    ):
        why += _criteria_met_in_words(session, profile, compiler, contact_id)
    return GradeRead(
        grade=grade.grade,
        fit=round(grade.fit, 3),
        icp_match=round(grade.icp_match, 3),
        persona=persona.name if persona else None,
        persona_match=round(grade.persona_match, 3),
        why=why,
    )


def _criteria_met_in_words(
    session: Session, profile: GradingProfile, compiler: Compiler, contact_id: int
) -> list[str]:
    met = grades.criteria_met(session, profile, compiler, contact_id)
    label = "ICP" if profile.kind == "icp" else profile.name
    words = [
        f"{label}: {criterion['label']} (+{criterion['weight']})"
        for criterion, yes in zip(profile.criteria, met, strict=True)
        if yes
    ]
    job_title = grades.job_title_of(session, contact_id)
    for criterion in profile.criteria:
        if criterion.get("title_like") and job_title:
            words += _title_match_in_words(label, criterion, job_title)
    return words


def _title_match_in_words(label: str, criterion: dict[str, Any], job_title: str) -> list[str]:
    """ "Engineering leader: Leads engineering — title “Head of Engineering” ≈ “VP Eng”
    (similarity 0.77, +2.3)", when the title is alike enough to count."""
    value = titles.similarity(job_title, criterion["title_like"])
    if value < titles.MATCH:
        return []
    return [
        f"{label}: {criterion['label']} — title “{job_title}” ≈ “{criterion['title_like']}” "
        f"(similarity {value:.2f}, +{criterion['weight'] * value:.1f})"
    ]
