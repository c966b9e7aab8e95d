from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type_update_category_type_0 import EventTypeUpdateCategoryType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_type_update_properties_schema_type_0 import EventTypeUpdatePropertiesSchemaType0


T = TypeVar("T", bound="EventTypeUpdate")


@_attrs_define
class EventTypeUpdate:
    """
    Attributes:
        label (None | str | Unset):
        category (EventTypeUpdateCategoryType0 | None | Unset):
        identifies (bool | None | Unset):
        creates_contacts (bool | None | Unset):
        properties_schema (EventTypeUpdatePropertiesSchemaType0 | None | Unset):
    """

    label: None | str | Unset = UNSET
    category: EventTypeUpdateCategoryType0 | None | Unset = UNSET
    identifies: bool | None | Unset = UNSET
    creates_contacts: bool | None | Unset = UNSET
    properties_schema: EventTypeUpdatePropertiesSchemaType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_type_update_properties_schema_type_0 import EventTypeUpdatePropertiesSchemaType0  # noqa: PLC0415

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, EventTypeUpdateCategoryType0):
            category = self.category.value
        else:
            category = self.category

        identifies: bool | None | Unset
        if isinstance(self.identifies, Unset):
            identifies = UNSET
        else:
            identifies = self.identifies

        creates_contacts: bool | None | Unset
        if isinstance(self.creates_contacts, Unset):
            creates_contacts = UNSET
        else:
            creates_contacts = self.creates_contacts

        properties_schema: dict[str, Any] | None | Unset
        if isinstance(self.properties_schema, Unset):
            properties_schema = UNSET
        elif isinstance(self.properties_schema, EventTypeUpdatePropertiesSchemaType0):
            properties_schema = self.properties_schema.to_dict()
        else:
            properties_schema = self.properties_schema

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
        from ..models.event_type_update_properties_schema_type_0 import EventTypeUpdatePropertiesSchemaType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_category(data: object) -> EventTypeUpdateCategoryType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = EventTypeUpdateCategoryType0(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventTypeUpdateCategoryType0 | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_identifies(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        identifies = _parse_identifies(d.pop("identifies", UNSET))

        def _parse_creates_contacts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        creates_contacts = _parse_creates_contacts(d.pop("creates_contacts", UNSET))

        def _parse_properties_schema(data: object) -> EventTypeUpdatePropertiesSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                properties_schema_type_0 = EventTypeUpdatePropertiesSchemaType0.from_dict(data)

                return properties_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventTypeUpdatePropertiesSchemaType0 | None | Unset, data)

        properties_schema = _parse_properties_schema(d.pop("properties_schema", UNSET))

        event_type_update = cls(
            label=label,
            category=category,
            identifies=identifies,
            creates_contacts=creates_contacts,
            properties_schema=properties_schema,
        )

        return event_type_update
