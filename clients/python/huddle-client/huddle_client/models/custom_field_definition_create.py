from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_field_definition_create_entity import CustomFieldDefinitionCreateEntity
from ..models.custom_field_definition_create_field_type import CustomFieldDefinitionCreateFieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomFieldDefinitionCreate")


@_attrs_define
class CustomFieldDefinitionCreate:
    """
    Attributes:
        entity (CustomFieldDefinitionCreateEntity):
        key (str):
        label (str):
        field_type (CustomFieldDefinitionCreateFieldType):
        choices (list[str] | Unset):
    """

    entity: CustomFieldDefinitionCreateEntity
    key: str
    label: str
    field_type: CustomFieldDefinitionCreateFieldType
    choices: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        entity = self.entity.value

        key = self.key

        label = self.label

        field_type = self.field_type.value

        choices: list[str] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entity": entity,
                "key": key,
                "label": label,
                "field_type": field_type,
            }
        )
        if choices is not UNSET:
            field_dict["choices"] = choices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity = CustomFieldDefinitionCreateEntity(d.pop("entity"))

        key = d.pop("key")

        label = d.pop("label")

        field_type = CustomFieldDefinitionCreateFieldType(d.pop("field_type"))

        choices = cast(list[str], d.pop("choices", UNSET))

        custom_field_definition_create = cls(
            entity=entity,
            key=key,
            label=label,
            field_type=field_type,
            choices=choices,
        )

        return custom_field_definition_create
