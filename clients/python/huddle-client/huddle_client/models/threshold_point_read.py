from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ThresholdPointRead")


@_attrs_define
class ThresholdPointRead:
    """
    Attributes:
        threshold (float): MQL when the primary score is at least this
        mqls (int): Contacts of the window scoring at least the threshold
        per_month (float): mqls over the window's months
        accepted (int): Of those, how many sales accepted (reached SAL)
        converted (int): Of those, how many reached the chosen stage
        acceptance (float | None): accepted / mqls (0..1)
        conversion (float | None): converted / mqls (0..1)
        fits (bool): per_month is within the sales capacity
    """

    threshold: float
    mqls: int
    per_month: float
    accepted: int
    converted: int
    acceptance: float | None
    conversion: float | None
    fits: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        threshold = self.threshold

        mqls = self.mqls

        per_month = self.per_month

        accepted = self.accepted

        converted = self.converted

        acceptance: float | None
        acceptance = self.acceptance

        conversion: float | None
        conversion = self.conversion

        fits = self.fits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "threshold": threshold,
                "mqls": mqls,
                "per_month": per_month,
                "accepted": accepted,
                "converted": converted,
                "acceptance": acceptance,
                "conversion": conversion,
                "fits": fits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        threshold = d.pop("threshold")

        mqls = d.pop("mqls")

        per_month = d.pop("per_month")

        accepted = d.pop("accepted")

        converted = d.pop("converted")

        def _parse_acceptance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        acceptance = _parse_acceptance(d.pop("acceptance"))

        def _parse_conversion(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion = _parse_conversion(d.pop("conversion"))

        fits = d.pop("fits")

        threshold_point_read = cls(
            threshold=threshold,
            mqls=mqls,
            per_month=per_month,
            accepted=accepted,
            converted=converted,
            acceptance=acceptance,
            conversion=conversion,
            fits=fits,
        )

        threshold_point_read.additional_properties = d
        return threshold_point_read

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
