from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.form_field_type import FormFieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormField")


@_attrs_define
class FormField:
    """
    Attributes:
        name (str):
        label (str):
        type_ (FormFieldType | Unset):  Default: FormFieldType.TEXT.
        required (bool | Unset):  Default: False.
    """

    name: str
    label: str
    type_: FormFieldType | Unset = FormFieldType.TEXT
    required: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "label": label,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        _type_ = d.pop("type", UNSET)
        type_: FormFieldType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = FormFieldType(_type_)

        required = d.pop("required", UNSET)

        form_field = cls(
            name=name,
            label=label,
            type_=type_,
            required=required,
        )

        return form_field
