from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_rollup_method import AccountRollupMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountRollup")


@_attrs_define
class AccountRollup:
    """How contacts' scores make the account's: ``top_n`` needs ``n``.

    Attributes:
        method (AccountRollupMethod):
        cap (int | None | Unset):
        n (int | None | Unset):
    """

    method: AccountRollupMethod
    cap: int | None | Unset = UNSET
    n: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        cap: int | None | Unset
        if isinstance(self.cap, Unset):
            cap = UNSET
        else:
            cap = self.cap

        n: int | None | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if cap is not UNSET:
            field_dict["cap"] = cap
        if n is not UNSET:
            field_dict["n"] = n

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = AccountRollupMethod(d.pop("method"))

        def _parse_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap = _parse_cap(d.pop("cap", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        account_rollup = cls(
            method=method,
            cap=cap,
            n=n,
        )

        return account_rollup
