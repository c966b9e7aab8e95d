"""Suggested themes: obviously similar texts grouped, the same every time, and confirmed by
a product manager into a feature that takes its items."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from huddle.auth.models import User
from huddle.core.errors import NotPermitted, ValidationFailed
from huddle.feedback import service
from huddle.feedback.schemas import ThemeConfirm
from huddle.feedback.service.themes import Text, cluster, label_of
from tests.conftest import make_user
from tests.feedback.factories import make_feature, make_item
from tests.lifecycle.factories import make_opportunity
from tests.sla.factories import actor_of

TEXTS = [
    "Too expensive for our budget",
    "Missing Salesforce integration",
    "The price is too expensive",
    "Needs SSO login",
    "No integration with Salesforce",
    "We need single sign-on (SSO)",
    "Pricing too expensive compared to rivals",
    "Timing: not this quarter",
]


def _groups(texts: list[str]) -> list[set[str]]:
    return [{t.text for t in g} for g in cluster([Text(t, "feedback") for t in texts])]


def test_obviously_similar_texts_are_grouped() -> None:
    assert _groups(TEXTS) == [
        {
            "Too expensive for our budget",
            "The price is too expensive",
            "Pricing too expensive compared to rivals",
        },
        {"Missing Salesforce integration", "No integration with Salesforce"},
        {"Needs SSO login", "We need single sign-on (SSO)"},
    ]


def test_clustering_is_deterministic_whatever_the_order() -> None:
    first = _groups(TEXTS)
    assert all(_groups(TEXTS) == first for _ in range(3))
    assert sorted(map(sorted, _groups(TEXTS[::-1]))) == sorted(map(sorted, first))


def test_a_theme_is_labelled_by_its_commonest_words() -> None:
    group = cluster([Text(t, "feedback") for t in TEXTS])[0]
    assert label_of(group).split(", ")[0] == "expensive"


def test_too_few_texts_make_no_theme() -> None:
    assert _groups([]) == [] and _groups(["Only one"]) == [] and _groups(["the", "a"]) == []


def test_themes_read_unassigned_items_and_lost_reasons_and_a_pm_confirms_one(
    db: Session, admin: User
) -> None:
    boss = actor_of(admin)
    deal = make_opportunity(db)
    one = make_item(db, deal=deal, quote="Missing Salesforce integration")
    two = make_item(db, deal=deal, quote="No integration with Salesforce, sadly")
    make_item(db, deal=deal, quote="Salesforce integration", feature_id=make_feature(db).id)
    make_opportunity(db, status="lost", lost_reason="Lost: no Salesforce integration")
    themes = service.suggested_themes(db, boss)
    assert len(themes) == 1
    theme = themes[0]
    assert theme.size == 3 and sorted(theme.item_ids) == sorted([one.id, two.id])
    assert theme.sources == {"feedback": 2, "lost_reason": 1}
    assert service.suggested_themes(db, boss)[0].key == theme.key
    rep = actor_of(make_user(db, role="sales_rep", team="sales"))
    confirm = ThemeConfirm(name="CRM sync", item_ids=theme.item_ids)
    with pytest.raises(NotPermitted):
        service.confirm_theme(db, confirm, actor=rep)
    product = actor_of(make_user(db, role="product", team="product"))
    feature = service.confirm_theme(db, confirm, actor=product)
    assert (feature.name, feature.kind) == ("CRM sync", "theme")
    assert (one.feature_id, two.feature_id) == (feature.id, feature.id)
    # Its items have a feature now: what is left does not make a theme.
    assert service.suggested_themes(db, boss) == []
    with pytest.raises(ValidationFailed):
        service.confirm_theme(db, ThemeConfirm(name="Ghosts", item_ids=[999_999]), actor=product)
