from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.condition_match import ConditionMatch
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_rule import ConditionRule


T = TypeVar("T", bound="Condition")


@_attrs_define
class Condition:
    """
    Attributes:
        rules (list[ConditionRule]):
        match (ConditionMatch | Unset):  Default: ConditionMatch.ALL.
    """

    rules: list[ConditionRule]
    match: ConditionMatch | Unset = ConditionMatch.ALL

    def to_dict(self) -> dict[str, Any]:
        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        match: str | Unset = UNSET
        if not isinstance(self.match, Unset):
            match = self.match.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rules": rules,
            }
        )
        if match is not UNSET:
            field_dict["match"] = match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition_rule import ConditionRule  # noqa: PLC0415

        d = dict(src_dict)
        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = ConditionRule.from_dict(rules_item_data)

            rules.append(rules_item)

        _match = d.pop("match", UNSET)
        match: ConditionMatch | Unset
        if isinstance(_match, Unset):
            match = UNSET
        else:
            match = ConditionMatch(_match)

        condition = cls(
            rules=rules,
            match=match,
        )

        return condition
