"""The base every request body's schema builds on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from huddle.core.text import unclean_part


def _check_nested(value: Any) -> None:
    """Every string inside ``value`` (dict keys too), or a 422 naming where the bad one is."""
    if isinstance(value, BaseModel) and not isinstance(value, CleanInput):
        value = value.__dict__
    found = unclean_part(value)
    if found:
        raise PydanticCustomError("control_character", found)


class CleanInput(BaseModel):
    """A body whose every text, nested ones included, holds no control character: a NUL
    or an escape sequence is refused with a 422 naming the field (and the key inside it),
    on every route and form alike. Single-line fields refuse line breaks too (their types
    say so); multi-line text keeps tabs and line breaks."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        _check_nested(value)
        return value


class InputModel(CleanInput):
    """A request body that also refuses fields it does not know."""

    model_config = ConfigDict(extra="forbid")


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)
