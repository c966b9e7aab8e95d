from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_figures import BacktestFigures


T = TypeVar("T", bound="BacktestRead")


@_attrs_define
class BacktestRead:
    """
    Attributes:
        since (datetime.datetime):
        until (datetime.datetime):
        checkpoints (int):
        current (BacktestFigures):
        proposed (BacktestFigures):
        current_criteria (None | str | Unset): The MQL criteria in force the current figures apply ("MQL criteria v2");
            null when none are set.
    """

    since: datetime.datetime
    until: datetime.datetime
    checkpoints: int
    current: BacktestFigures
    proposed: BacktestFigures
    current_criteria: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        checkpoints = self.checkpoints

        current = self.current.to_dict()

        proposed = self.proposed.to_dict()

        current_criteria: None | str | Unset
        if isinstance(self.current_criteria, Unset):
            current_criteria = UNSET
        else:
            current_criteria = self.current_criteria

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "checkpoints": checkpoints,
                "current": current,
                "proposed": proposed,
            }
        )
        if current_criteria is not UNSET:
            field_dict["current_criteria"] = current_criteria

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_figures import BacktestFigures  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        checkpoints = d.pop("checkpoints")

        current = BacktestFigures.from_dict(d.pop("current"))

        proposed = BacktestFigures.from_dict(d.pop("proposed"))

        def _parse_current_criteria(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_criteria = _parse_current_criteria(d.pop("current_criteria", UNSET))

        backtest_read = cls(
            since=since,
            until=until,
            checkpoints=checkpoints,
            current=current,
            proposed=proposed,
            current_criteria=current_criteria,
        )

        backtest_read.additional_properties = d
        return backtest_read

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
