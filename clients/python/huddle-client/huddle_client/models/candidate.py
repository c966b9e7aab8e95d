from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Candidate")


@_attrs_define
class Candidate:
    """A rep a routing decision considered: ``skipped`` says why they did not get it.

    Attributes:
        user_id (int):
        name (None | str):
        rule (str):
        skipped (None | str):
    """

    user_id: int
    name: None | str
    rule: str
    skipped: None | str

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        name: None | str
        name = self.name

        rule = self.rule

        skipped: None | str
        skipped = self.skipped

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
                "name": name,
                "rule": rule,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        rule = d.pop("rule")

        def _parse_skipped(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skipped = _parse_skipped(d.pop("skipped"))

        candidate = cls(
            user_id=user_id,
            name=name,
            rule=rule,
            skipped=skipped,
        )

        return candidate
