"""Job titles compared by meaning: "Head of Engineering" ≈ "VP Eng" ≈ "Engineering
Director", while "Engineering Intern" is not a VP and "Sales Engineer" is not "Head of Sales".

Lexical, not learned: no embedding model small enough to ship inside a registry package was
good enough here (docs/PREDICTIVE.md says which was tried). A title is normalised (phrases
and abbreviations spelled one way: VP, SVP, Dir, Eng, Mgr, CTO/CMO/CRO...) into a seniority
level and a set of functions, and two titles are similar when their functions agree and
their levels are close, with a little weight on the words they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Two titles at least this similar are a match (a persona criterion's credit starts here).
MATCH = 0.6

# Longer phrases first: each becomes one token before the words are split.
PHRASES: tuple[tuple[str, str], ...] = (
    ("chief information security officer", "ciso"),
    ("chief technology officer", "cto"),
    ("chief technical officer", "cto"),
    ("chief marketing officer", "cmo"),
    ("chief revenue officer", "cro"),
    ("chief executive officer", "ceo"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief information officer", "cio"),
    ("chief product officer", "cpo"),
    ("chief data officer", "cdo"),
    ("senior vice president", "vp"),
    ("executive vice president", "vp"),
    ("vice president", "vp"),
    ("business development", "bizdev"),
    ("account executive", "ae"),
    ("human resources", "hr"),
    ("information technology", "it"),
    ("customer success", "success"),
    ("head of", "head"),
)
ABBREVIATIONS = {
    "svp": "vp",
    "evp": "vp",
    "avp": "vp",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "dir": "director",
    "eng": "engineering",
    "engg": "engineering",
    "engr": "engineer",
    "mktg": "marketing",
    "ops": "operations",
    "dev": "development",
    "tech": "technology",
    "bdr": "bizdev",
    "sdr": "bizdev",
}
# Seniority levels: 0 intern ... 7 C-level. A title naming none is an individual contributor.
INDIVIDUAL = 2
LEVELS = {
    "intern": 0,
    "trainee": 0,
    "student": 0,
    "junior": 1,
    "assistant": 1,
    "associate": 1,
    "coordinator": 1,
    "senior": 3,
    "lead": 3,
    "principal": 3,
    "staff": 3,
    "manager": 4,
    "head": 5,
    "director": 5,
    "partner": 6,
    "vp": 6,
    "chief": 7,
    "founder": 7,
    "cofounder": 7,
    "owner": 7,
    "president": 7,
}
C_SUITE = {
    "cto": "engineering",
    "cmo": "marketing",
    "cro": "sales",
    "ceo": "executive",
    "cfo": "finance",
    "coo": "operations",
    "cio": "it",
    "ciso": "security",
    "cpo": "product",
    "cdo": "data",
}
FUNCTIONS = {
    "engineering": "engineering",
    "engineer": "engineering",
    "software": "engineering",
    "developer": "engineering",
    "development": "engineering",
    "devops": "engineering",
    "technology": "engineering",
    "technical": "engineering",
    "platform": "engineering",
    "infrastructure": "engineering",
    "marketing": "marketing",
    "growth": "marketing",
    "brand": "marketing",
    "content": "marketing",
    "demand": "marketing",
    "communications": "marketing",
    "sales": "sales",
    "bizdev": "sales",
    "ae": "sales",
    "commercial": "sales",
    "revenue": "sales",
    "finance": "finance",
    "financial": "finance",
    "accounting": "finance",
    "controller": "finance",
    "hr": "people",
    "people": "people",
    "talent": "people",
    "recruiting": "people",
    "it": "it",
    "security": "security",
    "infosec": "security",
    "data": "data",
    "analytics": "data",
    "product": "product",
    "operations": "operations",
    "support": "customer",
    "success": "customer",
    "customer": "customer",
    "legal": "legal",
    "counsel": "legal",
    "founder": "executive",
    "cofounder": "executive",
    "owner": "executive",
    "president": "executive",
}
STOP_WORDS = {"of", "the", "and", "for", "to", "in", "a", "at"}
# How much of the function agreement survives a gap of 0, 1, 2, 3 seniority levels.
LEVEL_GAP = (1.0, 0.85, 0.6, 0.3)


@dataclass(frozen=True)
class Title:
    """A title as the comparison reads it."""

    words: frozenset[str]
    level: int
    functions: frozenset[str]


def parse_title(text: str) -> Title:
    """``"Sr. Dir, Eng & Platform"`` -> level 5, functions {engineering}."""
    normal = " " + re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")) + " "
    normal = normal.replace(" co founder ", " cofounder ")
    for phrase, token in PHRASES:
        normal = normal.replace(f" {phrase} ", f" {token} ")
    words = [ABBREVIATIONS.get(w, w) for w in normal.split() if w not in STOP_WORDS]
    levels = [LEVELS[w] for w in words if w in LEVELS] + [7 for w in words if w in C_SUITE]
    functions = {FUNCTIONS[w] for w in words if w in FUNCTIONS}
    functions |= {C_SUITE[w] for w in words if w in C_SUITE}
    if "vp" in words or "chief" in words:
        functions.discard("executive")  # "Vice President" is a level, not the president
    return Title(frozenset(words), max(levels, default=INDIVIDUAL), frozenset(functions))


# Titles compared one pair at a time (explanations, the builder) are read once.
read_title = lru_cache(maxsize=4096)(parse_title)


def similarity(one: str, other: str) -> float:
    """0..1: 1 for the same title, above ``MATCH`` for the same kind of job."""
    return compare(read_title(one), read_title(other))


def alike(found: Iterable[str], examples: Iterable[str]) -> dict[str, dict[str, float]]:
    """For each example title, the titles of ``found`` at least ``MATCH``-similar to it,
    with their similarity. Each title is read once (a full rescore compares every distinct
    job title with every persona's example)."""
    read = [(title, parse_title(title)) for title in found]
    out: dict[str, dict[str, float]] = {}
    for example in examples:
        wanted = read_title(example)
        scored = ((title, compare(parsed, wanted)) for title, parsed in read)
        out[example] = {title: value for title, value in scored if value >= MATCH}
    return out


def compare(a: Title, b: Title) -> float:
    """``similarity`` of two titles already read."""
    if not a.words or not b.words:
        return 0.0
    if a.words == b.words:
        return 1.0
    shared_words = len(a.words & b.words) / len(a.words | b.words)
    union = a.functions | b.functions
    functions = len(a.functions & b.functions) / len(union) if union else 0.5
    gap = abs(a.level - b.level)
    level = LEVEL_GAP[gap] if gap < len(LEVEL_GAP) else 0.0
    return round(min(1.0, 0.85 * functions * level + 0.15 * shared_words), 3)
