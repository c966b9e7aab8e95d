from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_type_update_category import EventTypeUpdateCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.properties_schema import PropertiesSchema


T = TypeVar("T", bound="EventTypeUpdate")


@_attrs_define
class EventTypeUpdate:
    """Only the fields given change; none may be null.

    Attributes:
        label (str | Unset):
        category (EventTypeUpdateCategory | Unset):
        identifies (bool | Unset):
        creates_contacts (bool | Unset):
        properties_schema (PropertiesSchema | Unset): The JSON-schema subset each event of the type is checked against:
            its properties'
            types and which are required. Empty: anything goes.
    """

    label: str | Unset = UNSET
    category: EventTypeUpdateCategory | Unset = UNSET
    identifies: bool | Unset = UNSET
    creates_contacts: bool | Unset = UNSET
    properties_schema: PropertiesSchema | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        identifies = self.identifies

        creates_contacts = self.creates_contacts

        properties_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties_schema, Unset):
            properties_schema = self.properties_schema.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if category is not UNSET:
            field_dict["category"] = category
        if identifies is not UNSET:
            field_dict["identifies"] = identifies
        if creates_contacts is not UNSET:
            field_dict["creates_contacts"] = creates_contacts
        if properties_schema is not UNSET:
            field_dict["properties_schema"] = properties_schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.properties_schema import PropertiesSchema  # noqa: PLC0415

        d = dict(src_dict)
        label = d.pop("label", UNSET)

        _category = d.pop("category", UNSET)
        category: EventTypeUpdateCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = EventTypeUpdateCategory(_category)

        identifies = d.pop("identifies", UNSET)

        creates_contacts = d.pop("creates_contacts", UNSET)

        _properties_schema = d.pop("properties_schema", UNSET)
        properties_schema: PropertiesSchema | Unset
        if isinstance(_properties_schema, Unset):
            properties_schema = UNSET
        else:
            properties_schema = PropertiesSchema.from_dict(_properties_schema)

        event_type_update = cls(
            label=label,
            category=category,
            identifies=identifies,
            creates_contacts=creates_contacts,
            properties_schema=properties_schema,
        )

        return event_type_update
