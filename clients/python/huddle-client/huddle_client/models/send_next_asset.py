from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SendNextAsset")


@_attrs_define
class SendNextAsset:
    """Send ``template_id`` with the next best asset for the contact (the template names it
    as ``asset.title`` and ``asset.url``): among the approved assets it has not consumed or
    been sent, what contacts who later converted most often consumed next (the assets
    domain says how). Nothing left to send: skipped, with the reason.

        Attributes:
            id (str):
            template_id (int):
            next_ (None | str | Unset):
            kind (Literal['send_next_asset'] | Unset):  Default: 'send_next_asset'.
    """

    id: str
    template_id: int
    next_: None | str | Unset = UNSET
    kind: Literal["send_next_asset"] | Unset = "send_next_asset"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        template_id = self.template_id

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "template_id": template_id,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        template_id = d.pop("template_id")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["send_next_asset"] | Unset, d.pop("kind", UNSET))
        if kind != "send_next_asset" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'send_next_asset', got '{kind}'")

        send_next_asset = cls(
            id=id,
            template_id=template_id,
            next_=next_,
            kind=kind,
        )

        return send_next_asset
