"""The campaigns' JSON shapes for /api/v1 (the pages' forms build the same ones)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from huddle.core.schemas import InputModel, ReadModel
from huddle.core.text import refuse_control_characters

Channel = Literal[
    "email",
    "paid_search",
    "paid_social",
    "organic_social",
    "events",
    "webinar",
    "content",
    "partner",
    "direct_mail",
    "outbound",
    "other",
]
UtmField = Literal["utm_source", "utm_medium", "utm_campaign"]
UtmOperator = Literal["equals", "contains"]
Money = Annotated[float, Field(ge=0, le=1_000_000_000_000)]


def _one_line(value: str) -> str:
    return refuse_control_characters(value.strip(), single_line=True)


def _one_line_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = _one_line(value)
    return cleaned or None


Line = Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=200)]
OptionalLine = Annotated[
    Annotated[str, Field(max_length=200)] | None, AfterValidator(_one_line_or_none)
]


class CampaignWrite(InputModel):
    """A campaign as created or replaced: the end date may not be before the start."""

    name: Line
    channel: Channel
    utm_campaign: OptionalLine = None
    starts_on: date | None = None
    ends_on: date | None = None
    budget: Money | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise PydanticCustomError("date_order", "ends before the campaign starts")
        return self


class CostWrite(InputModel):
    spent_on: date
    amount: Annotated[float, Field(gt=0, le=1_000_000_000_000)]
    note: Annotated[str | None, Field(max_length=500)] = None


class UtmRuleWrite(InputModel):
    field: UtmField
    operator: UtmOperator = "equals"
    value: Line
    position: Annotated[int, Field(ge=0, le=10_000)] = 0


class CostRead(ReadModel):
    id: int
    campaign_id: int
    spent_on: date
    amount: float
    note: str | None


class UtmRuleRead(ReadModel):
    id: int
    campaign_id: int
    field: UtmField
    operator: UtmOperator
    value: str
    position: int


class CampaignRead(ReadModel):
    id: int
    name: str
    channel: str
    utm_campaign: str | None
    starts_on: date | None
    ends_on: date | None
    budget: float | None
    cost: float = Field(description="The sum of the campaign's cost entries.")


class CampaignDetail(CampaignRead):
    costs: list[CostRead]
    rules: list[UtmRuleRead]


class RemapQueued(ReadModel):
    job_id: int
