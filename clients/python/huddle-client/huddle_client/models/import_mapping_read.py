from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_mapping_read_mapping import ImportMappingReadMapping


T = TypeVar("T", bound="ImportMappingRead")


@_attrs_define
class ImportMappingRead:
    """
    Attributes:
        id (int):
        name (str):
        mapping (ImportMappingReadMapping):
        by_user_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    mapping: ImportMappingReadMapping
    by_user_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        mapping = self.mapping.to_dict()

        by_user_id: int | None
        by_user_id = self.by_user_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "mapping": mapping,
                "by_user_id": by_user_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_mapping_read_mapping import ImportMappingReadMapping  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        mapping = ImportMappingReadMapping.from_dict(d.pop("mapping"))

        def _parse_by_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        import_mapping_read = cls(
            id=id,
            name=name,
            mapping=mapping,
            by_user_id=by_user_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        import_mapping_read.additional_properties = d
        return import_mapping_read

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
