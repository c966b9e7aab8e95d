from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merge_item_data_resolution_type_0 import MergeItemDataResolutionType0


T = TypeVar("T", bound="MergeItemData")


@_attrs_define
class MergeItemData:
    """A ``merge`` item's data: which record was merged in, and the choices made per field
    (left out for roles that may not see contact details).

        Attributes:
            merged_id (int):
            resolution (MergeItemDataResolutionType0 | None | Unset):
    """

    merged_id: int
    resolution: MergeItemDataResolutionType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.merge_item_data_resolution_type_0 import MergeItemDataResolutionType0  # noqa: PLC0415

        merged_id = self.merged_id

        resolution: dict[str, Any] | None | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, MergeItemDataResolutionType0):
            resolution = self.resolution.to_dict()
        else:
            resolution = self.resolution

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "merged_id": merged_id,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_item_data_resolution_type_0 import MergeItemDataResolutionType0  # noqa: PLC0415

        d = dict(src_dict)
        merged_id = d.pop("merged_id")

        def _parse_resolution(data: object) -> MergeItemDataResolutionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resolution_type_0 = MergeItemDataResolutionType0.from_dict(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MergeItemDataResolutionType0 | None | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        merge_item_data = cls(
            merged_id=merged_id,
            resolution=resolution,
        )

        return merge_item_data
