"""The attribution page (/attribution): the six models side by side in a chart drawn on
the server (SVG, with a table of the same figures), and each model's campaigns and
channels with cost, ROI and cost per MQL, SQL and customer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from huddle.attribution import service
from huddle.attribution.rules import HALF_LIFE_DAYS, MODEL_LABELS, MODELS
from huddle.attribution.schemas import AttributionReport
from huddle.auth.deps import CurrentUser, request_actor
from huddle.core import clock
from huddle.core.errors import FieldError, ValidationFailed
from huddle.web.deps import SessionDep
from huddle.web.views import page

router = APIRouter(include_in_schema=False)
MEASURES = {"revenue": "Revenue", "pipeline": "Pipeline"}
CHART_CAMPAIGNS = 8
DEFAULT_DAYS = 90


def _day(value: str | None, name: str, default: date) -> date:
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationFailed(
            "check the period", [FieldError(name, "is not a date (YYYY-MM-DD)")]
        ) from exc


@dataclass
class ChartRow:
    name: str
    values: dict[str, float] = field(default_factory=dict)

    @property
    def most(self) -> float:
        return max(self.values.values(), default=0.0)


def comparison(report: AttributionReport, measure: str) -> list[ChartRow]:
    """The chart's rows: the campaigns with the most credit under any model (``(none)``
    last), each with its credit per model."""
    by_campaign: dict[int | None, ChartRow] = {}
    for shown in report.models:
        for c in shown.campaigns:
            row = by_campaign.setdefault(c.campaign_id, ChartRow(c.name))
            row.values[shown.model] = getattr(c, measure)
    ranked = sorted(by_campaign.items(), key=lambda item: (item[0] is None, -item[1].most))
    return [row for _, row in ranked if row.most > 0][:CHART_CAMPAIGNS]


@router.get("/attribution", response_class=HTMLResponse)
def attribution_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    measure: str = "revenue",
    model: str = "w_shaped",
) -> HTMLResponse:
    today = clock.now().date()
    params = request.query_params
    end = _day(params.get("to"), "to", today)
    start = _day(params.get("from"), "from", end - timedelta(days=DEFAULT_DAYS - 1))
    measure = measure if measure in MEASURES else "revenue"
    model = model if model in MODELS else "w_shaped"
    report = service.attribution_report(session, start=start, end=end, actor=request_actor(request))
    rows = comparison(report, measure)
    return page(
        request,
        "attribution/report.html",
        user,
        "attribution",
        {
            "report": report,
            "chosen": next(m for m in report.models if m.model == model),
            "rows": rows,
            "top": max((r.most for r in rows), default=0.0),
            "measure": measure,
            "measures": MEASURES,
            "model": model,
            "models": MODELS,
            "model_labels": MODEL_LABELS,
            "half_life": HALF_LIFE_DAYS,
            "query": {"from": start.isoformat(), "to": end.isoformat()},
        },
    )
