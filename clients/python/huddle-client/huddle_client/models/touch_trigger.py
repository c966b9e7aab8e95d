from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.property_filter import PropertyFilter


T = TypeVar("T", bound="TouchTrigger")


@_attrs_define
class TouchTrigger:
    """A touch of ``touch_type`` whose properties pass every filter (a form submitted is
    the touch type ``form_submitted`` with ``form`` as its property).

        Attributes:
            touch_type (str):
            type_ (Literal['touch'] | Unset):  Default: 'touch'.
            properties (list[PropertyFilter] | Unset):
    """

    touch_type: str
    type_: Literal["touch"] | Unset = "touch"
    properties: list[PropertyFilter] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        touch_type = self.touch_type

        type_ = self.type_

        properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = []
            for properties_item_data in self.properties:
                properties_item = properties_item_data.to_dict()
                properties.append(properties_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "touch_type": touch_type,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.property_filter import PropertyFilter  # noqa: PLC0415

        d = dict(src_dict)
        touch_type = d.pop("touch_type")

        type_ = cast(Literal["touch"] | Unset, d.pop("type", UNSET))
        if type_ != "touch" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'touch', got '{type_}'")

        _properties = d.pop("properties", UNSET)
        properties: list[PropertyFilter] | Unset = UNSET
        if _properties is not UNSET:
            properties = []
            for properties_item_data in _properties:
                properties_item = PropertyFilter.from_dict(properties_item_data)

                properties.append(properties_item)

        touch_trigger = cls(
            touch_type=touch_type,
            type_=type_,
            properties=properties,
        )

        return touch_trigger
