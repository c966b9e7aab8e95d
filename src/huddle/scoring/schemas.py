"""What the API and the UI send and receive. Rules and conditions stay JSON here: their
shape is checked by ``rules.py``/``conditions.py``, which name the exact wrong part."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle.core.schemas import CleanInput


class ScoreModelWrite(CleanInput):
    name: str = Field(min_length=1, max_length=120)
    description: str | None = Field(default=None, max_length=2000)
    is_primary: bool = False
    half_life_days: int | None = Field(default=None, ge=1, le=3650)
    rules: list[Any] = Field(default_factory=list)
    account_rollup: dict[str, Any] = Field(default_factory=dict)


class ScoreModelRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    is_primary: bool
    version: int
    half_life_days: int | None
    rules: list[dict[str, Any]]
    account_rollup: dict[str, Any]
    updated_at: datetime


ProfileKind = Literal["icp", "persona"]


class ProfileWrite(CleanInput):
    kind: ProfileKind
    name: str = Field(min_length=1, max_length=120)
    criteria: list[Any] = Field(default_factory=list)


class ProfileRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: ProfileKind
    name: str
    version: int
    criteria: list[dict[str, Any]]


class CriteriaStage(StrEnum):
    """The stages a lead qualifies into by criteria."""

    MQL = "mql"
    SQL = "sql"


class CriteriaWrite(CleanInput):
    condition: dict[str, Any]
    automatic: bool = True


class CriteriaRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    stage: str
    version: int
    condition: dict[str, Any]
    automatic: bool
    description: str = ""


class OccurrenceRead(BaseModel):
    touch_id: int
    type: str
    occurred_at: datetime
    points: float


class RuleBreakdown(BaseModel):
    rule: str
    kind: str
    points: int
    fired: bool
    occurrences: int
    last_fired_at: datetime | None
    raw_points: float
    decayed_points: float
    capped_at: int | None
    recent: list[OccurrenceRead]


class ModelBreakdown(BaseModel):
    model_id: int
    model: str
    version: int
    is_primary: bool
    total: float
    stored_total: float | None
    stored_at: datetime | None
    rules: list[RuleBreakdown]


class GradeRead(BaseModel):
    grade: str
    fit: float
    icp_match: float
    persona: str | None
    persona_match: float
    why: list[str]


class ContactScoresRead(BaseModel):
    contact_id: int
    as_of: datetime
    models: list[ModelBreakdown]
    grade: GradeRead | None
    # A score adjustment: behaviour rules count only touches after this (a recycled lead).
    reset_at: datetime | None = None
    reset_reason: str | None = None


class RescoreRunRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    reason: str
    status: str
    contacts_total: int
    contacts_done: int
    qualified: int
    started_at: datetime | None
    finished_at: datetime | None


class BacktestRequest(CleanInput):
    months: int = Field(default=6, ge=1, le=24)
    model_id: int | None = None
    model: ScoreModelWrite | None = None
    criteria: dict[str, Any] | None = None


class BacktestFigures(BaseModel):
    mqls: int
    became_sql: int
    became_customer: int


class BacktestRead(BaseModel):
    since: datetime
    until: datetime
    checkpoints: int
    current: BacktestFigures
    proposed: BacktestFigures


class AccountScoreRead(BaseModel):
    account_id: int
    model_id: int
    method: str
    score: float
    contacts: int


class BuyingGroupMember(BaseModel):
    contact_id: int
    name: str
    job_title: str | None
    persona: str | None
    grade: str | None
    score: float


class BuyingGroupRead(BaseModel):
    account_id: int
    scores: list[AccountScoreRead]
    members: list[BuyingGroupMember]
    personas_engaged: list[str]
    personas_missing: list[str]
