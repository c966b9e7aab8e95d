"""Suggested themes: the free text of feedback items not yet given a feature, lost deals'
reasons and the reasons sales rejected leads, grouped by the words they share.

Lexical, with scikit-learn: TF-IDF over words (stop words dropped, a light suffix
stripping so "integrations" meets "integration"), then agglomerative clustering on cosine
distance with average linkage, cut at ``DISTANCE``. No randomness at all, so the same texts
give the same themes. Grouping by meaning would need an embedding model, and none ships
inside a registry package without downloading its weights at run time, which Huddle may
not do. A product manager confirms a suggestion (named as they like) into a feature.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sqlalchemy.orm import Session

from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action, require
from huddle.feedback import repository
from huddle.feedback.models import ProductFeature
from huddle.feedback.schemas import FeatureWrite, ThemeConfirm, ThemeRead
from huddle.feedback.service.product import create_feature

# Cosine distance under which groups merge (average linkage): texts sharing a telling word
# or two merge; texts sharing only a common one stay apart.
DISTANCE = 0.85
MAX_TEXTS = 2000
LABEL_WORDS = 3
_WORD = re.compile(r"[a-z][a-z0-9]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s")


@dataclass(frozen=True)
class Text:
    text: str
    source: str  # "feedback", "lost_reason" or "rejection"
    item_id: int | None = None


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def cluster(texts: list[Text]) -> list[list[Text]]:
    """Groups of at least two texts, the largest first (then by their first text)."""
    usable = [t for t in texts if words(t.text)]
    if len(usable) < 2:
        return []
    vectorizer = TfidfVectorizer(
        tokenizer=lambda text: [stem(w) for w in words(text)],
        lowercase=False,
        token_pattern=None,
        sublinear_tf=True,
    )
    matrix = vectorizer.fit_transform([t.text for t in usable]).toarray()
    keep = np.linalg.norm(matrix, axis=1) > 0
    usable = [t for t, k in zip(usable, keep, strict=True) if k]
    if len(usable) < 2:
        return []
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=DISTANCE
    ).fit_predict(matrix[keep])
    groups: dict[int, list[Text]] = defaultdict(list)
    for text, label in zip(usable, labels, strict=True):
        groups[int(label)].append(text)
    found = [g for g in groups.values() if len(g) >= 2]
    return sorted(found, key=lambda g: (-len(g), g[0].text))


def label_of(group: list[Text]) -> str:
    """The words most of the group's texts use (the commonest spelling of each stem)."""
    stems: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text in group:
        seen = set()
        for word in words(text.text):
            spellings[stem(word)][word] += 1
            seen.add(stem(word))
        stems.update(seen)
    top = sorted(stems.items(), key=lambda item: (-item[1], item[0]))[:LABEL_WORDS]
    return ", ".join(spellings[s].most_common(1)[0][0] for s, _ in top)


def _texts(session: Session) -> list[Text]:
    items = [
        Text(row.quote, "feedback", row.id)
        for row in repository.item_rows(session)
        if row.feature_id is None and row.quote
    ]
    lost = [Text(r, "lost_reason") for r, _, _ in repository.lost_reasons(session, limit=MAX_TEXTS)]
    rejections = [
        Text(r, "rejection")
        for r in dict.fromkeys(repository.rejection_texts(session, limit=MAX_TEXTS))
    ]
    return (items + lost + rejections)[:MAX_TEXTS]


def suggested_themes(session: Session, actor: Actor) -> list[ThemeRead]:
    require(actor, Action.ANALYTICS_READ)
    themes = []
    for group in cluster(_texts(session)):
        texts = [t.text for t in group]
        key = hashlib.sha256("\n".join(sorted(texts)).encode()).hexdigest()[:12]
        themes.append(
            ThemeRead(
                key=key,
                label=label_of(group),
                size=len(group),
                texts=texts,
                item_ids=[t.item_id for t in group if t.item_id is not None],
                sources=dict(Counter(t.source for t in group)),
            )
        )
    return themes


def confirm_theme(session: Session, data: ThemeConfirm, *, actor: Actor) -> ProductFeature:
    """The theme becomes a feature of the list (kind "theme"), and its feedback items that
    have no feature yet name it."""
    require(actor, Action.PRODUCT_MANAGE)
    items = repository.items_by_ids(session, data.item_ids)
    if len(items) != len(set(data.item_ids)):
        raise ValidationFailed(
            "unknown feedback items", [FieldError("item_ids", "name feedback items that exist")]
        )
    feature = create_feature(
        session,
        FeatureWrite(name=data.name, description=data.description),
        actor=actor,
        kind="theme",
    )
    for item in items:
        if item.feature_id is None:
            item.feature_id = feature.id
    session.flush()
    return feature
