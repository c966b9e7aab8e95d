"""Opaque keyset cursors: stable pages over millions of rows without OFFSET scans."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson

from huddle.core.errors import FieldError, ValidationFailed

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(values, default=str)).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, orjson.JSONDecodeError) as exc:
        raise ValidationFailed(
            "invalid cursor", [FieldError("cursor", "not a cursor this API returned")]
        ) from exc
    if not isinstance(values, list):
        raise ValidationFailed("invalid cursor", [FieldError("cursor", "malformed cursor")])
    return values
