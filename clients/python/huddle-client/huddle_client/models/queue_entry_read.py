from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_read import ContactRead
    from ..models.handoff_read import HandoffRead


T = TypeVar("T", bound="QueueEntryRead")


@_attrs_define
class QueueEntryRead:
    """A hand-off as the sales queue and the packet page show it: the hand-off with its
    packet, the lead and the names the page prints.

        Attributes:
            handoff (HandoffRead):
            contact (ContactRead):
            rule_label (str): The rule that decided, as people read it ("Territory: EMEA")
            owner_name (None | str): The rep it was handed to; null while it waits in the team queue (or when that rep's
                account was deactivated)
    """

    handoff: HandoffRead
    contact: ContactRead
    rule_label: str
    owner_name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handoff = self.handoff.to_dict()

        contact = self.contact.to_dict()

        rule_label = self.rule_label

        owner_name: None | str
        owner_name = self.owner_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "handoff": handoff,
                "contact": contact,
                "rule_label": rule_label,
                "owner_name": owner_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_read import ContactRead  # noqa: PLC0415
        from ..models.handoff_read import HandoffRead  # noqa: PLC0415

        d = dict(src_dict)
        handoff = HandoffRead.from_dict(d.pop("handoff"))

        contact = ContactRead.from_dict(d.pop("contact"))

        rule_label = d.pop("rule_label")

        def _parse_owner_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_name = _parse_owner_name(d.pop("owner_name"))

        queue_entry_read = cls(
            handoff=handoff,
            contact=contact,
            rule_label=rule_label,
            owner_name=owner_name,
        )

        queue_entry_read.additional_properties = d
        return queue_entry_read

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
