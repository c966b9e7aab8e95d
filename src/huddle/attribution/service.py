"""The attribution report: each conversion kind read once (one statement each) and every
requested model applied to each path as the rows stream by, so the work is one pass per
kind whatever the number of deals or models. The rules are in ``rules`` (the models) and
``repository`` (which touches count)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby
from operator import itemgetter

from sqlalchemy.orm import Session

from huddle.attribution import repository
from huddle.attribution.rules import MODEL_LABELS, MODELS, PathTouch, weights
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
_STAGES = {"mqls": "mql", "sqls": "sql", "customers": "customer"}
# measure -> model -> campaign id (None: no campaign touch) -> credit
Credits = dict[str, dict[str, dict[int | None, float]]]


def attribution_report(
    session: Session, *, start: date, end: date, models: Sequence[str] = MODELS, actor: Actor
) -> AttributionReport:
    """Pipeline, revenue, MQLs, SQLs and customers of the days ``start``..``end`` (UTC,
    both included) credited to campaigns and channels by each of ``models``."""
    permissions.require(actor, Action.ANALYTICS_READ)
    if end < start:
        raise ValidationFailed("check the period", [FieldError("to", "is before from")])
    since = datetime.combine(start, time(), UTC)
    until = datetime.combine(end + timedelta(days=1), time(), UTC)
    tally: Credits = {}
    for measure in MEASURES:
        if measure in ("pipeline", "revenue"):
            rows = repository.deal_paths(session, measure, since, until)  # type: ignore[arg-type]
        else:
            rows = repository.stage_paths(session, _STAGES[measure], since, until)
        tally[measure] = credit(rows, models)
    costs = campaigns.costs_between(session, start, end + timedelta(days=1))
    labels = campaigns.campaign_labels(session)
    return AttributionReport(
        start=start,
        end=end,
        models=[_model_report(model, tally, costs, labels) for model in models],
    )


def credit(
    rows: Iterable[repository.Row], models: Sequence[str]
) -> dict[str, dict[int | None, float]]:
    """model -> campaign -> credit, from the rows of one conversion kind (ordered by
    conversion, then time). A conversion without campaign touches goes to None."""
    out: dict[str, dict[int | None, float]] = {m: defaultdict(float) for m in models}
    for _, group in groupby(rows, key=itemgetter(0)):
        path: list[PathTouch] = []
        value = 0.0
        for _, amount, campaign_id, age, before_mql, before_created in group:
            value = float(amount)
            if campaign_id is not None:
                path.append(
                    PathTouch(campaign_id, float(age or 0), bool(before_mql), bool(before_created))
                )
        if not path:
            for model in models:
                out[model][None] += value
            continue
        for model in models:
            into = out[model]
            for touch, share in zip(path, weights(model, path), strict=True):
                into[touch.campaign_id] += value * share
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
