from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlaDraftRead")


@_attrs_define
class SlaDraftRead:
    """
    Attributes:
        version_id (int):
        number (int):
        mql_volume (int): The MQL-volume term's count in the draft
        period (str): The term's period: week, month or quarter
    """

    version_id: int
    number: int
    mql_volume: int
    period: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version_id = self.version_id

        number = self.number

        mql_volume = self.mql_volume

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version_id": version_id,
                "number": number,
                "mql_volume": mql_volume,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version_id = d.pop("version_id")

        number = d.pop("number")

        mql_volume = d.pop("mql_volume")

        period = d.pop("period")

        sla_draft_read = cls(
            version_id=version_id,
            number=number,
            mql_volume=mql_volume,
            period=period,
        )

        sla_draft_read.additional_properties = d
        return sla_draft_read

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
