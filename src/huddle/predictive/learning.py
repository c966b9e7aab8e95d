"""The learning itself, on a table of features: no database, no files.

A ``Table`` holds one row per example (a contact as of its cut-off, or a CSV row) with each
column's values already cleaned (``None`` for missing), its kind (number or category), the
label (reached the target or not) and the rows' time order (the cut-offs).

``train`` builds a scikit-learn pipeline (one-hot categories with an explicit "(missing)"
value; numbers on a signed log scale with a missing indicator), chooses the regularisation
(logistic) or the tree settings (boosted) by time-aware cross-validation (``TimeSeriesSplit``
on the rows in cut-off order: a fold is always scored on rows later than those it was fitted
on), then calibrates the probabilities on the most recent slice of the training rows
(``CalibratedClassifierCV``, sigmoid). Every random choice takes ``seed``: the same rows give
the same model.

Classes are weighted (``balanced``): a rare outcome still shapes the fit, and the calibration
turns the weighted scores back into honest probabilities (measured by the Brier score).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.frozen import FrozenEstimator
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve
from sklearn.model_selection import GridSearchCV, StratifiedKFold, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

from huddle.predictive import Algorithm

Kind = Literal["number", "category"]
MISSING = "(missing)"
# The share of the training rows (the latest) kept apart to calibrate the probabilities.
CALIBRATION_SHARE = 0.2
CV_SPLITS = 4
GRIDS: dict[Algorithm, dict[str, list[Any]]] = {
    "logistic": {"model__C": [0.01, 0.1, 1.0]},
    "boosted": {"model__max_leaf_nodes": [7, 31]},
}


class LearningError(ValueError):
    """Rows that cannot train a model (one class only, too few rows); said in words."""


@dataclass
class Table:
    """Examples in time order (oldest first): cleaned values per column, label 0/1."""

    columns: dict[str, list[Any]]
    kinds: dict[str, Kind]
    label: list[int]

    def __len__(self) -> int:
        return len(self.label)

    def rows(self, indices: Sequence[int] | np.ndarray) -> Table:
        return Table(
            {name: [values[i] for i in indices] for name, values in self.columns.items()},
            dict(self.kinds),
            [self.label[i] for i in indices],
        )

    def without(self, names: Sequence[str]) -> Table:
        gone = set(names)
        kept = {name: values for name, values in self.columns.items() if name not in gone}
        return Table(kept, {n: k for n, k in self.kinds.items() if n not in gone}, self.label)

    def matrix(self) -> np.ndarray:
        """The columns as one object array (rows x columns), ``None`` as NaN or MISSING."""
        out = np.empty((len(self), len(self.columns)), dtype=object)
        for j, (name, values) in enumerate(self.columns.items()):
            if self.kinds[name] == "number":
                out[:, j] = [math.nan if v is None else float(v) for v in values]
            else:
                out[:, j] = [MISSING if v is None else str(v) for v in values]
        return out


def signed_log(values: np.ndarray) -> np.ndarray:
    """log(1 + |x|) with x's sign: counts, durations and money have long tails that a linear
    model reads better on a log scale."""
    numbers = np.asarray(values, dtype=float)
    return np.sign(numbers) * np.log1p(np.abs(numbers))


def _preprocessor(table: Table, *, dense: bool) -> ColumnTransformer:
    names = list(table.columns)
    numbers = [i for i, n in enumerate(names) if table.kinds[n] == "number"]
    categories = [i for i, n in enumerate(names) if table.kinds[n] == "category"]
    number_steps = Pipeline(
        [
            (
                "impute",
                SimpleImputer(strategy="median", add_indicator=True, keep_empty_features=True),
            ),
            ("log", FunctionTransformer(signed_log, feature_names_out="one-to-one")),
            ("scale", StandardScaler()),
        ]
    )
    encoder = OneHotEncoder(
        handle_unknown="infrequent_if_exist",
        min_frequency=10,
        max_categories=40,
        sparse_output=not dense,
    )
    return ColumnTransformer(
        [("number", number_steps, numbers), ("category", encoder, categories)],
        verbose_feature_names_out=False,
    )


def _estimator(algorithm: Algorithm, seed: int) -> BaseEstimator:
    if algorithm == "logistic":
        # Newton-Cholesky: exact and fast while rows far outnumber the features.
        return LogisticRegression(
            class_weight="balanced", solver="newton-cholesky", max_iter=200, random_state=seed
        )
    return HistGradientBoostingClassifier(
        class_weight="balanced",
        learning_rate=0.1,
        max_iter=100,
        early_stopping=False,
        random_state=seed,
    )


@dataclass
class Trained:
    """A fitted model: the pipeline (for explanations), its calibrated form (for
    probabilities), the columns it reads and how it was chosen."""

    algorithm: Algorithm
    columns: list[str]
    kinds: dict[str, Kind]
    pipeline: Pipeline
    calibrated: CalibratedClassifierCV
    params: dict[str, Any]
    cv_auc: float
    seed: int
    rows: int
    feature_names: list[str] = field(default_factory=list)
    # Each column's typical training value (median number, most common category, None when
    # never filled): what a feature is replaced by to measure its effect (boosted model).
    baseline: dict[str, Any] = field(default_factory=dict)

    def _aligned(self, table: Table) -> np.ndarray:
        values = {name: table.columns.get(name, [None] * len(table)) for name in self.columns}
        return Table(values, self.kinds, table.label).matrix()

    def probabilities(self, table: Table) -> np.ndarray:
        """Calibrated probability of the outcome for each row."""
        with threadpool_limits(1):
            return np.asarray(self.calibrated.predict_proba(self._aligned(table))[:, 1])

    def raw_probabilities(self, table: Table) -> np.ndarray:
        """The pipeline's own (uncalibrated, class-weighted) probability."""
        with threadpool_limits(1):
            return np.asarray(self.pipeline.predict_proba(self._aligned(table))[:, 1])

    def explain(self, table: Table, row: int) -> Explanation:
        """The factors pushing one row's probability up and down: linear for the logistic
        model, by replacement for the boosted one."""
        if self.algorithm == "logistic":
            return self._linear_factors(table, row)
        if not self.baseline:  # a model stored before baselines were kept
            raise LearningError("This model was trained without baselines: train it again.")
        return self._replacement_factors(table, row)

    def _replacement_factors(self, table: Table, row: int) -> Explanation:
        """Model-agnostic: each column in turn replaced by its training baseline; the
        factor is how much the calibrated probability drops (or rises) without the row's
        own value. One prediction call for all the variants."""
        one = table.rows([row])
        own = {name: one.columns.get(name, [None])[0] for name in self.columns}
        variants = [own] + [own | {name: self.baseline.get(name)} for name in self.columns]
        batch = Table(
            {name: [v[name] for v in variants] for name in self.columns},
            self.kinds,
            [0] * len(variants),
        )
        probabilities = self.probabilities(batch)
        probability = float(probabilities[0])
        factors = [
            Factor(name, math.nan, probability - float(without), _shown(own[name]))
            for name, without in zip(self.columns, probabilities[1:], strict=True)
            if abs(probability - float(without)) > 1e-9
        ]
        factors.sort(key=lambda f: abs(f.contribution), reverse=True)
        return Explanation(0.0, math.nan, probability, factors, method="replacement")

    def _linear_factors(self, table: Table, row: int) -> Explanation:
        """The linear model's factors for one row: coefficient x feature value, whose sum
        with the intercept is the model's logit; the calibration maps that logit to the
        probability (a straight line on the log-odds scale, so the factors' order and signs
        hold for the probability too)."""
        preprocess = self.pipeline.named_steps["prepare"]
        model: LogisticRegression = self.pipeline.named_steps["model"]
        features = preprocess.transform(self._aligned(table.rows([row])))
        values = np.asarray(features.todense() if hasattr(features, "todense") else features)
        contributions = model.coef_[0] * values[0]
        factors = [
            Factor(name, float(value), float(contribution))
            for name, value, contribution in zip(
                self.feature_names, values[0], contributions, strict=True
            )
            if contribution != 0.0
        ]
        factors.sort(key=lambda f: abs(f.contribution), reverse=True)
        intercept = float(model.intercept_[0])
        logit = intercept + float(np.sum(contributions))
        probability = float(self.probabilities(table.rows([row]))[0])
        return Explanation(intercept, logit, probability, factors)


def _shown(value: Any) -> str:
    """A row's own value as the words show it (MISSING when empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def baselines(table: Table) -> dict[str, Any]:
    """Each column's typical value: the median of a number column, the most common value of
    a category column (None when the column is never filled)."""
    out: dict[str, Any] = {}
    for name, values in table.columns.items():
        filled = [v for v in values if v is not None]
        if not filled:
            out[name] = None
        elif table.kinds[name] == "number":
            out[name] = float(np.median(np.asarray(filled, dtype=float)))
        else:
            counts: dict[str, int] = {}
            for value in filled:
                counts[str(value)] = counts.get(str(value), 0) + 1
            out[name] = max(sorted(counts), key=lambda v: counts[v])
    return out


@dataclass(frozen=True)
class Factor:
    feature: str
    value: float
    # Linear: coefficient x value (log-odds). Replacement: the probability's change.
    contribution: float
    # Replacement factors: the row's own value of the column, as shown in words.
    shown: str | None = None


def factor_words(factor: Factor, columns: Sequence[str]) -> str:
    """A factor in words: "industry is Software", "employees unknown", "more
    touches.page_view.7d than usual" (linear numbers are on a standardised scale: above or
    below the training rows' average); a replacement factor names the row's own value
    ("employees is 5")."""
    name = factor.feature
    if factor.shown is not None:
        return f"{name} unknown" if factor.shown == MISSING else f"{name} is {factor.shown}"
    if name.startswith("missingindicator_"):
        return f"{name.removeprefix('missingindicator_')} unknown"
    if name in columns:
        return f"{'more' if factor.value > 0 else 'less'} {name} than usual"
    column = max((c for c in columns if name.startswith(f"{c}_")), key=len, default=None)
    if column is None:
        return name
    value = name.removeprefix(f"{column}_")
    if value == "infrequent_sklearn":
        return f"{column} is a rare value"
    if value == MISSING:
        return f"{column} unknown"
    return f"{column} is {value}"


@dataclass(frozen=True)
class Explanation:
    intercept: float
    logit: float  # NaN for replacement factors (they are in probability, not log-odds)
    probability: float
    factors: list[Factor]
    method: Literal["linear", "replacement"] = "linear"


# How many factors each side of the sentence names.
WORDS_SHOWN = 3


def explanation_in_words(explanation: Explanation, columns: Sequence[str]) -> str:
    """ "More likely to convert mainly because: industry is Software (+), visits is 3 (+);
    less because: employees is 5 (-)." """
    up = [f for f in explanation.factors if f.contribution > 0][:WORDS_SHOWN]
    down = [f for f in explanation.factors if f.contribution < 0][:WORDS_SHOWN]
    parts = []
    if up:
        reasons = ", ".join(f"{factor_words(f, columns)} (+)" for f in up)
        parts.append(f"More likely to convert mainly because: {reasons}")
    if down:
        reasons = ", ".join(f"{factor_words(f, columns)} (-)" for f in down)
        parts.append(f"{'less' if up else 'Less likely to convert'} because: {reasons}")
    return "; ".join(parts) + "." if parts else "No factor moves this probability."


def train(
    table: Table,
    *,
    algorithm: Algorithm = "logistic",
    seed: int = 0,
    by_time: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Trained:
    """Fit, choose settings by cross-validation and calibrate.

    ``by_time``: the rows are in time order (contacts by cut-off, a file with a time
    column): folds are ``TimeSeriesSplit`` (fitted on the past, scored on what followed)
    and the calibration slice is the latest rows. Otherwise (a file whose rows carry no
    time) stratified shuffled folds and a stratified random calibration slice, with
    ``seed``. ``progress`` is told each stage (the CLI's progress bar)."""
    _check_trainable(table)
    tell = progress or (lambda step: None)
    x, y = table.matrix(), np.asarray(table.label)
    pipeline = Pipeline(
        [
            ("prepare", _preprocessor(table, dense=algorithm == "boosted")),
            ("model", _estimator(algorithm, seed)),
        ]
    )
    fit_rows, calibration_rows = held_out_split(
        table, share=CALIBRATION_SHARE, by_time=by_time, seed=seed
    )
    folds = (
        TimeSeriesSplit(CV_SPLITS)
        if by_time
        else StratifiedKFold(CV_SPLITS, shuffle=True, random_state=seed)
    )
    # One thread: the machine's cores are better spent on the web server and the worker,
    # and numerical libraries that each start a thread per core thrash on a shared host.
    with threadpool_limits(1):
        tell("choosing settings by cross-validation")
        search = GridSearchCV(pipeline, GRIDS[algorithm], cv=folds, scoring="roc_auc", n_jobs=1)
        search.fit(x[fit_rows], y[fit_rows])
        tell("fitting on the training rows")
        chosen: Pipeline = clone(pipeline).set_params(**search.best_params_)
        chosen.fit(x[fit_rows], y[fit_rows])
        tell("calibrating the probabilities")
        calibrated = CalibratedClassifierCV(FrozenEstimator(chosen), method="sigmoid")
        calibrated.fit(x[calibration_rows], y[calibration_rows])
    names = [
        _named(str(n), list(table.columns))
        for n in chosen.named_steps["prepare"].get_feature_names_out()
    ]
    return Trained(
        algorithm=algorithm,
        columns=list(table.columns),
        kinds=dict(table.kinds),
        pipeline=chosen,
        calibrated=calibrated,
        params={k.removeprefix("model__"): v for k, v in search.best_params_.items()},
        cv_auc=float(search.best_score_),
        seed=seed,
        rows=len(table),
        feature_names=names,
        baseline=baselines(table.rows(fit_rows)),
    )


def uninformative(table: Table) -> dict[str, str]:
    """Columns that cannot inform a model (never filled, or one value only), with why."""
    out = {}
    for name, values in table.columns.items():
        filled = {value for value in values if value is not None}
        if len(filled) <= 1:
            out[name] = "one value only" if filled else "always empty"
    return out


# The transformer reads columns by position and names its outputs after them: x3,
# missingindicator_x3, x1_Retail (a category).
_POSITIONAL = re.compile(r"(missingindicator_)?x(\d+)(_.*)?", re.DOTALL)


def _named(output: str, columns: list[str]) -> str:
    """An output feature's name with its column's name: industry_Retail."""
    found = _POSITIONAL.fullmatch(output)
    if found is None:
        return output
    prefix, index, rest = found.groups()
    return f"{prefix or ''}{columns[int(index)]}{rest or ''}"


def _check_trainable(table: Table) -> None:
    positives = sum(table.label)
    if len(table) < 50:
        raise LearningError(f"{len(table)} examples: at least 50 are needed to train.")
    if positives < 10 or len(table) - positives < 10:
        raise LearningError(
            f"{positives} of {len(table)} examples reached the outcome: at least 10 of each "
            "outcome are needed to train."
        )
    if not table.columns:
        raise LearningError("No feature is left to learn from.")


# --- measuring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Metrics:
    rows: int
    positives: int
    roc_auc: float
    pr_auc: float
    brier: float
    threshold: float
    precision: float
    recall: float
    # Outcome rate of each tenth of the rows, best scored first, over the overall rate.
    lift: list[float]
    # (mean predicted, observed rate, rows) per probability bin.
    calibration: list[tuple[float, float, int]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "positives": self.positives,
            "roc_auc": self.roc_auc,
            "pr_auc": self.pr_auc,
            "brier": self.brier,
            "threshold": self.threshold,
            "precision": self.precision,
            "recall": self.recall,
            "lift": self.lift,
            "calibration": [list(b) for b in self.calibration],
        }


def measure(label: Sequence[int], probability: np.ndarray, *, threshold: float = 0.5) -> Metrics:
    y = np.asarray(label)
    p = np.asarray(probability, dtype=float)
    chosen = p >= threshold
    true_positives = int(np.sum(chosen & (y == 1)))
    return Metrics(
        rows=len(y),
        positives=int(y.sum()),
        roc_auc=float(roc_auc_score(y, p)),
        pr_auc=float(average_precision_score(y, p)),
        brier=float(brier_score_loss(y, p)),
        threshold=threshold,
        precision=true_positives / int(chosen.sum()) if chosen.any() else 0.0,
        recall=true_positives / int(y.sum()) if y.any() else 0.0,
        lift=lift_by_decile(y, p),
        calibration=calibration_bins(y, p),
    )


def lift_by_decile(y: np.ndarray, p: np.ndarray) -> list[float]:
    """Outcome rate in each tenth of the rows (highest score first) / overall rate. Rows
    with the same score count at their group's rate: which of them lands in which tenth is
    arbitrary (a rule model gives many leads the same points), so each tenth gets what it
    would have on average over the orders of the ties. Without ties, the rows' own rates."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    _, group, counts = np.unique(p, return_inverse=True, return_counts=True)
    group_rate = np.bincount(group, weights=y) / counts
    order = np.argsort(-p, kind="stable")
    base = float(y.mean()) or 1.0
    rates = group_rate[group]
    return [
        float(rates[part].mean()) / base if len(part) else 0.0 for part in np.array_split(order, 10)
    ]


@dataclass(frozen=True)
class Separation:
    """How well scores (any scale: points or probabilities) rank the outcome: ROC AUC, PR
    AUC (average precision), lift by decile, the ROC curve, and at a threshold (scores at or
    above it chosen) how many were chosen, their precision and the recall."""

    roc_auc: float
    pr_auc: float
    lift: list[float]
    roc: list[tuple[float, float]]
    chosen: int
    precision: float | None
    recall: float | None


def separation(
    label: Sequence[int], scores: Sequence[float], threshold: float | None
) -> Separation:
    """``label`` must hold both outcomes. Ties count half in the AUC (the usual convention):
    a model giving many leads the same points is not credited with an order it lacks.
    Precision is None when no lead reaches the threshold, and both are None without one."""
    y = np.asarray(label)
    p = np.asarray(scores, dtype=float)
    chosen = p >= threshold if threshold is not None else np.zeros(len(y), dtype=bool)
    hits = int(np.sum(chosen & (y == 1)))
    return Separation(
        roc_auc=float(roc_auc_score(y, p)),
        pr_auc=float(average_precision_score(y, p)),
        lift=lift_by_decile(y, p),
        roc=roc_points(y, p),
        chosen=int(chosen.sum()),
        precision=hits / int(chosen.sum()) if chosen.any() else None,
        recall=hits / int(y.sum()) if threshold is not None else None,
    )


def roc_points(y: np.ndarray, p: np.ndarray, most: int = 60) -> list[tuple[float, float]]:
    """The ROC curve (false positive rate, true positive rate) from (0, 0) to (1, 1), thinned
    to at most ``most`` points (enough to draw it)."""
    fpr, tpr, _ = roc_curve(y, p)
    keep = np.unique(np.linspace(0, len(fpr) - 1, min(most, len(fpr))).round().astype(int))
    return [(round(float(fpr[i]), 4), round(float(tpr[i]), 4)) for i in keep]


def calibration_bins(
    y: np.ndarray, p: np.ndarray, bins: int = 10
) -> list[tuple[float, float, int]]:
    """Predicted against observed, in equal-width probability bins (empty ones left out)."""
    edges = np.minimum((p * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        inside = edges == b
        if inside.any():
            out.append((float(p[inside].mean()), float(y[inside].mean()), int(inside.sum())))
    return out


def held_out_split(
    table: Table, *, share: float = 0.2, by_time: bool = True, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Train and held-out row indices. By time: the latest ``share`` of the rows is held
    out (honest for scoring tomorrow's leads). Otherwise a stratified random draw with
    ``seed`` (for a file whose rows carry no time), the training rows kept in file order."""
    n = len(table)
    if by_time:
        cut = int(n * (1 - share))
        return np.arange(cut), np.arange(cut, n)
    rng = np.random.default_rng(seed)
    y = np.asarray(table.label)
    held: list[int] = []
    for value in (0, 1):
        members = np.flatnonzero(y == value)
        held.extend(rng.choice(members, size=round(len(members) * share), replace=False))
    held_mask = np.zeros(n, dtype=bool)
    held_mask[held] = True
    return np.flatnonzero(~held_mask), np.flatnonzero(held_mask)
