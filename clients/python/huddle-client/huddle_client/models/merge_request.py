from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merge_request_choices import MergeRequestChoices


T = TypeVar("T", bound="MergeRequest")


@_attrs_define
class MergeRequest:
    """
    Attributes:
        merged_id (int):
        choices (MergeRequestChoices | Unset): field -> "survivor" or "merged"; other conflicts take the newest value.
    """

    merged_id: int
    choices: MergeRequestChoices | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        merged_id = self.merged_id

        choices: dict[str, Any] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "merged_id": merged_id,
            }
        )
        if choices is not UNSET:
            field_dict["choices"] = choices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_request_choices import MergeRequestChoices  # noqa: PLC0415

        d = dict(src_dict)
        merged_id = d.pop("merged_id")

        _choices = d.pop("choices", UNSET)
        choices: MergeRequestChoices | Unset
        if isinstance(_choices, Unset):
            choices = UNSET
        else:
            choices = MergeRequestChoices.from_dict(_choices)

        merge_request = cls(
            merged_id=merged_id,
            choices=choices,
        )

        return merge_request
