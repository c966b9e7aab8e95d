from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.properties_schema import PropertiesSchema


T = TypeVar("T", bound="EventTypeRead")


@_attrs_define
class EventTypeRead:
    """
    Attributes:
        id (int):
        name (str):
        label (str):
        category (str):
        identifies (bool):
        creates_contacts (bool):
        properties_schema (PropertiesSchema): The JSON-schema subset each event of the type is checked against: its
            properties'
            types and which are required. Empty: anything goes.
    """

    id: int
    name: str
    label: str
    category: str
    identifies: bool
    creates_contacts: bool
    properties_schema: PropertiesSchema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        label = self.label

        category = self.category

        identifies = self.identifies

        creates_contacts = self.creates_contacts

        properties_schema = self.properties_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "label": label,
                "category": category,
                "identifies": identifies,
                "creates_contacts": creates_contacts,
                "properties_schema": properties_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.properties_schema import PropertiesSchema  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        label = d.pop("label")

        category = d.pop("category")

        identifies = d.pop("identifies")

        creates_contacts = d.pop("creates_contacts")

        properties_schema = PropertiesSchema.from_dict(d.pop("properties_schema"))

        event_type_read = cls(
            id=id,
            name=name,
            label=label,
            category=category,
            identifies=identifies,
            creates_contacts=creates_contacts,
            properties_schema=properties_schema,
        )

        event_type_read.additional_properties = d
        return event_type_read

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
