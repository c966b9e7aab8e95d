from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.occurrence_read import OccurrenceRead


T = TypeVar("T", bound="RuleBreakdown")


@_attrs_define
class RuleBreakdown:
    """
    Attributes:
        rule (str):
        kind (str):
        points (int):
        fired (bool):
        occurrences (int):
        last_fired_at (datetime.datetime | None):
        raw_points (float):
        decayed_points (float):
        capped_at (int | None):
        recent (list[OccurrenceRead]):
    """

    rule: str
    kind: str
    points: int
    fired: bool
    occurrences: int
    last_fired_at: datetime.datetime | None
    raw_points: float
    decayed_points: float
    capped_at: int | None
    recent: list[OccurrenceRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        kind = self.kind

        points = self.points

        fired = self.fired

        occurrences = self.occurrences

        last_fired_at: None | str
        if isinstance(self.last_fired_at, datetime.datetime):
            last_fired_at = self.last_fired_at.isoformat()
        else:
            last_fired_at = self.last_fired_at

        raw_points = self.raw_points

        decayed_points = self.decayed_points

        capped_at: int | None
        capped_at = self.capped_at

        recent = []
        for recent_item_data in self.recent:
            recent_item = recent_item_data.to_dict()
            recent.append(recent_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "kind": kind,
                "points": points,
                "fired": fired,
                "occurrences": occurrences,
                "last_fired_at": last_fired_at,
                "raw_points": raw_points,
                "decayed_points": decayed_points,
                "capped_at": capped_at,
                "recent": recent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.occurrence_read import OccurrenceRead  # noqa: PLC0415

        d = dict(src_dict)
        rule = d.pop("rule")

        kind = d.pop("kind")

        points = d.pop("points")

        fired = d.pop("fired")

        occurrences = d.pop("occurrences")

        def _parse_last_fired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fired_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_fired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fired_at = _parse_last_fired_at(d.pop("last_fired_at"))

        raw_points = d.pop("raw_points")

        decayed_points = d.pop("decayed_points")

        def _parse_capped_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capped_at = _parse_capped_at(d.pop("capped_at"))

        recent = []
        _recent = d.pop("recent")
        for recent_item_data in _recent:
            recent_item = OccurrenceRead.from_dict(recent_item_data)

            recent.append(recent_item)

        rule_breakdown = cls(
            rule=rule,
            kind=kind,
            points=points,
            fired=fired,
            occurrences=occurrences,
            last_fired_at=last_fired_at,
            raw_points=raw_points,
            decayed_points=decayed_points,
            capped_at=capped_at,
            recent=recent,
        )

        rule_breakdown.additional_properties = d
        return rule_breakdown

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
