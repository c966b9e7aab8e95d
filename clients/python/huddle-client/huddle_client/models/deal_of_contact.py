from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DealOfContact")


@_attrs_define
class DealOfContact:
    """A deal a person is on, in their data export: their role (the primary contact's is
    "primary contact" unless given), and the deal's stage and status.

        Attributes:
            opportunity_id (int):
            name (str):
            role (None | str):
            pipeline_stage (str):
            status (str):
    """

    opportunity_id: int
    name: str
    role: None | str
    pipeline_stage: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        opportunity_id = self.opportunity_id

        name = self.name

        role: None | str
        role = self.role

        pipeline_stage = self.pipeline_stage

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "opportunity_id": opportunity_id,
                "name": name,
                "role": role,
                "pipeline_stage": pipeline_stage,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        opportunity_id = d.pop("opportunity_id")

        name = d.pop("name")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        pipeline_stage = d.pop("pipeline_stage")

        status = d.pop("status")

        deal_of_contact = cls(
            opportunity_id=opportunity_id,
            name=name,
            role=role,
            pipeline_stage=pipeline_stage,
            status=status,
        )

        deal_of_contact.additional_properties = d
        return deal_of_contact

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
