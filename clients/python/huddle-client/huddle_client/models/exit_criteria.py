from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.exit_criteria_stages_item import ExitCriteriaStagesItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition import Condition


T = TypeVar("T", bound="ExitCriteria")


@_attrs_define
class ExitCriteria:
    """Checked before every step: the enrolment ends when any holds.

    Attributes:
        stages (list[ExitCriteriaStagesItem] | Unset): The contact reached one of these stages (becomes SQL,
            disqualified...).
        unsubscribed (bool | Unset): do_not_email set or opted out. Default: True.
        condition (Condition | None | Unset):
    """

    stages: list[ExitCriteriaStagesItem] | Unset = UNSET
    unsubscribed: bool | Unset = True
    condition: Condition | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.condition import Condition  # noqa: PLC0415

        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)

        unsubscribed = self.unsubscribed

        condition: dict[str, Any] | None | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        elif isinstance(self.condition, Condition):
            condition = self.condition.to_dict()
        else:
            condition = self.condition

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if stages is not UNSET:
            field_dict["stages"] = stages
        if unsubscribed is not UNSET:
            field_dict["unsubscribed"] = unsubscribed
        if condition is not UNSET:
            field_dict["condition"] = condition

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition import Condition  # noqa: PLC0415

        d = dict(src_dict)
        _stages = d.pop("stages", UNSET)
        stages: list[ExitCriteriaStagesItem] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = ExitCriteriaStagesItem(stages_item_data)

                stages.append(stages_item)

        unsubscribed = d.pop("unsubscribed", UNSET)

        def _parse_condition(data: object) -> Condition | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0 = Condition.from_dict(data)

                return condition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Condition | None | Unset, data)

        condition = _parse_condition(d.pop("condition", UNSET))

        exit_criteria = cls(
            stages=stages,
            unsubscribed=unsubscribed,
            condition=condition,
        )

        return exit_criteria
