from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stage_change_read import StageChangeRead


T = TypeVar("T", bound="BuyingJourneyRead")


@_attrs_define
class BuyingJourneyRead:
    """A contact's buying stage (None: no indicator touch yet) and how it got there.

    Attributes:
        stage (None | str):
        history (list[StageChangeRead]):
    """

    stage: None | str
    history: list[StageChangeRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage: None | str
        stage = self.stage

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_change_read import StageChangeRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage = _parse_stage(d.pop("stage"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = StageChangeRead.from_dict(history_item_data)

            history.append(history_item)

        buying_journey_read = cls(
            stage=stage,
            history=history,
        )

        buying_journey_read.additional_properties = d
        return buying_journey_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
