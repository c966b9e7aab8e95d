"""Predictive scoring's rules: train a model (from Huddle's records or a CSV export), keep
it as a version with its held-out figures, activate one (its probabilities become a score
model, rescored in the background), explain a contact's probability."""

from __future__ import annotations

import hashlib
import hmac
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, FieldError, ResourceNotFound, ValidationFailed
from huddle.core.jobs import enqueue
from huddle.core.permissions import Action, require
from huddle.core.settings import get_settings
from huddle.predictive import (
    DEFAULT_HORIZON_DAYS,
    RESCORE_JOB,
    discovery,
    features,
    learning,
    repository,
    suggesting,
)
from huddle.predictive.leaks import Leak, find_leaks, outcome_words_in_name
from huddle.predictive.learning import (
    Algorithm,
    Explanation,
    Factor,
    LearningError,
    Metrics,
    Table,
    Trained,
    held_out_split,
    measure,
    train,
    uninformative,
)
from huddle.predictive.models import ModelVersion
from huddle.predictive.tabular import LoadedCsv, is_placeholder, load_table
from huddle.scoring import service as scoring_service
from huddle.scoring.schemas import OutcomeFigures, ScoreModelWrite

if TYPE_CHECKING:
    from huddle.scoring.models import ScoreModel

# A target stage counts as reached when the contact moved to it or past it.
TARGETS: dict[str, tuple[str, ...]] = {
    "sql": ("sql", "opportunity", "customer"),
    "customer": ("customer",),
}
RESCORE_CHUNK = 2000
SCORE_MODEL_NAME = "Predicted conversion"
RECORDS = "records"
Progress = Callable[[str], None]


@dataclass
class Outcome:
    """A training's result: the fitted model, its held-out figures (calibrated, and the
    uncalibrated Brier for comparison), the columns left out with why (``leaks``: excluded
    as leaking, unless the user's ``include`` keeps them: ``included``) and those kept
    although suspicious (``suspicious``)."""

    trained: Trained
    metrics: Metrics
    uncalibrated_brier: float
    leaks: list[Leak]
    set_aside: dict[str, str]
    included: list[str]
    suspicious: list[Leak]


def fit_and_measure(
    table: Table,
    *,
    algorithm: Algorithm = "logistic",
    by_time: bool = True,
    include: Sequence[str] = (),
    set_aside: dict[str, str] | None = None,
    seed: int = 0,
    threshold: float = 0.5,
    progress: Progress | None = None,
) -> Outcome:
    """Leaking columns out (unless in ``include``; suspicious ones stay), train on the rows
    before the held-out ones (the latest fifth by time, or a stratified fifth drawn with
    ``seed``), measure on those."""
    tell = progress or (lambda step: None)
    set_aside = dict(set_aside or {})
    empty = uninformative(table)
    set_aside |= empty
    table = table.without(list(empty))
    tell("checking the columns for leaks")
    flagged = find_leaks(table)
    leaks = [leak for leak in flagged if leak.excluded and leak.column not in include]
    suspicious = [leak for leak in flagged if not leak.excluded]
    table = table.without([leak.column for leak in leaks])
    fitted_rows, held_rows = held_out_split(table, by_time=by_time, seed=seed)
    trained = train(
        table.rows(fitted_rows), algorithm=algorithm, seed=seed, by_time=by_time, progress=tell
    )
    tell("measuring on the held-out rows")
    held = table.rows(held_rows)
    metrics = measure(held.label, trained.probabilities(held), threshold=threshold)
    raw = measure(held.label, trained.raw_probabilities(held), threshold=threshold)
    return Outcome(
        trained,
        metrics,
        raw.brier,
        leaks,
        set_aside,
        [name for name in include if name in table.columns],
        suspicious,
    )


# --- training data from the record -----------------------------------------------------------


# A target naming a custom field: the outcome a history import brought ("custom.converted").
FIELD_TARGET = "custom."
# Contacts created within this span carry no time order (one import): their held-out fifth
# is drawn at random, stratified, as for a file.
NO_TIME_ORDER = timedelta(days=1)


@dataclass
class RecordsTable:
    """Training rows read from the record: the table, the contacts (in its row order), the
    columns set aside, the stored target's words, and whether the rows are in time order."""

    table: Table
    rows: list[features.ContactFacts]
    set_aside: dict[str, str]
    target: str
    by_time: bool


def records_table(
    session: Session,
    *,
    target: str,
    horizon_days: int,
    positive: str | None = None,
    as_of: datetime | None = None,
) -> RecordsTable:
    """One row per contact whose outcome is known, as of its cut-off, oldest first. The
    outcome: reaching a stage (``sql``, ``customer``) within the horizon, or the value of a
    custom field (``custom.<key>``: a history import's outcome column)."""
    if target.startswith(FIELD_TARGET):
        return _field_target_table(session, target, positive)
    if target not in TARGETS:
        raise ValidationFailed(
            f"target must be one of {', '.join(TARGETS)} or {FIELD_TARGET}<a custom field>"
        )
    now = as_of or clock.now()
    facts = repository.contact_facts(session, targets=TARGETS[target])
    rows, label = features.labelled(facts, horizon=timedelta(days=horizon_days), as_of=now)
    if not any(label):
        raise ValidationFailed(_nobody_reached(target, horizon_days, facts))
    table, set_aside = _features_of(session, rows, label)
    return RecordsTable(table, rows, set_aside, target, by_time=True)


def _nobody_reached(target: str, horizon_days: int, facts: list[features.ContactFacts]) -> str:
    """Why there is nothing to learn, and the custom fields that may hold the outcome (an
    imported "Converted" column)."""
    keys = sorted({key for f in facts for key in f.custom if not key.startswith("account.")})
    named = [key for key in keys if outcome_words_in_name(key.replace("_", " "))]
    message = (
        f"no contact is known to have reached {target.upper()} within {horizon_days} days of "
        "entering Lead: nothing to learn from"
    )
    if named:
        hints = " or ".join(f"--target {FIELD_TARGET}{key}" for key in named[:3])
        message += f"; if a custom field holds the outcome, train on it: {hints}"
    return message


def _features_of(
    session: Session, rows: list[features.ContactFacts], label: list[int]
) -> tuple[Table, dict[str, str]]:
    touches = list(repository.touches_before(session, rows))
    return features.feature_table(
        rows, touches, touch_types=features.common_touch_types(touches), label=label
    )


def _field_target_table(session: Session, target: str, positive: str | None) -> RecordsTable:
    """Rows labelled by a custom field; the field itself is never a feature."""
    key = target.removeprefix(FIELD_TARGET)
    facts = repository.contact_facts(session, targets=())
    if not any(key in f.custom for f in facts):
        raise ValidationFailed(f"no contact has a value in the custom field '{key}'")
    try:
        rows, label, chosen = features.labelled_by_field(facts, key=key, positive=positive)
    except LearningError as exc:
        raise ValidationFailed(f"{target}: {exc}") from exc
    table, set_aside = _features_of(session, rows, label)
    table = table.without([target])
    set_aside = {target: "the target"} | {k: v for k, v in set_aside.items() if k != target}
    cutoffs = [f.cutoff for f in rows]
    by_time = bool(cutoffs) and max(cutoffs) - min(cutoffs) > NO_TIME_ORDER
    return RecordsTable(table, rows, set_aside, f"{target} = {chosen}", by_time)


def train_from_records(
    session: Session,
    *,
    actor: Actor,
    target: str = "sql",
    algorithm: Algorithm = "logistic",
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    include: Sequence[str] = (),
    positive: str | None = None,
    seed: int = 0,
    progress: Progress | None = None,
) -> ModelVersion:
    """Train on the contacts' history and store the version (not active)."""
    require(actor, Action.SCORING_EDIT)
    (progress or (lambda step: None))("reading the contacts' history")
    read = records_table(session, target=target, horizon_days=horizon_days, positive=positive)
    outcome = _fitted(
        read.table,
        algorithm=algorithm,
        include=include,
        set_aside=read.set_aside,
        seed=seed,
        progress=progress,
        by_time=read.by_time,
    )
    cutoffs = [facts.cutoff for facts in read.rows]
    by_stage = not target.startswith(FIELD_TARGET)
    return _store(
        session,
        outcome,
        target=read.target,
        horizon_days=horizon_days if by_stage else None,
        source=RECORDS,
        window=(min(cutoffs), max(cutoffs)),
        actor=actor,
    )


def load_csv(
    path: Path, *, target: str, positive: str | None = None, exclude: Sequence[str] = ()
) -> LoadedCsv:
    try:
        return load_table(path, target=target, positive=positive, exclude=exclude)
    except LearningError as exc:
        raise ValidationFailed(str(exc)) from exc


def train_from_csv(
    session: Session,
    loaded: LoadedCsv,
    *,
    actor: Actor,
    name: str,
    algorithm: Algorithm = "logistic",
    include: Sequence[str] = (),
    seed: int = 0,
    progress: Progress | None = None,
) -> ModelVersion:
    """Train on another system's export (rows in file order; the held-out fifth drawn at
    random, stratified) and store the version. It documents the file's history; only a
    model trained on Huddle's records can score contacts."""
    require(actor, Action.SCORING_EDIT)
    outcome = _fitted(
        loaded.table,
        algorithm=algorithm,
        include=include,
        set_aside=loaded.set_aside,
        seed=seed,
        progress=progress,
        by_time=False,
    )
    return _store(
        session,
        outcome,
        target=f"{loaded.target} = {loaded.positive}",
        horizon_days=None,
        source=f"csv:{name}"[:300],
        window=None,
        actor=actor,
    )


def _fitted(table: Table, **options: Any) -> Outcome:
    try:
        return fit_and_measure(table, **options)
    except LearningError as exc:
        raise ValidationFailed(str(exc)) from exc


# --- versions --------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    key = get_settings().secret_key.encode()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def _store(
    session: Session,
    outcome: Outcome,
    *,
    target: str,
    horizon_days: int | None,
    source: str,
    window: tuple[datetime, datetime] | None,
    actor: Actor,
) -> ModelVersion:
    data = pickle.dumps(outcome.trained, protocol=pickle.HIGHEST_PROTOCOL)
    trained = outcome.trained
    version = ModelVersion(
        algorithm=trained.algorithm,
        target=target,
        horizon_days=horizon_days,
        source=source,
        window_from=window[0] if window else None,
        window_until=window[1] if window else None,
        rows=trained.rows,
        seed=trained.seed,
        params=_plain(trained.params),
        metrics=outcome.metrics.as_dict()
        | {"cv_roc_auc": trained.cv_auc, "uncalibrated_brier": outcome.uncalibrated_brier},
        columns={
            "features": trained.columns,
            "set_aside": outcome.set_aside,
            "leaks": {leak.column: leak.reason for leak in outcome.leaks},
            "suspicious": {leak.column: leak.reason for leak in outcome.suspicious},
            "included": outcome.included,
        },
        model_bytes=data,
        digest=_digest(data),
        is_active=False,
        created_by=actor.user_id,
    )
    session.add(version)
    session.flush()
    return version


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v.item() if isinstance(v, np.generic) else v for k, v in params.items()}


def load_model(version: ModelVersion) -> Trained:
    """The fitted model of a version. Unpickling runs code, so only bytes Huddle wrote (their
    HMAC with the instance's key matches) are loaded."""
    if not hmac.compare_digest(_digest(version.model_bytes), version.digest):
        raise Conflict(
            f"model version {version.id} was not written by this instance (its signature "
            "does not match): it is not loaded"
        )
    trained = pickle.loads(version.model_bytes)  # noqa: S301 - signed by us, checked above
    if not isinstance(trained, Trained):
        raise Conflict(f"model version {version.id} holds no model")
    return trained


def list_versions(session: Session) -> list[ModelVersion]:
    return repository.list_versions(session)


def get_version(session: Session, version_id: int) -> ModelVersion:
    version = repository.get_version(session, version_id)
    if version is None:
        raise ResourceNotFound(f"no model version {version_id}")
    return version


def active_version(session: Session) -> ModelVersion | None:
    return repository.active_version(session)


def activate(session: Session, version_id: int, *, actor: Actor) -> ModelVersion:
    """Make this version the one that scores contacts: its probabilities (in percent) are
    the values of the "Predicted conversion" score model, every contact rescored by a
    background job."""
    require(actor, Action.SCORING_EDIT)
    version = get_version(session, version_id)
    if version.source != RECORDS:
        raise Conflict(
            "a model trained on a file reads that file's columns, not contacts: train one on "
            "Huddle's records (huddle model train) to score contacts"
        )
    load_model(version)  # refuse now, not in the job, a model that cannot be loaded
    repository.deactivate_all(session)
    version.is_active = True
    model = scoring_service.predicted_score_model(
        session,
        name=SCORE_MODEL_NAME,
        description=f"Probability (%) of {_target_words(version)}, model version "
        f"{version.id} ({version.algorithm})",
    )
    version.score_model_id = model.id
    session.flush()
    enqueue(session, RESCORE_JOB, {"version_id": version.id, "after_id": 0})
    return version


def _target_words(version: ModelVersion) -> str:
    if version.horizon_days is None:
        return version.target  # a custom field's outcome: "custom.converted = 1"
    return f"reaching {version.target.upper()} within {version.horizon_days} days"


def rescore_chunk(session: Session, version_id: int, after_id: int) -> int | None:
    """Score the next chunk of contacts (ids above ``after_id``) with the version, if it is
    still the active one. Returns where the next chunk starts, or None when done."""
    version = repository.get_version(session, version_id)
    if version is None or not version.is_active or version.score_model_id is None:
        return None
    trained = load_model(version)
    now = clock.now()
    facts = repository.contact_facts(
        session, targets=(), as_of=now, after_id=after_id, limit=RESCORE_CHUNK
    )
    if not facts:
        return None
    probabilities = _predict(session, trained, facts)
    values = {
        f.contact_id: round(float(p) * 100, 2) for f, p in zip(facts, probabilities, strict=True)
    }
    scoring_service.write_predicted_scores(session, version.score_model_id, values, as_of=now)
    return facts[-1].contact_id if len(facts) == RESCORE_CHUNK else None


def _predict(session: Session, trained: Trained, facts: list[features.ContactFacts]) -> np.ndarray:
    return trained.probabilities(_scoring_table(session, trained, facts))


def _scoring_table(session: Session, trained: Trained, facts: list[features.ContactFacts]) -> Table:
    touches = list(repository.touches_before(session, facts))
    table, _ = features.feature_table(
        facts, touches, touch_types=features.touch_types_in(trained.columns)
    )
    return table


@dataclass(frozen=True)
class ContactPrediction:
    version: ModelVersion
    probability: float
    explanation: Explanation | None  # None: a boosted model stored without baselines
    columns: list[str]

    @property
    def in_words(self) -> str | None:
        """ "More likely to convert mainly because: ... (+); less because: ... (-)." """
        if self.explanation is None:
            return None
        return learning.explanation_in_words(self.explanation, self.columns)


def factor_words(prediction: ContactPrediction, factor: Factor) -> str:
    return learning.factor_words(factor, prediction.columns)


def explain_contact(session: Session, contact_id: int) -> ContactPrediction | None:
    """The active model's probability for the contact as of now and, for the linear model,
    the factors pushing it up and down (they sum, with the intercept, to the logit)."""
    version = repository.active_version(session)
    if version is None:
        return None
    trained = load_model(version)
    facts = repository.contact_facts(
        session, targets=(), as_of=clock.now(), after_id=contact_id - 1, limit=1
    )
    if not facts or facts[0].contact_id != contact_id:
        raise ResourceNotFound(f"no contact {contact_id}")
    table = _scoring_table(session, trained, facts)
    probability = float(trained.probabilities(table)[0])
    try:
        explanation: Explanation | None = trained.explain(table, 0)
    except LearningError:  # a boosted model stored before baselines were kept
        explanation = None
    return ContactPrediction(version, probability, explanation, trained.columns)


def packet_prediction(session: Session, contact_id: int) -> dict[str, Any] | None:
    """The active model's probability and its explanation for the hand-off packet (plain
    data: the packet is a snapshot), or None without an active model."""
    try:
        prediction = explain_contact(session, contact_id)
    except Conflict:  # a stored model this instance did not write: no prediction
        return None
    if prediction is None:
        return None
    factors = prediction.explanation.factors if prediction.explanation else []
    return {
        "probability": round(prediction.probability, 4),
        "target": prediction.version.target,
        "horizon_days": prediction.version.horizon_days,
        "version": prediction.version.id,
        "algorithm": prediction.version.algorithm,
        "in_words": prediction.in_words,
        "up": [factor_words(prediction, f) for f in factors if f.contribution > 0][:4],
        "down": [factor_words(prediction, f) for f in factors if f.contribution < 0][:4],
    }


# --- ICP discovery ---------------------------------------------------------------------------

# Custom field kinds that make segments (a number or a date is not a segment as it is).
SEGMENT_KINDS = ("text", "choice")


def discover_icp(
    session: Session,
    *,
    actor: Actor,
    best_share: float = 0.5,
    min_support: int = 3,
    min_lift: float = 1.5,
) -> discovery.Discovery:
    """The segments over-represented among the best customers (by won value and tenure)
    against all accounts, with lift and support (see ``predictive.discovery``). Those
    who edit scoring read it: it sums won deal values."""
    require(actor, Action.SCORING_EDIT)
    kinds = contacts_service.custom_field_kinds(session)
    keys = [
        name.removeprefix("account.custom.")
        for name, (kind, _) in kinds.items()
        if name.startswith("account.custom.") and kind in SEGMENT_KINDS
    ]
    now = clock.now()
    accounts = [_history(row, keys, now) for row in repository.account_histories(session)]
    return discovery.discover(
        accounts, best_share=best_share, min_support=min_support, min_lift=min_lift
    )


def icp_draft(found: discovery.Discovery) -> list[dict[str, Any]]:
    """The discovery's strongest segments as ICP criteria, to edit and adopt."""
    return discovery.icp_draft(found.segments)


def _history(row: Any, custom_keys: list[str], now: datetime) -> discovery.AccountHistory:
    (account_id, industry, country, region, employees, revenue, custom) = row[:7]
    (won_value, won_at, became_at, customer_now) = row[7:]
    segments = {
        "industry": _segment_text(industry),
        "country": _segment_text(country),
        "region": _segment_text(region),
        "employees": discovery.band_of(employees, discovery.EMPLOYEE_BANDS),
        "revenue": discovery.band_of(revenue, discovery.REVENUE_BANDS),
    }
    for key in custom_keys:
        segments[f"custom.{key}"] = _segment_text((custom or {}).get(key))
    since = min((at for at in (won_at, became_at) if at is not None), default=None)
    return discovery.AccountHistory(
        account_id=account_id,
        segments={name: value for name, value in segments.items() if value is not None},
        is_customer=bool(won_value is not None or became_at is not None or customer_now),
        value=float(won_value or 0.0),
        tenure_days=(now - _utc(since)).total_seconds() / 86400 if since else 0.0,
    )


def _segment_text(value: Any) -> str | None:
    """A filled text value (placeholders such as "N/A" are empty), else None."""
    if not isinstance(value, str) or is_placeholder(value):
        return None
    return value.strip()


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# --- back-tests against outcomes -------------------------------------------------------------


def judge_backtest(
    session: Session,
    model: scoring_service.JudgedModel,
    *,
    target: str,
    horizon_days: int,
    since: datetime,
    until: datetime,
) -> OutcomeFigures:
    """How well ``model`` separated the leads that entered Lead in [since, until] and whose
    outcome is known at ``until`` (reached ``target`` within the horizon, or the horizon
    ended without): each lead scored as of its cut-off, as training labels them."""
    if target not in TARGETS:
        raise ValidationFailed(f"target must be one of {', '.join(TARGETS)}")
    facts = repository.contact_facts(session, targets=TARGETS[target])
    rows, label = features.labelled(facts, horizon=timedelta(days=horizon_days), as_of=until)
    leads = [(f, y) for f, y in zip(rows, label, strict=True) if f.cutoff >= since]
    reached = sum(y for _, y in leads)
    figures = OutcomeFigures(
        model=model.name,
        target=target,
        horizon_days=horizon_days,
        leads=len(leads),
        reached=reached,
        threshold=model.threshold,
    )
    if reached == 0 or reached == len(leads):
        figures.message = (
            f"Not enough outcomes: {reached} of {len(leads)} leads of the window reached "
            f"{target.upper()} within {horizon_days} days. Judging a score needs leads that "
            "did and leads that did not."
        )
        return figures
    scores = _lead_scores(session, model, [f for f, _ in leads])
    if scores is None:
        figures.message = "No predictive model is active: activate one to judge its scores."
        return figures
    measured = learning.separation([y for _, y in leads], scores, model.threshold)
    figures.roc_auc, figures.pr_auc = measured.roc_auc, measured.pr_auc
    figures.lift, figures.roc = measured.lift, measured.roc
    figures.above_threshold = measured.chosen
    figures.precision, figures.recall = measured.precision, measured.recall
    return figures


def _lead_scores(
    session: Session, model: scoring_service.JudgedModel, leads: list[features.ContactFacts]
) -> list[float] | None:
    """Each lead's score as of its cut-off: rule points, or the active predictive model's
    probability in percent (None: no model is active)."""
    if model.scorer is not None:
        points = model.scorer([(f.contact_id, f.cutoff) for f in leads])
        return [points.get(f.contact_id, 0.0) for f in leads]
    version = repository.active_version(session)
    if version is None:
        return None
    trained = load_model(version)
    return [float(p) * 100 for p in _predict(session, trained, leads)]


# --- suggested rules -------------------------------------------------------------------------

# Leads a value must be seen on to be suggested.
MIN_SUPPORT = 30
MAX_SUGGESTIONS = 40
# The category columns a rule can test, with the record fields that hold them (the country
# is the contact's, else its account's).
RULE_FIELDS: dict[str, tuple[str, ...]] = {
    "industry": ("account.industry",),
    "seniority": ("contact.seniority",),
    "department": ("contact.department",),
    "country": ("contact.country", "account.country"),
}


@dataclass(frozen=True)
class Suggestion:
    """One proposed rule and the history behind it."""

    key: str  # "industry=Software": what the adoption form sends back
    evidence: suggesting.Evidence
    points: int
    rule: dict[str, Any]


@dataclass(frozen=True)
class Suggestions:
    basis: str  # where the points come from, in words
    version_id: int | None  # the model whose coefficients gave them (None: the rates)
    leads: int
    reached: int
    target: str
    horizon_days: int
    items: list[Suggestion]


def suggest_rules(
    session: Session,
    *,
    target: str = "sql",
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    min_support: int = MIN_SUPPORT,
) -> Suggestions:
    """Rule points a human can read, edit and adopt: from the active (else the latest)
    logistic model trained on the records, its coefficients; without one, the conversion
    rates by value. Values seen on fewer than ``min_support`` leads are skipped."""
    try:
        table = records_table(session, target=target, horizon_days=horizon_days).table
    except ValidationFailed:  # no lead reached the target: nothing to suggest from
        table = Table({}, {}, [])
    columns = [c for c in table.columns if _rule_fields(c)]
    found = suggesting.evidence(table, columns, min_support=min_support)
    version = _explainable_version(session)
    coefficients = _coefficients(version, columns) if version is not None else None
    items = [
        Suggestion(f"{seen.column}={seen.value}", seen, points, _rule(seen, points))
        for seen, points in zip(found, suggesting.points(found, coefficients), strict=True)
        if suggesting.worth_a_rule(points)
    ]
    items.sort(key=lambda s: (-abs(s.points), s.key))
    basis = (
        f"the coefficients of model v{version.id} (logistic, trained on your records: each "
        "value weighed with the other fields held equal, on the scale of the conversion rates)"
        if version is not None
        else "the conversion rates by value (no logistic model trained on your records yet)"
    )
    return Suggestions(
        basis,
        version.id if version is not None else None,
        len(table),
        sum(table.label),
        target,
        horizon_days,
        _valid(session, items[:MAX_SUGGESTIONS]),
    )


def _rule_fields(column: str) -> tuple[str, ...]:
    if column.startswith("custom.account."):
        return (f"account.custom.{column.removeprefix('custom.account.')}",)
    if column.startswith("custom."):
        return (f"contact.custom.{column.removeprefix('custom.')}",)
    return RULE_FIELDS.get(column, ())


def _explainable_version(session: Session) -> ModelVersion | None:
    """The active model if it is a logistic one trained on the records, else the latest
    such model."""
    candidates = [
        v
        for v in repository.list_versions(session)
        if v.source == RECORDS and v.algorithm == "logistic"
    ]
    active = [v for v in candidates if v.is_active]
    chosen = active or candidates
    return chosen[0] if chosen else None


def _coefficients(version: ModelVersion, columns: list[str]) -> dict[tuple[str, str], float]:
    trained = load_model(version)
    model = trained.pipeline.named_steps["model"]
    return dict(
        suggesting.coefficients_by_value(
            trained.feature_names, [float(c) for c in model.coef_[0]], columns
        )
    )


def _rule(seen: suggesting.Evidence, points: int) -> dict[str, Any]:
    tests = [{"field": name, "op": "eq", "value": seen.value} for name in _rule_fields(seen.column)]
    return {
        "name": f"{seen.column} = {seen.value}"[:120],
        "kind": "fit" if points > 0 else "negative",
        "points": points,
        "when": tests[0] if len(tests) == 1 else {"any": tests},
    }


def _valid(session: Session, items: list[Suggestion]) -> list[Suggestion]:
    """Only rules the scoring domain accepts (a custom key no longer defined as a field is
    dropped rather than proposed and refused on adoption)."""
    errors = scoring_service.check_model_rules(session, [item.rule for item in items])
    wrong = {int(e.field.split(".")[1]) for e in errors if e.field.count(".") >= 1}
    return [item for i, item in enumerate(items) if i not in wrong]


def adopt_suggestions(
    session: Session, keys: Sequence[str], *, name: str, actor: Actor
) -> ScoreModel:
    """A rule model made of the chosen suggestions: a normal model, not primary and named in
    no criteria, so it changes nobody's stage until someone edits and uses it."""
    require(actor, Action.SCORING_EDIT)
    if not name.strip():
        raise ValidationFailed("no name", [FieldError("name", "give the new model a name")])
    chosen = set(keys)
    rules = [item.rule for item in suggest_rules(session).items if item.key in chosen]
    if not rules:
        raise ValidationFailed(
            "no suggestion chosen",
            [FieldError("keys", "choose at least one of the suggested rules")],
        )
    description = "Adopted from suggested rules; edit the points before using it in criteria."
    data = ScoreModelWrite(name=name.strip(), description=description, rules=rules)
    return scoring_service.save_model(session, data, actor=actor)
