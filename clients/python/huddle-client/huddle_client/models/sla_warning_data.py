from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference


T = TypeVar("T", bound="SlaWarningData")


@_attrs_define
class SlaWarningData:
    """
    Attributes:
        clock_id (int):
        contact (ContactReference):
        term_key (str): The SLA term whose clock runs, e.g. first_touch.
        due_at (datetime.datetime):
        owner_id (int | None | Unset):
    """

    clock_id: int
    contact: ContactReference
    term_key: str
    due_at: datetime.datetime
    owner_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock_id = self.clock_id

        contact = self.contact.to_dict()

        term_key = self.term_key

        due_at = self.due_at.isoformat()

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
                "term_key": term_key,
                "due_at": due_at,
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

        term_key = d.pop("term_key")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        sla_warning_data = cls(
            clock_id=clock_id,
            contact=contact,
            term_key=term_key,
            due_at=due_at,
            owner_id=owner_id,
        )

        sla_warning_data.additional_properties = d
        return sla_warning_data

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
