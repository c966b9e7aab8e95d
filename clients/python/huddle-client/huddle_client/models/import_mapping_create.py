from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.import_mapping_create_mapping import ImportMappingCreateMapping


T = TypeVar("T", bound="ImportMappingCreate")


@_attrs_define
class ImportMappingCreate:
    """
    Attributes:
        name (str):
        mapping (ImportMappingCreateMapping): {"csv header": "huddle field"}: a field of TARGETS (GET the preview for
            them), "custom.<key>" for a custom field, or null to skip the column
    """

    name: str
    mapping: ImportMappingCreateMapping

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "mapping": mapping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_mapping_create_mapping import ImportMappingCreateMapping  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        mapping = ImportMappingCreateMapping.from_dict(d.pop("mapping"))

        import_mapping_create = cls(
            name=name,
            mapping=mapping,
        )

        return import_mapping_create
