from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_read_key import MetricReadKey
from ..models.metric_read_kind import MetricReadKind

T = TypeVar("T", bound="MetricRead")


@_attrs_define
class MetricRead:
    """
    Attributes:
        key (MetricReadKey):
        label (str):
        kind (MetricReadKind):
        description (str):
        lower_is_better (bool): Velocity: the goal is to go below the target
        segmentable (bool): Whether a segment can narrow it
    """

    key: MetricReadKey
    label: str
    kind: MetricReadKind
    description: str
    lower_is_better: bool
    segmentable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key.value

        label = self.label

        kind = self.kind.value

        description = self.description

        lower_is_better = self.lower_is_better

        segmentable = self.segmentable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "kind": kind,
                "description": description,
                "lower_is_better": lower_is_better,
                "segmentable": segmentable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = MetricReadKey(d.pop("key"))

        label = d.pop("label")

        kind = MetricReadKind(d.pop("kind"))

        description = d.pop("description")

        lower_is_better = d.pop("lower_is_better")

        segmentable = d.pop("segmentable")

        metric_read = cls(
            key=key,
            label=label,
            kind=kind,
            description=description,
            lower_is_better=lower_is_better,
            segmentable=segmentable,
        )

        metric_read.additional_properties = d
        return metric_read

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
