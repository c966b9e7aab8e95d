from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference


T = TypeVar("T", bound="SlaEscalatedData")


@_attrs_define
class SlaEscalatedData:
    """
    Attributes:
        clock_id (int):
        contact (ContactReference):
        manager_id (int):
        term_key (str):
        owner_id (int | None | Unset):
    """

    clock_id: int
    contact: ContactReference
    manager_id: int
    term_key: str
    owner_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock_id = self.clock_id

        contact = self.contact.to_dict()

        manager_id = self.manager_id

        term_key = self.term_key

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock_id": clock_id,
                "contact": contact,
                "manager_id": manager_id,
                "term_key": term_key,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415

        d = dict(src_dict)
        clock_id = d.pop("clock_id")

        contact = ContactReference.from_dict(d.pop("contact"))

        manager_id = d.pop("manager_id")

        term_key = d.pop("term_key")

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        sla_escalated_data = cls(
            clock_id=clock_id,
            contact=contact,
            manager_id=manager_id,
            term_key=term_key,
            owner_id=owner_id,
        )

        sla_escalated_data.additional_properties = d
        return sla_escalated_data

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
