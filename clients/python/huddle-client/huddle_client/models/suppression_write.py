from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.suppression_write_reason import SuppressionWriteReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="SuppressionWrite")


@_attrs_define
class SuppressionWrite:
    """
    Attributes:
        email (str):
        reason (SuppressionWriteReason | Unset):  Default: SuppressionWriteReason.MANUAL.
        detail (None | str | Unset):
    """

    email: str
    reason: SuppressionWriteReason | Unset = SuppressionWriteReason.MANUAL
    detail: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        _reason = d.pop("reason", UNSET)
        reason: SuppressionWriteReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = SuppressionWriteReason(_reason)

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        suppression_write = cls(
            email=email,
            reason=reason,
            detail=detail,
        )

        return suppression_write
