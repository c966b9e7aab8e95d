from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_type_create_category import EventTypeCreateCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.properties_schema import PropertiesSchema


T = TypeVar("T", bound="EventTypeCreate")


@_attrs_define
class EventTypeCreate:
    """
    Attributes:
        name (str):
        label (str):
        category (EventTypeCreateCategory):
        identifies (bool | Unset):  Default: False.
        creates_contacts (bool | Unset):  Default: False.
        properties_schema (PropertiesSchema | Unset): The JSON-schema subset each event of the type is checked against:
            its properties'
            types and which are required. Empty: anything goes.
    """

    name: str
    label: str
    category: EventTypeCreateCategory
    identifies: bool | Unset = False
    creates_contacts: bool | Unset = False
    properties_schema: PropertiesSchema | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        category = self.category.value

        identifies = self.identifies

        creates_contacts = self.creates_contacts

        properties_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties_schema, Unset):
            properties_schema = self.properties_schema.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "label": label,
                "category": category,
            }
        )
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
        name = d.pop("name")

        label = d.pop("label")

        category = EventTypeCreateCategory(d.pop("category"))

        identifies = d.pop("identifies", UNSET)

        creates_contacts = d.pop("creates_contacts", UNSET)

        _properties_schema = d.pop("properties_schema", UNSET)
        properties_schema: PropertiesSchema | Unset
        if isinstance(_properties_schema, Unset):
            properties_schema = UNSET
        else:
            properties_schema = PropertiesSchema.from_dict(_properties_schema)

        event_type_create = cls(
            name=name,
            label=label,
            category=category,
            identifies=identifies,
            creates_contacts=creates_contacts,
            properties_schema=properties_schema,
        )

        return event_type_create
