from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment_read import AdjustmentRead
    from ..models.rule_breakdown import RuleBreakdown


T = TypeVar("T", bound="ModelBreakdown")


@_attrs_define
class ModelBreakdown:
    """
    Attributes:
        model_id (int):
        model (str):
        version (int):
        is_primary (bool):
        total (float):
        stored_total (float | None):
        stored_at (datetime.datetime | None):
        rules (list[RuleBreakdown]):
        in_segment (bool | Unset): False: outside the model's segment, so no score from it. Default: True.
        adjustments (list[AdjustmentRead] | Unset): Points given or taken outside the rules, in the total.
    """

    model_id: int
    model: str
    version: int
    is_primary: bool
    total: float
    stored_total: float | None
    stored_at: datetime.datetime | None
    rules: list[RuleBreakdown]
    in_segment: bool | Unset = True
    adjustments: list[AdjustmentRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_id = self.model_id

        model = self.model

        version = self.version

        is_primary = self.is_primary

        total = self.total

        stored_total: float | None
        stored_total = self.stored_total

        stored_at: None | str
        if isinstance(self.stored_at, datetime.datetime):
            stored_at = self.stored_at.isoformat()
        else:
            stored_at = self.stored_at

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        in_segment = self.in_segment

        adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adjustments, Unset):
            adjustments = []
            for adjustments_item_data in self.adjustments:
                adjustments_item = adjustments_item_data.to_dict()
                adjustments.append(adjustments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_id": model_id,
                "model": model,
                "version": version,
                "is_primary": is_primary,
                "total": total,
                "stored_total": stored_total,
                "stored_at": stored_at,
                "rules": rules,
            }
        )
        if in_segment is not UNSET:
            field_dict["in_segment"] = in_segment
        if adjustments is not UNSET:
            field_dict["adjustments"] = adjustments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_read import AdjustmentRead  # noqa: PLC0415
        from ..models.rule_breakdown import RuleBreakdown  # noqa: PLC0415

        d = dict(src_dict)
        model_id = d.pop("model_id")

        model = d.pop("model")

        version = d.pop("version")

        is_primary = d.pop("is_primary")

        total = d.pop("total")

        def _parse_stored_total(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        stored_total = _parse_stored_total(d.pop("stored_total"))

        def _parse_stored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stored_at_type_0 = datetime.datetime.fromisoformat(data)

                return stored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stored_at = _parse_stored_at(d.pop("stored_at"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleBreakdown.from_dict(rules_item_data)

            rules.append(rules_item)

        in_segment = d.pop("in_segment", UNSET)

        _adjustments = d.pop("adjustments", UNSET)
        adjustments: list[AdjustmentRead] | Unset = UNSET
        if _adjustments is not UNSET:
            adjustments = []
            for adjustments_item_data in _adjustments:
                adjustments_item = AdjustmentRead.from_dict(adjustments_item_data)

                adjustments.append(adjustments_item)

        model_breakdown = cls(
            model_id=model_id,
            model=model,
            version=version,
            is_primary=is_primary,
            total=total,
            stored_total=stored_total,
            stored_at=stored_at,
            rules=rules,
            in_segment=in_segment,
            adjustments=adjustments,
        )

        model_breakdown.additional_properties = d
        return model_breakdown

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
