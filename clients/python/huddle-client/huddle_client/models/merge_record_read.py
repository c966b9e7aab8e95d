from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.merge_record_read_merged_snapshot import MergeRecordReadMergedSnapshot
    from ..models.merge_record_read_resolution import MergeRecordReadResolution


T = TypeVar("T", bound="MergeRecordRead")


@_attrs_define
class MergeRecordRead:
    """
    Attributes:
        id (int):
        entity (str):
        survivor_id (int):
        merged_id (int):
        merged_snapshot (MergeRecordReadMergedSnapshot): The merged record's columns before the merge (erasure removes
            the personal ones).
        resolution (MergeRecordReadResolution):
        by_user_id (int | None):
        at (datetime.datetime):
    """

    id: int
    entity: str
    survivor_id: int
    merged_id: int
    merged_snapshot: MergeRecordReadMergedSnapshot
    resolution: MergeRecordReadResolution
    by_user_id: int | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity = self.entity

        survivor_id = self.survivor_id

        merged_id = self.merged_id

        merged_snapshot = self.merged_snapshot.to_dict()

        resolution = self.resolution.to_dict()

        by_user_id: int | None
        by_user_id = self.by_user_id

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entity": entity,
                "survivor_id": survivor_id,
                "merged_id": merged_id,
                "merged_snapshot": merged_snapshot,
                "resolution": resolution,
                "by_user_id": by_user_id,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_record_read_merged_snapshot import MergeRecordReadMergedSnapshot  # noqa: PLC0415
        from ..models.merge_record_read_resolution import MergeRecordReadResolution  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        entity = d.pop("entity")

        survivor_id = d.pop("survivor_id")

        merged_id = d.pop("merged_id")

        merged_snapshot = MergeRecordReadMergedSnapshot.from_dict(d.pop("merged_snapshot"))

        resolution = MergeRecordReadResolution.from_dict(d.pop("resolution"))

        def _parse_by_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        merge_record_read = cls(
            id=id,
            entity=entity,
            survivor_id=survivor_id,
            merged_id=merged_id,
            merged_snapshot=merged_snapshot,
            resolution=resolution,
            by_user_id=by_user_id,
            at=at,
        )

        merge_record_read.additional_properties = d
        return merge_record_read

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
