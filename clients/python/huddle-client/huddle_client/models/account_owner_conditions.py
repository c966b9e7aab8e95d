from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountOwnerConditions")


@_attrs_define
class AccountOwnerConditions:
    """An account-owner rule: only target accounts when ``target_only``.

    Attributes:
        target_only (bool | Unset):  Default: False.
    """

    target_only: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        target_only = self.target_only

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if target_only is not UNSET:
            field_dict["target_only"] = target_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_only = d.pop("target_only", UNSET)

        account_owner_conditions = cls(
            target_only=target_only,
        )

        return account_owner_conditions
