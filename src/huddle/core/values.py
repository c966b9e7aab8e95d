"""Flat JSON values: what a touch's properties (and other open maps) may hold.

A map whose keys are free but whose values are flat (text, a number, true/false, null, or a
list of those) is what scoring conditions, reports and CSV exports can read without
guessing, and what a generated client types (``dict[str, str | int | float | bool | None |
list[...]]``) instead of ``Any``. A nested object is refused where such a map comes in, with
the key that held it.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeAlias

import orjson
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

Scalar: TypeAlias = str | int | float | bool | None
FlatValue: TypeAlias = Scalar | list[Scalar]

FLAT_VALUES = "text, a number, true/false, null or a list of those"
_LIST_HOLDS = "a list holds text, numbers, true/false or null"
_SCALARS = (str, int, float, bool)


def is_scalar(value: object) -> bool:
    return value is None or isinstance(value, _SCALARS)


def _kind(value: object) -> str:
    return "an object" if isinstance(value, dict) else f"a {type(value).__name__}"


def flat_value_problem(value: object, path: str = "value") -> str | None:
    """Why ``value`` (at ``path``) is not a flat value, or None:
    ``"properties.utm is an object: a value is text, a number, ..."``."""
    if is_scalar(value):
        return None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if not is_scalar(item):
                return f"{path}[{index}] is {_kind(item)}: {_LIST_HOLDS}"
        return None
    return f"{path} is {_kind(value)}: a value is {FLAT_VALUES}"


def _flat(value: Any) -> Any:
    problem = flat_value_problem(value)
    if problem is not None:
        raise PydanticCustomError("flat_value", "{problem}", {"problem": problem})
    return value


def _flattened(value: Any) -> Any:
    """A stored value as a flat one: what was stored before values had to be flat (a nested
    object) is read as its JSON text, so it is shown rather than lost or refused."""
    if flat_value_problem(value) is None:
        return value
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


# A map that comes in: a nested value is a 422 naming its key (``properties.utm``).
FlatMap: TypeAlias = dict[str, Annotated[FlatValue, BeforeValidator(_flat)]]
# The same map read back from storage.
StoredFlatMap: TypeAlias = dict[str, Annotated[FlatValue, BeforeValidator(_flattened)]]


def as_flat_map(stored: dict[str, Any]) -> dict[str, FlatValue]:
    """A stored map as ``StoredFlatMap`` reads it, for answers built by hand (the timeline)."""
    return {key: _flattened(value) for key, value in stored.items()}
