"""The attribution report's JSON API and its CSV (under /api/v1)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from huddle.attribution import service
from huddle.attribution.rules import MODELS
from huddle.attribution.schemas import AttributionModel, AttributionReport
from huddle.auth.deps import CurrentActor
from huddle.web.deps import SessionDep

router = APIRouter(tags=["attribution"])
CSV_HEADER = [
    "model",
    "campaign_id",
    "campaign",
    "channel",
    "pipeline",
    "revenue",
    "mqls",
    "sqls",
    "customers",
    "cost",
    "roi",
    "cost_per_mql",
    "cost_per_sql",
    "cost_per_customer",
]
FromDay = Annotated[date, Query(alias="from", description="First day (UTC), included.")]
ToDay = Annotated[date, Query(alias="to", description="Last day (UTC), included.")]
ModelChoice = Annotated[
    AttributionModel | None, Query(description="One model; all six when left out.")
]


def _models(model: AttributionModel | None) -> tuple[str, ...]:
    return (model.value,) if model is not None else MODELS


@router.get("/attribution", operation_id="attribution.report", response_model=AttributionReport)
def attribution_report(
    actor: CurrentActor,
    session: SessionDep,
    start: FromDay,
    end: ToDay,
    model: ModelChoice = None,
) -> AttributionReport:
    """Pipeline (deals created in the period and open), revenue (deals won in the period),
    MQLs, SQLs and customers credited to campaigns and channels by each model, with each
    campaign's cost in the period, ROI and cost per MQL, SQL and customer."""
    return service.attribution_report(
        session, start=start, end=end, models=_models(model), actor=actor
    )


@router.get(
    "/attribution.csv",
    operation_id="attribution.export_csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The report as CSV"}},
)
def export_attribution(
    actor: CurrentActor,
    session: SessionDep,
    start: FromDay,
    end: ToDay,
    model: ModelChoice = None,
) -> StreamingResponse:
    """The same report, a row per model and campaign."""
    report = service.attribution_report(
        session, start=start, end=end, models=_models(model), actor=actor
    )
    return StreamingResponse(
        _csv(_rows(report)),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="attribution.csv"'},
    )


# Text a spreadsheet would run as a formula is written after a quote (as the contacts'
# export does); the figures are numbers and go as they are.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv(rows: Iterator[list[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _rows(report: AttributionReport) -> Iterator[list[object]]:
    for shown in report.models:
        for c in shown.campaigns:
            yield [
                shown.model.value,
                c.campaign_id,
                c.name,
                c.channel,
                *(round(v, 2) for v in (c.pipeline, c.revenue)),
                *(round(v, 4) for v in (c.mqls, c.sqls, c.customers)),
                round(c.cost, 2),
                None if c.roi is None else round(c.roi, 4),
                *(
                    None if v is None else round(v, 2)
                    for v in (c.cost_per_mql, c.cost_per_sql, c.cost_per_customer)
                ),
            ]
