"""Columns that give the outcome away: written once the outcome is known (a close date, a
sales rep's tag "Closed by ...", "Ringing", a lead quality grade, a call's duration).

A model trained with such a column looks excellent on history and is useless on a new
lead, for whom the column is still empty. No single test finds them all, so several
signals are weighed (pure: no database, no files):

- **filled for one outcome only**: filled for at most 1% of one outcome and at least 20% of
  the other (a close date);
- **alone, almost perfect**: the column alone ranks the outcome with ROC AUC above 0.95
  (categories scored out of fold, so an identifier does not look perfect);
- **values that settle the outcome**: a value (or a tenth of a number's range) whose rows
  almost all had one outcome (the other outcome's rate, taken at its 95% upper confidence
  bound, under a tenth of its overall rate), on enough rows to cover a fair share of that
  outcome. A status column written by sales has such values on *both* sides ("Closed by
  ..." / "Ringing"): that alone is a leak. On one side only it is weak evidence: a genuine
  predictor can have one very good value (a referral source);
- **outcome words**: the column's name or values speak of an outcome, a status or a
  verdict (won, lost, closed, converted, revert, status, stage, quality, duration...);
- **filled far more often for one outcome** (a gap of 40 points): a field sales fill in
  for the leads they work.

A strong signal, or two weak ones of different kinds, excludes the column ("excluded as
leaking"); one weak signal only points it out ("suspicious, kept"): the user decides, with
``--exclude-column`` / ``--include-column``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score

from huddle.predictive.learning import MISSING, Kind, Table

LEAK_AUC = 0.95
# Filled for at most this share of one outcome and at least LEAK_FILLED of the other.
LEAK_RARELY_FILLED = 0.01
LEAK_FILLED = 0.2
# A value settles the outcome when the other outcome's rate among its rows is under this
# share of that outcome's overall rate (relative: a rare outcome is rare everywhere).
PURE_RATIO = 0.1
# The other outcome's rate is judged by its upper confidence bound (one-sided 95%).
WILSON_Z = 1.645
# ... on at least this many rows, covering together at least this share of the outcome.
PURE_MIN_ROWS = 20
PURE_COVERAGE = 0.05
# Filled for this many more points of one outcome than of the other.
FILLED_GAP = 0.4
NUMBER_BINS = 10

# Words of an outcome, a status or a verdict, in a column's name or its values.
OUTCOME_WORDS = (
    "won",
    "win",
    "lost",
    "lose",
    "closed",
    "converted",
    "churned",
    "churn",
    "status",
    "stage",
    "result",
    "outcome",
    "reason",
    "revert",
    "disqualified",
    "unqualified",
    "qualified",
    "enrolled",
    "rejected",
    "disposition",
    "verdict",
)
# Written by sales about a lead they worked: in a column's name only ("Lead Quality",
# "Tags", a call's "duration").
AFTER_CONTACT_NAME_WORDS = (
    "duration",
    "call length",
    "length of call",
    "close date",
    "quality",
    "rating",
    "tags",
    "tag",
    "notes",
    "feedback",
)


@dataclass(frozen=True)
class Leak:
    """A flagged column: ``excluded`` (leaking) or only suspicious (kept), with why."""

    column: str
    reason: str
    excluded: bool = True


@dataclass(frozen=True)
class _Signal:
    kind: str
    strong: bool
    words: str


def find_leaks(table: Table) -> list[Leak]:
    """Every column that leaks the outcome (excluded) or may (suspicious), with why."""
    y = np.asarray(table.label)
    if len(set(y.tolist())) < 2:
        return []
    flagged = []
    for name, values in table.columns.items():
        signals = _signals(name, values, table.kinds[name], y)
        if not signals:
            continue
        strong = any(s.strong for s in signals)
        excluded = strong or len({s.kind for s in signals}) >= 2
        flagged.append(Leak(name, "; ".join(s.words for s in signals), excluded))
    return flagged


def _signals(name: str, values: Sequence[Any], kind: Kind, y: np.ndarray) -> list[_Signal]:
    signals = []
    filled = np.array([v is not None for v in values])
    share_pos, share_neg = float(filled[y == 1].mean()), float(filled[y == 0].mean())
    low, high = sorted((share_pos, share_neg))
    which = "reached" if share_pos > share_neg else "did not reach"
    shares = f"filled for {high:.0%} of the rows that {which} the outcome"
    if low <= LEAK_RARELY_FILLED and high >= LEAK_FILLED:
        return [_Signal("filled", True, f"{shares} and {low:.0%} of the others")]
    if high - low >= FILLED_GAP:
        signals.append(_Signal("filled", False, f"{shares}, {low:.0%} of the others"))
    auc = single_column_auc(values, kind, y)
    if auc > LEAK_AUC:
        signals.append(_Signal("auc", True, f"predicts the outcome alone with ROC AUC {auc:.3f}"))
    signals.extend(_purity_signals(values, kind, y))
    named = outcome_words_in_name(name)
    if named:
        signals.append(_Signal("words", False, f"its name speaks of {', '.join(named)}"))
    elif kind == "category":
        spoken = _values_with_outcome_words(values)
        if spoken:
            quoted = ", ".join(f"'{v}'" for v in spoken[:3])
            signals.append(_Signal("words", False, f"values speak of an outcome ({quoted})"))
    return signals


# --- values that settle the outcome ----------------------------------------------------------


def _purity_signals(values: Sequence[Any], kind: Kind, y: np.ndarray) -> list[_Signal]:
    groups = _number_bins(values) if kind == "number" else _categories(values)
    sides = {1: _pure_values(groups, y, 1), 0: _pure_values(groups, y, 0)}
    covered = {
        outcome: sum(rows for _, _, rows in pure) / max(int(np.sum(y == outcome)), 1)
        for outcome, pure in sides.items()
    }
    settled = [o for o in (1, 0) if covered[o] >= PURE_COVERAGE]
    if not settled:
        return []
    described = "; ".join(_described(sides[o], o, covered[o]) for o in settled)
    if len(settled) == 2:
        return [_Signal("values", True, f"values settle the outcome either way: {described}")]
    return [_Signal("values", False, f"values settle the outcome: {described}")]


def _described(pure: list[tuple[str, float, int]], outcome: int, covered: float) -> str:
    who = "reached" if outcome == 1 else "did not reach"
    shown = ", ".join(f"'{label}' ({rate:.0%})" for label, rate, _ in pure[:3])
    more = f" and {len(pure) - 3} more" if len(pure) > 3 else ""
    return f"{shown}{more} {who} it, {covered:.0%} of those rows"


def _pure_values(
    groups: dict[str, np.ndarray], y: np.ndarray, outcome: int
) -> list[tuple[str, float, int]]:
    """Values whose rows almost all had ``outcome``: (value, its rate, rows of the outcome),
    largest first."""
    other_rate = float(np.mean(y != outcome))
    out = []
    for label, rows in groups.items():
        if len(rows) < PURE_MIN_ROWS:
            continue
        hits = int(np.sum(y[rows] == outcome))
        if _upper_bound(len(rows) - hits, len(rows)) <= PURE_RATIO * other_rate:
            out.append((label, hits / len(rows), hits))
    return sorted(out, key=lambda item: -item[2])


def _upper_bound(count: int, rows: int) -> float:
    """The Wilson score upper bound (95%, one-sided) of a rate seen as ``count`` of ``rows``:
    a value seen on few rows must be purer to count, so chance does not make it decisive."""
    z = WILSON_Z
    rate = count / rows
    centre = rate + z * z / (2 * rows)
    spread = z * math.sqrt(rate * (1 - rate) / rows + z * z / (4 * rows * rows))
    return (centre + spread) / (1 + z * z / rows)


def _categories(values: Sequence[Any]) -> dict[str, np.ndarray]:
    """Rows of each filled value (missing is judged by the fill rates instead)."""
    rows: dict[str, list[int]] = {}
    for i, value in enumerate(values):
        if value is not None:
            rows.setdefault(str(value), []).append(i)
    return {label: np.asarray(indices) for label, indices in rows.items()}


def _number_bins(values: Sequence[Any]) -> dict[str, np.ndarray]:
    """Rows of each tenth of a number's filled values (ties kept in one bin)."""
    numbers = np.array([math.nan if v is None else float(v) for v in values])
    filled = np.flatnonzero(~np.isnan(numbers))
    if len(filled) == 0:
        return {}
    edges = np.unique(np.quantile(numbers[filled], np.linspace(0, 1, NUMBER_BINS + 1)))
    bins = np.clip(np.searchsorted(edges, numbers[filled], side="right") - 1, 0, len(edges) - 2)
    out = {}
    for b in np.unique(bins):
        members = filled[bins == b]
        low, high = numbers[members].min(), numbers[members].max()
        out[f"{low:g} to {high:g}" if low != high else f"{low:g}"] = members
    return out


# --- words -----------------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.split(r"[^a-z]+", text.casefold())).strip()


def _has(text: str, words: Sequence[str]) -> list[str]:
    folded = f" {_words(text)} "
    return [word for word in words if f" {word} " in folded]


def outcome_words_in_name(name: str) -> list[str]:
    """The outcome or after-contact words a column's name holds ("Lead Quality": quality)."""
    return _has(name, OUTCOME_WORDS + AFTER_CONTACT_NAME_WORDS)


def named_like_an_outcome(columns: Sequence[str]) -> list[str]:
    """Columns whose name suggests a value written once the outcome is known."""
    return [name for name in columns if outcome_words_in_name(name)]


def _values_with_outcome_words(values: Sequence[Any]) -> list[str]:
    """The column's values speaking of an outcome, the most frequent first."""
    counts = Counter(str(v) for v in values if v is not None)
    return [value for value, _ in counts.most_common() if _has(value, OUTCOME_WORDS)]


# --- one column alone ------------------------------------------------------------------------


def single_column_auc(values: Sequence[Any], kind: Kind, y: np.ndarray, seed: int = 0) -> float:
    """How well one column alone ranks the outcome (0.5..1, direction ignored)."""
    if len(set(y.tolist())) < 2:
        return 0.5
    if kind == "number":
        numbers = np.array([math.nan if v is None else float(v) for v in values])
        missing = np.isnan(numbers)
        score = np.where(missing, np.nanmin(numbers) - 1 if (~missing).any() else 0, numbers)
    else:
        score = _out_of_fold_rates([MISSING if v is None else str(v) for v in values], y, seed)
    auc = float(roc_auc_score(y, score))
    return max(auc, 1 - auc)


def _out_of_fold_rates(values: list[str], y: np.ndarray, seed: int, folds: int = 5) -> np.ndarray:
    """Each row's category scored by its outcome rate in the other folds."""
    rng = np.random.default_rng(seed)
    fold_of = rng.integers(0, folds, size=len(values))
    prior = float(y.mean())
    out = np.empty(len(values))
    for fold in range(folds):
        inside = fold_of == fold
        totals: dict[str, list[float]] = {}
        for value, outcome, held in zip(values, y, inside, strict=True):
            if not held:
                entry = totals.setdefault(value, [0.0, 0.0])
                entry[0] += outcome
                entry[1] += 1
        for i in np.flatnonzero(inside):
            hits, count = totals.get(values[i], [0.0, 0.0])
            out[i] = (hits + prior * 5) / (count + 5)  # shrunk toward the overall rate
    return out
