from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchImportsCreateBody")


@_attrs_define
class TouchImportsCreateBody:
    """
    Attributes:
        file (str): Activities (CSV): contact email or record id, activity type, date; HubSpot and Salesforce activity
            exports are read by their headers
        mapping (None | str | Unset): The columns mapped by hand, a JSON object {"csv header": "field"}, the fields
            being email, contact_id, type, occurred_at, activity_id, subject, url, closed, status; without it, the columns
            are read by their header
    """

    file: str
    mapping: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        mapping: None | str | Unset
        if isinstance(self.mapping, Unset):
            mapping = UNSET
        else:
            mapping = self.mapping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.mapping, Unset):
            if isinstance(self.mapping, str):
                files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))
            else:
                files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))

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

        touch_imports_create_body = cls(
            file=file,
            mapping=mapping,
        )

        touch_imports_create_body.additional_properties = d
        return touch_imports_create_body

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
