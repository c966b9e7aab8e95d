"""The feedback loop: which traits separate the contacts that converted from those that
did not, and the MQL threshold the last months argue for, proposed as a draft of the MQL
criteria (for a scoring editor to apply) or of the SLA (for both leads to sign).

The window is the contacts *created* in the last ``months`` (30 days each) up to now.
A contact converted when its stage history shows it entering the chosen stage or any later
funnel stage (skipping a stage passes it); it was accepted when it entered SAL or later.
Traits are today's field values (the record keeps no history of them), custom fields of
kind text, choice and boolean, and each touch type the contact had in the window before it
converted (before now when it did not). The threshold reads the primary model's score as it
is today: converted contacts have kept scoring since, so it leans high; the scoring page's
back-test replays scores as of each week for a proposal before it is applied.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts_service
from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import Conflict, FieldError, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.core.stages import FUNNEL, STAGES
from huddle.feedback import repository
from huddle.feedback.events import ThresholdProposalChanged
from huddle.feedback.models import ThresholdProposal
from huddle.feedback.rules import (
    Objective,
    ScoreGroup,
    ThresholdPoint,
    TraitCount,
    best_threshold,
    ranked_lifts,
    ratio,
    threshold_curve,
)
from huddle.feedback.schemas import FeedbackLoopRead, ThresholdPointRead, TraitLift
from huddle.scoring import service as scoring_service
from huddle.scoring.schemas import CriteriaWrite
from huddle.sla import service as sla_service

DAYS_PER_MONTH = 30
MAX_MONTHS = 36
# Converting means reaching at least this far: a lead that became an MQL is no news.
CONVERSION_STAGES = FUNNEL[FUNNEL.index("mql") :]
ACCEPTED_FROM = "sal"
TRAIT_FIELD_KINDS = ("text", "choice", "boolean")
TOUCH_TRAIT = "touch"
PER_MONTH = {"week": 52 / 12, "month": 1.0, "quarter": 1 / 3}


def window(months: int) -> tuple[datetime, datetime]:
    until = clock.now()
    return until - timedelta(days=DAYS_PER_MONTH * months), until


def _check(months: int, stage: str) -> None:
    errors = []
    if not 1 <= months <= MAX_MONTHS:
        errors.append(FieldError("months", f"from 1 to {MAX_MONTHS}"))
    if stage not in CONVERSION_STAGES:
        errors.append(FieldError("stage", f"one of {', '.join(CONVERSION_STAGES)}"))
    if errors:
        raise ValidationFailed("check the feedback loop's settings", errors)


def trait_labels(session: Session) -> dict[str, str]:
    """Trait key -> label: the built-in fields, the custom fields, touches."""
    labels = {key: label for key, label, _ in repository.BUILT_IN_TRAITS}
    for field in _custom_fields(session):
        labels[f"custom.{field.key}"] = field.label
    labels[TOUCH_TRAIT] = "Touch before converting"
    return labels


def _custom_fields(session: Session) -> list[Any]:
    return [
        f
        for f in contacts_service.list_custom_fields(session, "contact", archived=False)
        if f.field_type in TRAIT_FIELD_KINDS
    ]


def _shown(value: Any, *, boolean: bool = False) -> str | None:
    if value is None or value == "":
        return None
    if boolean or isinstance(value, bool):
        return "yes" if str(value).lower() in ("1", "true") else "no"
    return str(value)


def sla_capacity(session: Session) -> int | None:
    """MQLs a month the active SLA asks marketing for (its MQL-volume term), if any."""
    version = sla_service.active_version(session)
    for term in version.terms if version else []:
        if term.get("kind") == "mql_volume" and term.get("count"):
            return max(1, round(term["count"] * PER_MONTH.get(str(term.get("period")), 1.0)))
    return None


def primary_model_id(session: Session) -> int | None:
    return next((m.id for m in scoring_service.list_models(session) if m.is_primary), None)


def feedback_loop(
    session: Session,
    actor: Actor,
    *,
    months: int = 6,
    stage: str = "sql",
    capacity: int | None = None,
    objective: Objective = Objective.CONVERTED,
    min_count: int = 5,
) -> FeedbackLoopRead:
    """The traits ranked by lift, and the threshold ``objective`` prefers within
    ``capacity`` MQLs a month (default: the active SLA's MQL volume; none: unlimited)."""
    require(actor, Action.ANALYTICS_READ)
    _check(months, stage)
    since, until = window(months)
    converted_stages = FUNNEL[FUNNEL.index(stage) :]
    total, converted = repository.window_totals(session, converted_stages, since, until)
    counts = _trait_counts(session, converted_stages, since, until)
    labels = trait_labels(session)
    lifts = ranked_lifts(counts, total=total, converted=converted, min_count=min_count)
    if capacity is None:
        capacity = sla_capacity(session)
    model_id = primary_model_id(session)
    curve = []
    if model_id is not None:
        groups = repository.score_groups(
            session, converted_stages, FUNNEL[FUNNEL.index(ACCEPTED_FROM) :], since, until
        )
        curve = threshold_curve(
            (ScoreGroup(*group) for group in groups), months=months, capacity=capacity
        )
    best = best_threshold(curve, objective)
    return FeedbackLoopRead(
        since=since,
        until=until,
        months=months,
        stage=stage,
        total=total,
        converted=converted,
        base_rate=ratio(converted, total),
        traits=[
            TraitLift(
                trait=x.trait,
                trait_label=labels.get(x.trait, x.trait),
                value=x.value,
                with_count=x.with_count,
                with_converted=x.with_converted,
                without_count=x.without_count,
                without_converted=x.without_converted,
                rate_with=x.rate_with,
                rate_without=x.rate_without,
                lift=x.lift,
                p_value=x.p_value,
                interval_low=x.interval[0] if x.interval else None,
                interval_high=x.interval[1] if x.interval else None,
            )
            for x in lifts
        ],
        score_model_id=model_id,
        capacity=capacity,
        objective=objective,
        best=_point(best) if best else None,
        curve=[_point(p) for p in curve],
    )


def _point(p: ThresholdPoint) -> ThresholdPointRead:
    return ThresholdPointRead(
        threshold=p.threshold,
        mqls=p.mqls,
        per_month=p.per_month,
        accepted=p.accepted,
        converted=p.converted,
        acceptance=p.acceptance,
        conversion=p.conversion,
        fits=p.fits,
    )


def _trait_counts(
    session: Session, converted_stages: tuple[str, ...], since: datetime, until: datetime
) -> list[TraitCount]:
    """The built-in fields', the custom fields' and the touch types' counts, each value as
    the pages show it (a boolean field's true and false as yes and no: SQLite gives 1 and
    0, PostgreSQL true and false)."""
    kinds = {f.key: f.field_type for f in _custom_fields(session)}
    counts: Counter[tuple[str, str]] = Counter()
    done: Counter[tuple[str, str]] = Counter()
    fields = repository.field_counts(session, converted_stages, since, until, list(kinds))
    for trait, raw, n, converted in fields:
        kind = kinds.get(trait.removeprefix("custom.")) if trait.startswith("custom.") else None
        value = _shown(raw, boolean=kind == "boolean")
        if value is not None:
            counts[(trait, value)] += n
            done[(trait, value)] += converted
    for touch_type, n, converted in repository.touch_counts(
        session, converted_stages, since, until
    ):
        counts[(TOUCH_TRAIT, touch_type)] += n
        done[(TOUCH_TRAIT, touch_type)] += converted
    return [
        TraitCount(trait, value, n, done[(trait, value)]) for (trait, value), n in counts.items()
    ]


def feedback_loop_csv_rows(report: FeedbackLoopRead) -> list[list[object]]:
    return [
        [
            t.trait_label,
            t.value,
            t.with_count,
            t.with_converted,
            t.without_count,
            t.without_converted,
            t.rate_with,
            t.rate_without,
            t.lift,
            t.p_value,
            t.interval_low,
            t.interval_high,
        ]
        for t in report.traits
    ]


FEEDBACK_LOOP_CSV_HEADER = [
    "trait",
    "value",
    "with",
    "with_converted",
    "without",
    "without_converted",
    "rate_with",
    "rate_without",
    "lift",
    "p_value",
    "wilson_low",
    "wilson_high",
]


# --- proposals -------------------------------------------------------------------------------


def _best_or_refuse(report: FeedbackLoopRead) -> ThresholdPointRead:
    if report.score_model_id is None:
        raise Conflict("no primary score model: the threshold reads the primary score")
    if report.best is None:
        raise Conflict("no threshold keeps the MQLs within sales capacity")
    return report.best


def _reasoning(report: FeedbackLoopRead, best: ThresholdPointRead) -> str:
    capacity = f"at most {report.capacity} MQLs a month" if report.capacity else "no capacity limit"
    acceptance = f"{best.acceptance:.0%}" if best.acceptance is not None else "—"
    return (
        f"Over the last {report.months} months, a primary score of at least "
        f"{best.threshold:g} would have made {best.mqls} MQLs ({best.per_month:.1f} a month; "
        f"{capacity}), {best.accepted} accepted by sales ({acceptance}) and {best.converted} "
        f"reaching {STAGES[report.stage]}. Objective: {report.objective.value}."
    )


def propose_scoring(session: Session, actor: Actor, report: FeedbackLoopRead) -> ThresholdProposal:
    """Keep the report's best threshold as a draft of the MQL criteria: nothing changes
    until a scoring editor applies it."""
    require(actor, Action.SLA_DRAFT)
    best = _best_or_refuse(report)
    assert report.score_model_id is not None
    proposal = ThresholdProposal(
        status="draft",
        score_model_id=report.score_model_id,
        threshold=best.threshold,
        months=report.months,
        objective=report.objective.value,
        capacity=report.capacity,
        expected_per_month=round(best.per_month, 2),
        acceptance_percent=round(best.acceptance * 100, 1) if best.acceptance is not None else None,
        reasoning=_reasoning(report, best),
        created_by_id=actor.user_id,
    )
    session.add(proposal)
    session.flush()
    _changed(session, proposal, actor)
    return proposal


def _changed(session: Session, proposal: ThresholdProposal, actor: Actor) -> None:
    publish(
        session,
        ThresholdProposalChanged(
            proposal_id=proposal.id,
            threshold=proposal.threshold,
            status=proposal.status,
            at=clock.now(),
            actor=actor,
        ),
    )


def propose_sla(session: Session, actor: Actor, report: FeedbackLoopRead) -> tuple[int, int]:
    """A draft SLA version: the active one's terms with the MQL volume the threshold would
    have delivered and the acceptance it would have had; both leads sign it as any draft.
    Returns (version id, number)."""
    require(actor, Action.SLA_DRAFT)
    best = _best_or_refuse(report)
    active = sla_service.active_version(session)
    terms = [dict(t) for t in (active.terms if active else [])]
    _set_term(terms, "mql_volume", count=max(1, round(best.per_month)), period="month")
    if best.acceptance is not None:
        _set_term(terms, "mql_acceptance", percent=int(best.acceptance * 100), period="month")
    body = (active.body if active else "").rstrip()
    note = f"Proposed by the feedback loop. {_reasoning(report, best)}"
    version = sla_service.create_draft(
        session,
        actor,
        title=f"MQL threshold {best.threshold:g}: {max(1, round(best.per_month))} MQLs a month",
        body=f"{body}\n\n{note}" if body else note,
        terms=terms,
    )
    return version.id, version.number


def _set_term(terms: list[dict[str, Any]], kind: str, **values: Any) -> None:
    for term in terms:
        if term.get("kind") == kind:
            term.update(values)
            return
    terms.append({"key": kind, "kind": kind, **values})


def list_proposals(session: Session, actor: Actor) -> list[ThresholdProposal]:
    require(actor, Action.ANALYTICS_READ)
    return repository.list_proposals(session)


def _draft(session: Session, proposal_id: int) -> ThresholdProposal:
    proposal = repository.get_proposal(session, proposal_id)
    if proposal is None:
        raise ResourceNotFound(f"no threshold proposal with id {proposal_id}")
    if proposal.status != "draft":
        raise Conflict(f"the proposal is {proposal.status} already")
    return proposal


def proposed_condition(current: dict[str, Any] | None, model_id: int, threshold: float) -> Any:
    """The MQL criteria with the proposal in: each comparison of the model's score at least
    (or above) a value gets the threshold; when there is none, the score test is added to
    what else the criteria ask."""
    test = {"field": f"score.{model_id}", "op": "gte", "value": threshold}
    if not current:
        return test
    replaced, condition = _replace_score_test(current, test)
    return condition if replaced else {"all": [current, test]}


def _replace_score_test(node: Any, test: dict[str, Any]) -> tuple[bool, Any]:
    if isinstance(node, dict):
        if node.get("field") == test["field"] and node.get("op") in ("gte", "gt"):
            return True, dict(test)
        found, out = False, {}
        for key, value in node.items():
            hit, out[key] = _replace_score_test(value, test)
            found = found or hit
        return found, out
    if isinstance(node, list):
        results = [_replace_score_test(item, test) for item in node]
        return any(hit for hit, _ in results), [item for _, item in results]
    return False, node


def apply_proposal(session: Session, actor: Actor, proposal_id: int) -> ThresholdProposal:
    """A new version of the MQL criteria with the proposal's threshold (scoring checks
    that the actor may edit scoring, and rescores everyone)."""
    proposal = _draft(session, proposal_id)
    current = scoring_service.get_criteria(session, "mql")
    condition = proposed_condition(
        current.condition if current else None, proposal.score_model_id, proposal.threshold
    )
    automatic = current.automatic if current else True
    scoring_service.save_criteria(
        session, "mql", CriteriaWrite(condition=condition, automatic=automatic), actor=actor
    )
    proposal.status, proposal.decided_at = "applied", clock.now()
    session.flush()
    _changed(session, proposal, actor)
    return proposal


def dismiss_proposal(session: Session, actor: Actor, proposal_id: int) -> ThresholdProposal:
    require(actor, Action.SCORING_EDIT)
    proposal = _draft(session, proposal_id)
    proposal.status, proposal.decided_at = "dismissed", clock.now()
    session.flush()
    _changed(session, proposal, actor)
    return proposal
