from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AtRiskRead")


@_attrs_define
class AtRiskRead:
    """A running clock close to its due time: the lead, whose it is and the countdown.

    Attributes:
        clock_id (int):
        contact_id (int):
        contact_name (str): The lead's name; its email if it has none and your role may see contact details, else
            ``Contact #id``
        owner_name (str): The rep the lead was handed to, or ``Team queue``
        term_label (str):
        due_at (datetime.datetime): When the clock breaches if nothing stops it
        seconds_left (int): Seconds from ``as_of`` until ``due_at`` (negative once overdue): the page's countdown
        warned (bool): Whether the owner was already warned
    """

    clock_id: int
    contact_id: int
    contact_name: str
    owner_name: str
    term_label: str
    due_at: datetime.datetime
    seconds_left: int
    warned: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock_id = self.clock_id

        contact_id = self.contact_id

        contact_name = self.contact_name

        owner_name = self.owner_name

        term_label = self.term_label

        due_at = self.due_at.isoformat()

        seconds_left = self.seconds_left

        warned = self.warned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock_id": clock_id,
                "contact_id": contact_id,
                "contact_name": contact_name,
                "owner_name": owner_name,
                "term_label": term_label,
                "due_at": due_at,
                "seconds_left": seconds_left,
                "warned": warned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clock_id = d.pop("clock_id")

        contact_id = d.pop("contact_id")

        contact_name = d.pop("contact_name")

        owner_name = d.pop("owner_name")

        term_label = d.pop("term_label")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        seconds_left = d.pop("seconds_left")

        warned = d.pop("warned")

        at_risk_read = cls(
            clock_id=clock_id,
            contact_id=contact_id,
            contact_name=contact_name,
            owner_name=owner_name,
            term_label=term_label,
            due_at=due_at,
            seconds_left=seconds_left,
            warned=warned,
        )

        at_risk_read.additional_properties = d
        return at_risk_read

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
