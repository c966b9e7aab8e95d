from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomFieldDefinitionUpdate")


@_attrs_define
class CustomFieldDefinitionUpdate:
    """Only the fields given change; neither may be null.

    Attributes:
        label (str | Unset):
        choices (list[str] | Unset):
        archived (bool | Unset): Archived fields keep their values and rules but are no longer offered.
    """

    label: str | Unset = UNSET
    choices: list[str] | Unset = UNSET
    archived: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        choices: list[str] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices

        archived = self.archived

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if choices is not UNSET:
            field_dict["choices"] = choices
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        choices = cast(list[str], d.pop("choices", UNSET))

        archived = d.pop("archived", UNSET)

        custom_field_definition_update = cls(
            label=label,
            choices=choices,
            archived=archived,
        )

        return custom_field_definition_update
