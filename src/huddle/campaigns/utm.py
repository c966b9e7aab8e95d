"""Which campaign a touch's UTM parameters name: a pure matcher over the rules, built once
per batch of touches (so ingest reads the rules once, not once per touch)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Rule:
    campaign_id: int
    field: str  # utm_source, utm_medium or utm_campaign
    operator: str  # equals or contains
    value: str  # lower case


@dataclass(frozen=True)
class UtmMapper:
    """The rules in the order they are tried; the first that matches wins. Each campaign's
    own ``utm_campaign`` comes after them as an ``utm_campaign equals`` rule, so an explicit
    rule can always overrule it. Case is ignored on both sides."""

    rules: tuple[Rule, ...]

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> UtmMapper:
        return cls(tuple(Rule(r.campaign_id, r.field, r.operator, r.value.lower()) for r in rules))

    @property
    def empty(self) -> bool:
        return not self.rules

    def campaign_for(self, properties: Mapping[str, Any]) -> int | None:
        """The campaign the first matching rule names, or None."""
        seen: dict[str, str | None] = {}
        for rule in self.rules:
            if rule.field not in seen:
                raw = properties.get(rule.field)
                seen[rule.field] = str(raw).lower() if raw not in (None, "") else None
            value = seen[rule.field]
            if value is None:
                continue
            if value == rule.value if rule.operator == "equals" else rule.value in value:
                return rule.campaign_id
        return None
