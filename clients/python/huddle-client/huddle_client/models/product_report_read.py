from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.feature_report_row import FeatureReportRow
    from ..models.lost_reason_row import LostReasonRow


T = TypeVar("T", bound="ProductReportRead")


@_attrs_define
class ProductReportRead:
    """
    Attributes:
        features (list[FeatureReportRow]): Ranked by open pipeline at stake, then revenue lost
        lost_reasons (list[LostReasonRow]): Lost deals' reasons, costliest first
    """

    features: list[FeatureReportRow]
    lost_reasons: list[LostReasonRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        lost_reasons = []
        for lost_reasons_item_data in self.lost_reasons:
            lost_reasons_item = lost_reasons_item_data.to_dict()
            lost_reasons.append(lost_reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "features": features,
                "lost_reasons": lost_reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feature_report_row import FeatureReportRow  # noqa: PLC0415
        from ..models.lost_reason_row import LostReasonRow  # noqa: PLC0415

        d = dict(src_dict)
        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = FeatureReportRow.from_dict(features_item_data)

            features.append(features_item)

        lost_reasons = []
        _lost_reasons = d.pop("lost_reasons")
        for lost_reasons_item_data in _lost_reasons:
            lost_reasons_item = LostReasonRow.from_dict(lost_reasons_item_data)

            lost_reasons.append(lost_reasons_item)

        product_report_read = cls(
            features=features,
            lost_reasons=lost_reasons,
        )

        product_report_read.additional_properties = d
        return product_report_read

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
