from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_failure import EventFailure


T = TypeVar("T", bound="EventBatchResult")


@_attrs_define
class EventBatchResult:
    """
    Attributes:
        stored (int): Events stored now.
        duplicates (int): Events whose idempotency key the sender stored before, with the same payload (replays with
            another payload are failures).
        contacts_created (int):
        failed (list[EventFailure]):
    """

    stored: int
    duplicates: int
    contacts_created: int
    failed: list[EventFailure]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stored = self.stored

        duplicates = self.duplicates

        contacts_created = self.contacts_created

        failed = []
        for failed_item_data in self.failed:
            failed_item = failed_item_data.to_dict()
            failed.append(failed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stored": stored,
                "duplicates": duplicates,
                "contacts_created": contacts_created,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_failure import EventFailure  # noqa: PLC0415

        d = dict(src_dict)
        stored = d.pop("stored")

        duplicates = d.pop("duplicates")

        contacts_created = d.pop("contacts_created")

        failed = []
        _failed = d.pop("failed")
        for failed_item_data in _failed:
            failed_item = EventFailure.from_dict(failed_item_data)

            failed.append(failed_item)

        event_batch_result = cls(
            stored=stored,
            duplicates=duplicates,
            contacts_created=contacts_created,
            failed=failed,
        )

        event_batch_result.additional_properties = d
        return event_batch_result

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
