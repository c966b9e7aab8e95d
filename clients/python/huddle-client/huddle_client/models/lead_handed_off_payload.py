from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.handed_off_data import HandedOffData


T = TypeVar("T", bound="LeadHandedOffPayload")


@_attrs_define
class LeadHandedOffPayload:
    """
    Attributes:
        occurred_at (datetime.datetime):
        data (HandedOffData):
        event (Literal['lead.handed_off'] | Unset):  Default: 'lead.handed_off'.
        version (int | Unset): The payload's shape version. Default: 1.
        test (bool | Unset): True for a "send test" delivery: sample data. Default: False.
    """

    occurred_at: datetime.datetime
    data: HandedOffData
    event: Literal["lead.handed_off"] | Unset = "lead.handed_off"
    version: int | Unset = 1
    test: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        event = self.event

        version = self.version

        test = self.test

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occurred_at": occurred_at,
                "data": data,
            }
        )
        if event is not UNSET:
            field_dict["event"] = event
        if version is not UNSET:
            field_dict["version"] = version
        if test is not UNSET:
            field_dict["test"] = test

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.handed_off_data import HandedOffData  # noqa: PLC0415

        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = HandedOffData.from_dict(d.pop("data"))

        event = cast(Literal["lead.handed_off"] | Unset, d.pop("event", UNSET))
        if event != "lead.handed_off" and not isinstance(event, Unset):
            raise ValueError(f"event must match const 'lead.handed_off', got '{event}'")

        version = d.pop("version", UNSET)

        test = d.pop("test", UNSET)

        lead_handed_off_payload = cls(
            occurred_at=occurred_at,
            data=data,
            event=event,
            version=version,
            test=test,
        )

        lead_handed_off_payload.additional_properties = d
        return lead_handed_off_payload

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
