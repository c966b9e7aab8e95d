"""Predictive scoring's API shapes: model versions and a contact's prediction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

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
    value: float = Field(description="The contact's value of the feature, as the model sees it")
    contribution: float = Field(description="Coefficient x value, on the log-odds scale")


class PredictionRead(BaseModel):
    contact_id: int
    version_id: int
    probability: float
    intercept: float | None = Field(description="Linear model only")
    logit: float | None = Field(description="Intercept + every contribution (linear model)")
    factors: list[FactorRead] = Field(description="Largest effect first (linear model only)")
