"""Predictive scoring's API shapes: model versions and a contact's prediction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, Field

from huddle.scoring.schemas import Criteria

if TYPE_CHECKING:
    from huddle.predictive.models import ModelVersion


class MetricsRead(BaseModel):
    """Figures on the held-out rows (the model never saw them)."""

    rows: int
    positives: int = Field(description="Held-out rows that reached the outcome")
    roc_auc: float
    pr_auc: float
    brier: float = Field(description="Of the calibrated probabilities")
    uncalibrated_brier: float = Field(description="Of the model's own probabilities")
    cv_roc_auc: float = Field(description="Of the settings chosen, cross-validated")
    threshold: float
    precision: float = Field(description="Among rows at or above the threshold")
    recall: float
    lift: list[float] = Field(description="Outcome rate per decile, best scored first / base")
    calibration: list[list[float]] = Field(
        description="[mean predicted, observed rate, rows] per probability bin"
    )


class ColumnRead(BaseModel):
    column: str
    reason: str


class SettingRead(BaseModel):
    name: str
    value: float


class ModelVersionRead(BaseModel):
    id: int
    algorithm: str = Field(description="logistic or boosted")
    target: str = Field(
        description="The stage predicted (sql, customer), or the outcome column and value of "
        'a file or of a custom field ("custom.converted = 1")'
    )
    horizon_days: int | None
    source: str = Field(description='"records" or "csv:<file name>"')
    window_from: datetime | None = Field(description="The earliest cut-off trained on")
    window_until: datetime | None = Field(description="The latest cut-off trained on")
    rows: int = Field(description="Training rows (the held-out ones not included)")
    seed: int
    settings: list[SettingRead] = Field(description="Chosen by cross-validation")
    metrics: MetricsRead
    features: list[str]
    set_aside: list[ColumnRead] = Field(description="Columns left out before learning")
    leaks: list[ColumnRead] = Field(description="Columns flagged as leaking and excluded")
    suspicious: list[ColumnRead] = Field(
        default_factory=list,
        description="Columns with one sign of leaking only: kept (exclude them when they are "
        "written after the outcome)",
    )
    is_active: bool
    score_model_id: int | None = Field(
        description="The score model holding the active version's probabilities (percent)"
    )
    created_at: datetime

    @classmethod
    def of(cls, version: ModelVersion) -> ModelVersionRead:
        columns, metrics = version.columns, version.metrics
        return cls(
            id=version.id,
            algorithm=version.algorithm,
            target=version.target,
            horizon_days=version.horizon_days,
            source=version.source,
            window_from=version.window_from,
            window_until=version.window_until,
            rows=version.rows,
            seed=version.seed,
            settings=[SettingRead(name=k, value=v) for k, v in version.params.items()],
            metrics=MetricsRead.model_validate(metrics),
            features=columns.get("features", []),
            set_aside=_reasons(columns.get("set_aside", {})),
            leaks=_reasons(columns.get("leaks", {})),
            suspicious=_reasons(columns.get("suspicious", {})),
            is_active=version.is_active,
            score_model_id=version.score_model_id,
            created_at=version.created_at,
        )


def _reasons(found: dict[str, str]) -> list[ColumnRead]:
    return [ColumnRead(column=name, reason=reason) for name, reason in found.items()]


class FactorRead(BaseModel):
    feature: str
    words: str
    value: float | None = Field(
        description="The contact's value of the feature as the linear model sees it "
        "(standardised); null for the boosted model's factors"
    )
    contribution: float = Field(
        description="Linear: coefficient x value, on the log-odds scale. Boosted: the "
        "probability minus the probability with this column at its training baseline"
    )


class PredictionRead(BaseModel):
    contact_id: int
    version_id: int
    probability: float
    method: str | None = Field(
        description="linear (logistic model) or replacement (boosted); null: no factors"
    )
    intercept: float | None = Field(description="Linear model only")
    logit: float | None = Field(description="Intercept + every contribution (linear model)")
    factors: list[FactorRead] = Field(description="Largest effect first")
    in_words: str | None = Field(description="The main factors up and down, in a sentence")


class IcpSegmentRead(BaseModel):
    attribute: str = Field(
        description="industry, country, region, employees, revenue, custom.<key>"
    )
    value: str
    label: str
    support: int = Field(description="Best customers in the segment")
    best_share: float = Field(description="Support / best customers")
    accounts: int = Field(description="Accounts in the segment")
    base_share: float = Field(description="Accounts in the segment / all accounts")
    lift: float = Field(description="best_share / base_share")


class IcpDiscoveryRead(BaseModel):
    accounts: int
    customers: int = Field(description="Accounts with a won deal or a Customer contact")
    best: int = Field(description="The best customers, by won value and tenure")
    best_share: float
    min_support: int
    min_lift: float
    skipped_small: int = Field(description="Over-represented segments under the minimum support")
    segments: list[IcpSegmentRead] = Field(description="Highest lift first")
    draft: Annotated[list[dict[str, Any]], Criteria] = Field(
        description="ICP criteria ({label, weight, when}) to edit and save as the ICP "
        "(POST /scoring/profiles with kind icp, or PUT the ICP)"
    )


class IcpDiscoveryQuery(BaseModel):
    """The discovery page's settings (its form fields, checked as the API checks them)."""

    best_share: float = Field(default=0.5, gt=0, le=1)
    min_support: int = Field(default=3, ge=1, le=10000)
    min_lift: float = Field(default=1.5, ge=1, le=100)
