from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_mapping_update_mapping import ImportMappingUpdateMapping


T = TypeVar("T", bound="ImportMappingUpdate")


@_attrs_define
class ImportMappingUpdate:
    """Only the fields given change; neither may be null.

    Attributes:
        name (str | Unset):
        mapping (ImportMappingUpdateMapping | Unset):
    """

    name: str | Unset = UNSET
    mapping: ImportMappingUpdateMapping | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_mapping_update_mapping import ImportMappingUpdateMapping  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _mapping = d.pop("mapping", UNSET)
        mapping: ImportMappingUpdateMapping | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = ImportMappingUpdateMapping.from_dict(_mapping)

        import_mapping_update = cls(
            name=name,
            mapping=mapping,
        )

        return import_mapping_update
