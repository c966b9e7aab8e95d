from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.imports_create_body_key import ImportsCreateBodyKey
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportsCreateBody")


@_attrs_define
class ImportsCreateBody:
    """
    Attributes:
        file (str): A CSV file: HubSpot, Salesforce or Huddle
        mapping (None | str | Unset): JSON {"csv header": "huddle field"}; detected from the header if absent
        key (ImportsCreateBodyKey | Unset): What rows are matched to contacts by first: email (then the external id, for
            rows without email) or external_id (then the email) Default: ImportsCreateBodyKey.EMAIL.
        clear_empty (bool | Unset): An empty cell of a mapped column clears the field of an existing contact (never its
            email, external id, consent or stage) Default: False.
        placeholders (None | str | Unset): JSON list of the cell values read as empty, e.g. ["N/A", "-"]; the default
            list if absent
    """

    file: str
    mapping: None | str | Unset = UNSET
    key: ImportsCreateBodyKey | Unset = ImportsCreateBodyKey.EMAIL
    clear_empty: bool | Unset = False
    placeholders: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        mapping: None | str | Unset
        if isinstance(self.mapping, Unset):
            mapping = UNSET
        else:
            mapping = self.mapping

        key: str | Unset = UNSET
        if not isinstance(self.key, Unset):
            key = self.key.value

        clear_empty = self.clear_empty

        placeholders: None | str | Unset
        if isinstance(self.placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = self.placeholders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if key is not UNSET:
            field_dict["key"] = key
        if clear_empty is not UNSET:
            field_dict["clear_empty"] = clear_empty
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.mapping, Unset):
            if isinstance(self.mapping, str):
                files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))
            else:
                files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))

        if not isinstance(self.key, Unset):
            files.append(("key", (None, str(self.key.value).encode(), "text/plain")))

        if not isinstance(self.clear_empty, Unset):
            files.append(("clear_empty", (None, str(self.clear_empty).encode(), "text/plain")))

        if not isinstance(self.placeholders, Unset):
            if isinstance(self.placeholders, str):
                files.append(("placeholders", (None, str(self.placeholders).encode(), "text/plain")))
            else:
                files.append(("placeholders", (None, str(self.placeholders).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = d.pop("file")

        def _parse_mapping(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mapping = _parse_mapping(d.pop("mapping", UNSET))

        _key = d.pop("key", UNSET)
        key: ImportsCreateBodyKey | Unset
        if isinstance(_key, Unset):
            key = UNSET
        else:
            key = ImportsCreateBodyKey(_key)

        clear_empty = d.pop("clear_empty", UNSET)

        def _parse_placeholders(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        placeholders = _parse_placeholders(d.pop("placeholders", UNSET))

        imports_create_body = cls(
            file=file,
            mapping=mapping,
            key=key,
            clear_empty=clear_empty,
            placeholders=placeholders,
        )

        imports_create_body.additional_properties = d
        return imports_create_body

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
