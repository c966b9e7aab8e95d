from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.properties_schema_properties import PropertiesSchemaProperties


T = TypeVar("T", bound="PropertiesSchema")


@_attrs_define
class PropertiesSchema:
    """The JSON-schema subset each event of the type is checked against: its properties'
    types and which are required. Empty: anything goes.

        Attributes:
            type_ (Literal['object'] | Unset):  Default: 'object'.
            properties (PropertiesSchemaProperties | Unset):
            required (list[str] | Unset):
    """

    type_: Literal["object"] | Unset = "object"
    properties: PropertiesSchemaProperties | Unset = UNSET
    required: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        required: list[str] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if properties is not UNSET:
            field_dict["properties"] = properties
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.properties_schema_properties import PropertiesSchemaProperties  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["object"] | Unset, d.pop("type", UNSET))
        if type_ != "object" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'object', got '{type_}'")

        _properties = d.pop("properties", UNSET)
        properties: PropertiesSchemaProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = PropertiesSchemaProperties.from_dict(_properties)

        required = cast(list[str], d.pop("required", UNSET))

        properties_schema = cls(
            type_=type_,
            properties=properties,
            required=required,
        )

        properties_schema.additional_properties = d
        return properties_schema

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
