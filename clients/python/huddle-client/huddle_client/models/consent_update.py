from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_update_field import ConsentUpdateField
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentUpdate")


@_attrs_define
class ConsentUpdate:
    """
    Attributes:
        field (ConsentUpdateField):
        value (bool | str):
        source (str):
        text_shown (None | str | Unset):
    """

    field: ConsentUpdateField
    value: bool | str
    source: str
    text_shown: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        value: bool | str
        value = self.value

        source = self.source

        text_shown: None | str | Unset
        if isinstance(self.text_shown, Unset):
            text_shown = UNSET
        else:
            text_shown = self.text_shown

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "value": value,
                "source": source,
            }
        )
        if text_shown is not UNSET:
            field_dict["text_shown"] = text_shown

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = ConsentUpdateField(d.pop("field"))

        def _parse_value(data: object) -> bool | str:
            return cast(bool | str, data)

        value = _parse_value(d.pop("value"))

        source = d.pop("source")

        def _parse_text_shown(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_shown = _parse_text_shown(d.pop("text_shown", UNSET))

        consent_update = cls(
            field=field,
            value=value,
            source=source,
            text_shown=text_shown,
        )

        return consent_update
