"""The attribution report: each conversion kind's credit per campaign and model, summed
over the days of the period from the roll-up (``repository.refresh_rollup`` keeps it), or
recounted from the paths (each conversion kind read once, every requested model applied
to each path as the rows stream by). The rules are in ``rules`` (the models, how credit
adds up) and ``repository`` (which touches count)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from huddle.attribution import repository
from huddle.attribution.rules import MODEL_LABELS, MODELS, UNITS, day_credits
from huddle.attribution.schemas import (
    AttributionReport,
    CampaignCredit,
    ChannelCredit,
    ModelReport,
)
from huddle.campaigns import service as campaigns
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ValidationFailed
from huddle.core.permissions import Action

NONE_LABEL = "(none)"
# What is credited: deal amounts, then conversions counted one each.
MEASURES = ("pipeline", "revenue", "mqls", "sqls", "customers")
# measure -> model -> campaign id (None: no campaign touch) -> credit
Credits = dict[str, dict[str, dict[int | None, float]]]


def attribution_report(
    session: Session,
    *,
    start: date,
    end: date,
    models: Sequence[str] = MODELS,
    actor: Actor,
    recount: bool = False,
) -> AttributionReport:
    """Pipeline, revenue, MQLs, SQLs and customers of the days ``start``..``end`` (UTC,
    both included) credited to campaigns and channels by each of ``models``: read from the
    roll-up, brought up to date first (the fast path), or with ``recount`` from every
    conversion's path on the spot (the plain count; tests and the benchmark check the two
    agree). Until the job (``tasks``) has built the roll-up, or while so much changed that
    bringing it up to date would rebuild it (an import), the plain count: the same figures,
    slower, and never a rebuild of minutes inside a request; the job catches up."""
    permissions.require(actor, Action.ANALYTICS_READ)
    if end < start:
        raise ValidationFailed("check the period", [FieldError("to", "is before from")])
    if recount or not repository.rollup_built(session) or repository.much_changed(session):
        since = datetime.combine(start, time(), UTC)
        until = datetime.combine(end + timedelta(days=1), time(), UTC)
        found = {
            measure: credit(repository.kind_paths(session, measure, since, until), models)
            for measure in MEASURES
        }
    else:
        repository.refresh_rollup(session)
        found = {
            measure: repository.rolled_up(session, measure, start, end, models)
            for measure in MEASURES
        }
    tally: Credits = {
        measure: {
            model: {campaign: units / UNITS for campaign, units in by_campaign.items()}
            for model, by_campaign in by_model.items()
        }
        for measure, by_model in found.items()
    }
    costs = campaigns.costs_between(session, start, end + timedelta(days=1))
    labels = campaigns.campaign_labels(session)
    return AttributionReport(
        start=start,
        end=end,
        models=[_model_report(model, tally, costs, labels) for model in models],
    )


def refresh_rollup(session: Session) -> int:
    """Bring the roll-up up to date (build it the first time); how many days were
    recounted."""
    return repository.refresh_rollup(session)


def credit(
    rows: Iterable[repository.Row], models: Sequence[str]
) -> dict[str, dict[int | None, int]]:
    """model -> campaign -> credit in millionths, from the rows of one conversion kind
    (ordered by conversion, then time): each day's credit rounded, then the days added
    (``rules.day_credits``). A conversion without campaign touches goes to None."""
    out: dict[str, dict[int | None, int]] = {m: defaultdict(int) for m in models}
    for (_, campaign), units in day_credits(rows, models).items():
        for model, unit in zip(models, units, strict=True):
            out[model][campaign] += unit
    return out


def _model_report(
    model: str,
    tally: Credits,
    costs: dict[int, float],
    labels: dict[int, tuple[str, str]],
) -> ModelReport:
    shown: set[int | None] = set(costs)
    for measure in MEASURES:
        shown |= tally[measure][model].keys()
    rows = [_campaign_credit(c, model, tally, costs, labels) for c in shown]
    rows.sort(key=lambda r: (r.campaign_id is None, -r.revenue, -r.pipeline, r.name))
    return ModelReport(
        model=model,
        label=MODEL_LABELS[model],
        pipeline=round(sum(credits_of("pipeline", tally, model)), 2),
        revenue=round(sum(credits_of("revenue", tally, model)), 2),
        campaigns=rows,
        channels=_channels(rows),
    )


def _campaign_credit(
    campaign_id: int | None,
    model: str,
    tally: Credits,
    costs: dict[int, float],
    labels: dict[int, tuple[str, str]],
) -> CampaignCredit:
    got = {measure: tally[measure][model].get(campaign_id, 0.0) for measure in MEASURES}
    # Cents for money, four places for shares of a conversion: the float sums' last bits
    # are noise, not credit.
    shown = {m: round(v, 2 if m in ("pipeline", "revenue") else 4) for m, v in got.items()}
    name, channel = (
        labels.get(campaign_id, (NONE_LABEL, NONE_LABEL))
        if campaign_id
        else (
            NONE_LABEL,
            NONE_LABEL,
        )
    )
    cost = costs.get(campaign_id, 0.0) if campaign_id is not None else 0.0
    return CampaignCredit(
        campaign_id=campaign_id,
        name=name,
        channel=channel,
        **shown,
        cost=cost,
        roi=_rounded(roi(got["revenue"], cost), 4),
        cost_per_mql=_rounded(per(cost, got["mqls"]), 2),
        cost_per_sql=_rounded(per(cost, got["sqls"]), 2),
        cost_per_customer=_rounded(per(cost, got["customers"]), 2),
    )


def _channels(rows: list[CampaignCredit]) -> list[ChannelCredit]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in rows:
        total = sums[row.channel]
        total[0] += row.pipeline
        total[1] += row.revenue
        total[2] += row.cost
    channels = [
        ChannelCredit(channel=ch, pipeline=p, revenue=r, cost=c, roi=roi(r, c))
        for ch, (p, r, c) in sums.items()
    ]
    channels.sort(key=lambda c: (c.channel == NONE_LABEL, -c.revenue, -c.pipeline, c.channel))
    return channels


def credits_of(measure: str, tally: Credits, model: str) -> list[float]:
    return list(tally[measure][model].values())


def _rounded(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def roi(revenue: float, cost: float) -> float | None:
    """(revenue - cost) / cost; None without a cost (no return on nothing spent)."""
    return (revenue - cost) / cost if cost > 0 else None


def per(cost: float, count: float) -> float | None:
    """Cost per conversion; None without a cost or without conversions."""
    return cost / count if cost > 0 and count > 0 else None
