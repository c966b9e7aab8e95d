from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.field_resolution_kept import FieldResolutionKept

T = TypeVar("T", bound="FieldResolution")


@_attrs_define
class FieldResolution:
    """Whose value a merge kept for a field that differed, and by which rule.

    Attributes:
        kept (FieldResolutionKept):
        rule (str): choice, newest, identity, most_restrictive_consent...
    """

    kept: FieldResolutionKept
    rule: str

    def to_dict(self) -> dict[str, Any]:
        kept = self.kept.value

        rule = self.rule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kept": kept,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kept = FieldResolutionKept(d.pop("kept"))

        rule = d.pop("rule")

        field_resolution = cls(
            kept=kept,
            rule=rule,
        )

        return field_resolution
