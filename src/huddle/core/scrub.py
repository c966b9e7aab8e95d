"""Replace personal values wherever they appear in a text or a JSON document (erasure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

ERASED = "[erased]"
# Shorter values ("Al", "Li") would blank out unrelated words everywhere they occur.
MIN_NEEDLE_LENGTH = 3


def needles_of(values: Iterable[str | None]) -> tuple[str, ...]:
    """The distinct, trimmed values worth searching for, longest first (so a full name is
    replaced before the first name inside it)."""
    found = {v.strip() for v in values if v and len(v.strip()) >= MIN_NEEDLE_LENGTH}
    return tuple(sorted(found, key=lambda v: (-len(v), v)))


def _pattern(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)


def scrub(value: Any, needles: tuple[str, ...]) -> Any:
    """``value`` with every case-insensitive occurrence of a needle replaced by ``ERASED``,
    descending into dicts (keys too) and lists. Other values come back unchanged."""
    if not needles:
        return value
    return _scrub(value, _pattern(needles))


def _scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, dict):
        return {_scrub(k, pattern): _scrub(v, pattern) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, pattern) for v in value]
    return value


def contains(value: Any, needles: tuple[str, ...]) -> bool:
    return bool(needles) and scrub(value, needles) != value
