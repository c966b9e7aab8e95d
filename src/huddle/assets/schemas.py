"""The asset library's JSON shapes (the page's forms build the same ones)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from huddle.core.schemas import InputModel, ReadModel
from huddle.core.text import refuse_control_characters

AssetKind = Literal[
    "whitepaper", "ebook", "case_study", "report", "tool", "video", "webinar", "other"
]
AssetStatus = Literal["draft", "approved"]


def _one_line(value: str) -> str:
    return refuse_control_characters(value.strip(), single_line=True)


def _web_address(value: str) -> str:
    value = value.strip()
    if not value.lower().startswith(("http://", "https://")) or " " in value:
        raise ValueError("a web address starting with http:// or https://")
    return value


class AssetWrite(InputModel):
    title: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_one_line)]
    url: Annotated[str, Field(min_length=8, max_length=1000), AfterValidator(_web_address)]
    kind: AssetKind = "other"


class AssetStatusWrite(InputModel):
    status: AssetStatus


class AssetRead(ReadModel):
    id: int
    title: str
    url: str
    kind: AssetKind
    status: AssetStatus
    approved_at: datetime | None
    approved_by: str | None
    created_at: datetime
