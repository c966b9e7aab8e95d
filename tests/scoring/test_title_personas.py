"""Personas matched by job title meaning: "Head of Engineering" ≈ "VP Eng" ≈ "Engineering
Director", not "Engineering Intern"; "Sales Engineer" is not "Head of Sales". The match
and its similarity are in the grade explanation."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.core.actor import SYSTEM
from huddle.core.errors import ValidationFailed
from huddle.scoring import service
from huddle.scoring.titles import MATCH, read_title, similarity
from tests.contacts.factories import make_contact
from tests.scoring.factories import make_profile

ENGINEERING_LEADERS = ["Head of Engineering", "VP Eng", "Engineering Director", "SVP, Engineering"]


@pytest.mark.parametrize("title", ENGINEERING_LEADERS)
@pytest.mark.parametrize("other", ENGINEERING_LEADERS)
def test_engineering_leaders_are_alike_whatever_the_words(title: str, other: str) -> None:
    assert similarity(title, other) >= MATCH


@pytest.mark.parametrize(
    ("title", "persona"),
    [
        ("Engineering Intern", "VP Engineering"),
        ("Sales Engineer", "Head of Sales"),
        ("Chief Marketing Officer", "Engineering Director"),
        ("VP Sales", "VP Engineering"),
        ("Software Engineer", "Head of Engineering"),
    ],
)
def test_a_different_level_or_function_is_not_a_match(title: str, persona: str) -> None:
    assert similarity(title, persona) < MATCH


def test_abbreviations_and_c_suite_titles_read_as_level_and_function() -> None:
    assert (read_title("Sr. Dir, Eng").level, read_title("Sr. Dir, Eng").functions) == (
        5,
        frozenset({"engineering"}),
    )
    assert read_title("CRO").functions == frozenset({"sales"}) and read_title("CRO").level == 7
    assert read_title("Vice President of Marketing").level == 6
    assert read_title("Marketing Mgr").level == 4
    assert similarity("CTO", "VP Engineering") >= MATCH
    assert similarity("vp eng", "VP Eng") == 1.0
    assert similarity("", "VP Eng") == 0.0


def _engineering_persona(db: Session) -> None:
    make_profile(
        db,
        "persona",
        "Engineering leader",
        [{"label": "Runs engineering", "weight": 4, "title_like": "VP Engineering"}],
    )


def test_grading_credits_titles_alike_in_meaning_with_the_similarity_in_words(db: Session) -> None:
    _engineering_persona(db)
    head = make_contact(db, job_title="Head of Engineering")
    intern = make_contact(db, job_title="Engineering Intern")
    seller = make_contact(db, job_title="Sales Engineer")
    untitled = make_contact(db)
    service.rescore_all(db, reason="test", actor=SYSTEM)

    grade = service.explain_scores(db, head.id).grade
    assert grade is not None and grade.persona == "Engineering leader"
    expected = similarity("Head of Engineering", "VP Engineering")
    assert grade.persona_match == pytest.approx(expected, abs=1e-3)
    assert grade.grade == ("A" if expected >= 0.75 else "B")
    assert any(
        "“Head of Engineering” ≈ “VP Engineering”" in why and f"similarity {expected:.2f}" in why
        for why in grade.why
    )
    for other in (intern, seller, untitled):
        read = service.explain_scores(db, other.id).grade
        assert read is not None and (read.persona, read.grade) == (None, "D")
        assert not any("≈" in why for why in read.why)


def test_a_title_criterion_needs_a_title_and_no_condition_beside_it(db: Session) -> None:
    both = {
        "label": "x",
        "weight": 1,
        "title_like": "VP Eng",
        "when": {"field": "contact.seniority", "op": "eq", "value": "VP"},
    }
    with pytest.raises(ValidationFailed) as refused:
        make_profile(db, "persona", "Both", [both])
    assert refused.value.errors[0].field == "criteria.0.when"
    with pytest.raises(ValidationFailed) as refused:
        make_profile(db, "persona", "Blank", [{"label": "x", "weight": 1, "title_like": " "}])
    assert refused.value.errors[0].field == "criteria.0.title_like"
    # An ICP tests accounts: a title criterion there is a condition that is missing.
    with pytest.raises(ValidationFailed) as refused:
        make_profile(db, "icp", "ICP", [{"label": "x", "weight": 1, "title_like": "VP Eng"}])
    assert refused.value.errors[0].field.startswith("criteria.0.when")
