"""What a model or criteria change would have done, before it is saved.

Both definitions, the current and the proposed, are replayed the same way over the last N
months: at weekly checkpoints, every contact's scores are computed *as of that moment*
(only touches up to it, windows and decay relative to it) and the MQL criteria evaluated;
a contact counts once, at the first checkpoint where it qualifies (not if it already
qualified when the window opened). Of those, how many then
entered SQL and Customer (from the recorded stage history). Attributes, grades and stages
are today's: the record keeps no history of them.

Beside the counts, a ``judge`` (given by the page and the API: predictive scoring labels
leads by their outcome) measures how well the model's scores, each as of the moment the lead
entered Lead, separate the leads that reached the target from the others (ROC AUC, lift,
precision and recall at the MQL criteria's threshold).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, Protocol

from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.permissions import Action, require
from huddle.lifecycle import service as lifecycle
from huddle.scoring.conditions import SCORE_PREFIX
from huddle.scoring.models import PREDICTIVE, ScoreModel, criteria_label
from huddle.scoring.repository import qualification, scores
from huddle.scoring.repository.definitions import criteria_for, list_models, rule_models
from huddle.scoring.repository.statements import ModelSpec
from huddle.scoring.rules import parse_rules
from huddle.scoring.schemas import (
    BacktestContact,
    BacktestFigures,
    BacktestRead,
    BacktestRequest,
    OutcomeFigures,
    ScoreBucket,
)
from huddle.scoring.service.definitions import check_criteria, check_model

STEP = timedelta(days=7)
DAYS_PER_MONTH = 30
# The contacts that change side, shown by name; the distribution's bands of points.
SHOWN = 50
BUCKET, TOP = 10, 100
# Operators whose value is a score threshold ("score.3 >= 50" qualifies from 50 points).
THRESHOLD_OPS = ("gte", "gt")

# Points of contacts, each as of its own moment: [(contact id, moment)] -> {id: points}.
Scorer = Callable[[Sequence[tuple[int, datetime]]], dict[int, float]]


@dataclass(frozen=True)
class JudgedModel:
    """A model to judge against outcomes: its name, the MQL threshold on it (None: the
    criteria set none) and how to score leads as of a moment (None: a predictive model,
    whose probabilities the judge computes from the features as of each cut-off)."""

    name: str
    threshold: float | None
    scorer: Scorer | None


class OutcomeJudge(Protocol):
    def __call__(
        self,
        session: Session,
        model: JudgedModel,
        *,
        target: str,
        horizon_days: int,
        since: datetime,
        until: datetime,
    ) -> OutcomeFigures: ...


def backtest(
    session: Session,
    request: BacktestRequest,
    *,
    actor: Actor,
    judge: OutcomeJudge | None = None,
) -> BacktestRead:
    """Figures for the current definitions and for the proposed change, side by side; with
    a ``judge``, each model's separation of the leads that reached the target."""
    require(actor, Action.SCORING_EDIT)
    if request.model is not None:
        check_model(session, request.model)
    if request.criteria is not None:
        check_criteria(session, request.criteria, "criteria")
    until = clock.now()
    since = until - timedelta(days=DAYS_PER_MONTH * request.months)
    checkpoints = _checkpoints(since, until)
    current_specs = {m.id: ModelSpec.of(m) for m in rule_models(session)}
    proposed_specs = dict(current_specs)
    if request.model is not None:
        key = request.model_id if request.model_id is not None else -1
        change = request.model
        proposed_specs[key] = ModelSpec(
            key, change.name, parse_rules(change.rules), change.half_life_days, change.segment
        )
    stored = criteria_for(session, "mql")
    current_criteria = stored.condition if stored is not None else None
    proposed_criteria = request.criteria if request.criteria is not None else current_criteria
    current, current_mqls = _figures(session, current_specs, current_criteria, checkpoints, since)
    proposed, proposed_mqls = _figures(
        session, proposed_specs, proposed_criteria, checkpoints, since
    )
    gained = sorted(set(proposed_mqls) - set(current_mqls))
    lost = sorted(set(current_mqls) - set(proposed_mqls))
    names = qualification.contact_names(session, gained[:SHOWN] + lost[:SHOWN])
    model = _distribution_model(session, request.model_id)
    outcomes: tuple[OutcomeFigures | None, OutcomeFigures | None] = (None, None)
    if judge is not None:
        judged = _judged_models(session, request, model, proposed_specs, current_criteria)
        outcomes = tuple(  # type: ignore[assignment]
            judge(
                session,
                which,
                target=request.target,
                horizon_days=request.horizon_days,
                since=since,
                until=until,
            )
            if which is not None
            else None
            for which in judged
        )
    return BacktestRead(
        since=since,
        until=until,
        checkpoints=len(checkpoints),
        current_criteria=criteria_label("mql", stored.version) if stored is not None else None,
        current=current,
        proposed=proposed,
        distribution_model=model.name if model is not None else None,
        distribution=_distribution(session, model.id) if model is not None else [],
        gained=[BacktestContact(id=i, name=names.get(i, "")) for i in gained[:SHOWN]],
        gained_count=len(gained),
        lost=[BacktestContact(id=i, name=names.get(i, "")) for i in lost[:SHOWN]],
        lost_count=len(lost),
        current_outcome=outcomes[0],
        proposed_outcome=outcomes[1],
    )


def _judged_models(
    session: Session,
    request: BacktestRequest,
    shown: ScoreModel | None,
    proposed_specs: dict[int, ModelSpec],
    current_criteria: dict[str, Any] | None,
) -> tuple[JudgedModel | None, JudgedModel | None]:
    """The model as it is and as proposed: the one edited (a new one has no current form),
    else the one whose distribution is shown, under the current and proposed criteria."""
    proposed_criteria = request.criteria if request.criteria is not None else current_criteria
    stored = {m.id: m for m in list_models(session)}
    if request.model is not None:
        key = request.model_id if request.model_id is not None else -1
        current = stored.get(key)
        spec = proposed_specs[key]
        proposed = JudgedModel(
            f"{spec.name} (your change)",
            _threshold(proposed_criteria, key),
            _rule_scorer(session, spec),
        )
    elif shown is not None:
        # The same model under both criteria: scored once, judged at both thresholds.
        judged = _judged(session, shown, current_criteria)
        return judged, replace(judged, threshold=_threshold(proposed_criteria, shown.id))
    else:
        return None, None
    return (
        _judged(session, current, current_criteria) if current is not None else None,
        proposed,
    )


def _judged(session: Session, model: ScoreModel, criteria: dict[str, Any] | None) -> JudgedModel:
    scorer = None if model.source == PREDICTIVE else _rule_scorer(session, ModelSpec.of(model))
    return JudgedModel(model.name, _threshold(criteria, model.id), scorer)


def _rule_scorer(session: Session, spec: ModelSpec) -> Scorer:
    """Rule points of leads as of their moments. Leads are scored in groups by day, each as
    of the group's earliest moment: one statement per day, and never a touch after a lead's
    own moment (a lead later that day loses, at most, that day's earlier touches)."""

    @cache
    def score_all(leads: tuple[tuple[int, datetime], ...]) -> dict[int, float]:
        days: dict[date, list[tuple[int, datetime]]] = defaultdict(list)
        for contact_id, at in leads:
            days[at.date()].append((contact_id, at))
        moments = {
            min(at for _, at in group): [contact_id for contact_id, _ in group]
            for group in days.values()
        }
        points = scores.scores_at(session, spec, moments)
        return {contact_id: points.get(contact_id, 0.0) for contact_id, _ in leads}

    return lambda leads: dict(score_all(tuple(leads)))


def _threshold(criteria: Any, model_id: int) -> float | None:
    """The points from which the MQL criteria count the model ("score.3 >= 50": 50), the
    first such comparison found; None when the criteria set none on it."""
    if isinstance(criteria, list):
        found = (_threshold(item, model_id) for item in criteria)
        return next((value for value in found if value is not None), None)
    if not isinstance(criteria, dict):
        return None
    value = criteria.get("value")
    if (
        criteria.get("field") == f"{SCORE_PREFIX}{model_id}"
        and criteria.get("op") in THRESHOLD_OPS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return float(value)
    return _threshold([v for v in criteria.values() if isinstance(v, dict | list)], model_id)


def _distribution_model(session: Session, model_id: int | None) -> ScoreModel | None:
    """The model a proposal changes, else the primary one, else the first."""
    models = list_models(session)
    chosen = [m for m in models if m.id == model_id] or [m for m in models if m.is_primary]
    found = chosen or models
    return found[0] if found else None


def _distribution(session: Session, model_id: int) -> list[ScoreBucket]:
    """Converted and not converted contacts per band of today's scores."""
    counts = qualification.score_distribution(session, model_id, BUCKET, TOP)
    buckets = [
        ScoreBucket(
            low=i * BUCKET,
            high=None if i * BUCKET >= TOP else (i + 1) * BUCKET,
            converted=0,
            not_converted=0,
        )
        for i in range(TOP // BUCKET + 1)
    ]
    for index, converted, count in counts:
        bucket = buckets[min(index, len(buckets) - 1)]
        if converted:
            bucket.converted += count
        else:
            bucket.not_converted += count
    return buckets


def _checkpoints(since: datetime, until: datetime) -> list[datetime]:
    points, at = [], since + STEP
    while at < until:
        points.append(at)
        at += STEP
    return [*points, until]


def _figures(
    session: Session,
    specs: dict[int, ModelSpec],
    condition: dict[str, Any] | None,
    checkpoints: list[datetime],
    since: datetime,
) -> tuple[BacktestFigures, dict[int, datetime]]:
    """The figures of one definition, and who it made an MQL when."""
    if condition is None:
        return BacktestFigures(mqls=0, became_sql=0, became_customer=0), {}
    # Who already met the criteria when the window opened was qualified before it.
    before = set(_qualifying_at(session, specs, condition, since))
    qualified: dict[int, datetime] = {}
    for at in checkpoints:
        for contact_id in _qualifying_at(session, specs, condition, at):
            if contact_id not in before:
                qualified.setdefault(contact_id, at)
    figures = BacktestFigures(
        mqls=len(qualified),
        became_sal=_entered_after(session, "sal", qualified, since),
        became_sql=_entered_after(session, "sql", qualified, since),
        became_customer=_entered_after(session, "customer", qualified, since),
    )
    return figures, qualified


def _referenced_models(node: Any) -> set[int]:
    if isinstance(node, dict):
        found = {
            int(node["field"][len(SCORE_PREFIX) :])
            for key in ("field",)
            if isinstance(node.get(key), str) and node[key].startswith(SCORE_PREFIX)
        }
        for value in node.values():
            found |= _referenced_models(value)
        return found
    if isinstance(node, list):
        return set().union(*(_referenced_models(item) for item in node)) if node else set()
    return set()


def _qualifying_at(
    session: Session, specs: dict[int, ModelSpec], condition: dict[str, Any], at: datetime
) -> list[int]:
    """Contacts that existed at ``at`` and met ``condition`` with their scores as of ``at``."""
    named = {model_id: specs[model_id] for model_id in _referenced_models(condition) & set(specs)}
    return qualification.qualifying_as_of(session, named, condition, at)


def _entered_after(
    session: Session, stage: str, qualified: dict[int, datetime], since: datetime
) -> int:
    entries = lifecycle.stage_entries(session, stage=stage, since=since)
    return sum(
        1 for e in entries if e.contact_id in qualified and e.entered_at >= qualified[e.contact_id]
    )
