from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomFieldDefinitionRead")


@_attrs_define
class CustomFieldDefinitionRead:
    """
    Attributes:
        id (int):
        entity (str):
        key (str):
        label (str):
        field_type (str):
        choices (list[str]):
        archived (bool):
    """

    id: int
    entity: str
    key: str
    label: str
    field_type: str
    choices: list[str]
    archived: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity = self.entity

        key = self.key

        label = self.label

        field_type = self.field_type

        choices = self.choices

        archived = self.archived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entity": entity,
                "key": key,
                "label": label,
                "field_type": field_type,
                "choices": choices,
                "archived": archived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        entity = d.pop("entity")

        key = d.pop("key")

        label = d.pop("label")

        field_type = d.pop("field_type")

        choices = cast(list[str], d.pop("choices"))

        archived = d.pop("archived")

        custom_field_definition_read = cls(
            id=id,
            entity=entity,
            key=key,
            label=label,
            field_type=field_type,
            choices=choices,
            archived=archived,
        )

        custom_field_definition_read.additional_properties = d
        return custom_field_definition_read

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
