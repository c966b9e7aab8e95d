from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference


T = TypeVar("T", bound="SlaBreachedData")


@_attrs_define
class SlaBreachedData:
    """
    Attributes:
        clock_id (int):
        contact (ContactReference):
        term_key (str): The SLA term whose clock runs, e.g. first_touch.
        due_at (datetime.datetime):
        reroute (bool): Whether the lead is routed again because of it.
        owner_id (int | None | Unset):
        handoff_id (int | None | Unset):
    """

    clock_id: int
    contact: ContactReference
    term_key: str
    due_at: datetime.datetime
    reroute: bool
    owner_id: int | None | Unset = UNSET
    handoff_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock_id = self.clock_id

        contact = self.contact.to_dict()

        term_key = self.term_key

        due_at = self.due_at.isoformat()

        reroute = self.reroute

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        handoff_id: int | None | Unset
        if isinstance(self.handoff_id, Unset):
            handoff_id = UNSET
        else:
            handoff_id = self.handoff_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock_id": clock_id,
                "contact": contact,
                "term_key": term_key,
                "due_at": due_at,
                "reroute": reroute,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if handoff_id is not UNSET:
            field_dict["handoff_id"] = handoff_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415

        d = dict(src_dict)
        clock_id = d.pop("clock_id")

        contact = ContactReference.from_dict(d.pop("contact"))

        term_key = d.pop("term_key")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        reroute = d.pop("reroute")

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_handoff_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        handoff_id = _parse_handoff_id(d.pop("handoff_id", UNSET))

        sla_breached_data = cls(
            clock_id=clock_id,
            contact=contact,
            term_key=term_key,
            due_at=due_at,
            reroute=reroute,
            owner_id=owner_id,
            handoff_id=handoff_id,
        )

        sla_breached_data.additional_properties = d
        return sla_breached_data

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
