from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetField")


@_attrs_define
class SetField:
    """A contact field: one of ``SETTABLE_FIELDS``, or ``custom.<key>``; None clears it.

    Attributes:
        id (str):
        field (str):
        next_ (None | str | Unset):
        kind (Literal['set_field'] | Unset):  Default: 'set_field'.
        value (bool | float | None | str | Unset):
    """

    id: str
    field: str
    next_: None | str | Unset = UNSET
    kind: Literal["set_field"] | Unset = "set_field"
    value: bool | float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field = self.field

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        value: bool | float | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "field": field,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        field = d.pop("field")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["set_field"] | Unset, d.pop("kind", UNSET))
        if kind != "set_field" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'set_field', got '{kind}'")

        def _parse_value(data: object) -> bool | float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | float | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        set_field = cls(
            id=id,
            field=field,
            next_=next_,
            kind=kind,
            value=value,
        )

        return set_field
