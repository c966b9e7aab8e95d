from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FactorRead")


@_attrs_define
class FactorRead:
    """
    Attributes:
        feature (str):
        words (str):
        value (float | None): The contact's value of the feature as the linear model sees it (standardised); null for
            the boosted model's factors
        contribution (float): Linear: coefficient x value, on the log-odds scale. Boosted: the probability minus the
            probability with this column at its training baseline
    """

    feature: str
    words: str
    value: float | None
    contribution: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature

        words = self.words

        value: float | None
        value = self.value

        contribution = self.contribution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "words": words,
                "value": value,
                "contribution": contribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feature = d.pop("feature")

        words = d.pop("words")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        contribution = d.pop("contribution")

        factor_read = cls(
            feature=feature,
            words=words,
            value=value,
            contribution=contribution,
        )

        factor_read.additional_properties = d
        return factor_read

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
