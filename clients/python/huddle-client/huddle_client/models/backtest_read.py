from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_contact import BacktestContact
    from ..models.backtest_figures import BacktestFigures
    from ..models.outcome_figures import OutcomeFigures
    from ..models.score_bucket import ScoreBucket


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
        distribution_model (None | str | Unset): The score model whose distribution is shown.
        distribution (list[ScoreBucket] | Unset):
        gained (list[BacktestContact] | Unset): MQLs only the proposed definition makes (first 50).
        gained_count (int | Unset):  Default: 0.
        lost (list[BacktestContact] | Unset): MQLs only the current definition makes (first 50).
        lost_count (int | Unset):  Default: 0.
        current_outcome (None | OutcomeFigures | Unset): The current definition judged against known outcomes.
        proposed_outcome (None | OutcomeFigures | Unset): The proposed definition judged against known outcomes.
    """

    since: datetime.datetime
    until: datetime.datetime
    checkpoints: int
    current: BacktestFigures
    proposed: BacktestFigures
    current_criteria: None | str | Unset = UNSET
    distribution_model: None | str | Unset = UNSET
    distribution: list[ScoreBucket] | Unset = UNSET
    gained: list[BacktestContact] | Unset = UNSET
    gained_count: int | Unset = 0
    lost: list[BacktestContact] | Unset = UNSET
    lost_count: int | Unset = 0
    current_outcome: None | OutcomeFigures | Unset = UNSET
    proposed_outcome: None | OutcomeFigures | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.outcome_figures import OutcomeFigures  # noqa: PLC0415

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

        distribution_model: None | str | Unset
        if isinstance(self.distribution_model, Unset):
            distribution_model = UNSET
        else:
            distribution_model = self.distribution_model

        distribution: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.distribution, Unset):
            distribution = []
            for distribution_item_data in self.distribution:
                distribution_item = distribution_item_data.to_dict()
                distribution.append(distribution_item)

        gained: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.gained, Unset):
            gained = []
            for gained_item_data in self.gained:
                gained_item = gained_item_data.to_dict()
                gained.append(gained_item)

        gained_count = self.gained_count

        lost: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lost, Unset):
            lost = []
            for lost_item_data in self.lost:
                lost_item = lost_item_data.to_dict()
                lost.append(lost_item)

        lost_count = self.lost_count

        current_outcome: dict[str, Any] | None | Unset
        if isinstance(self.current_outcome, Unset):
            current_outcome = UNSET
        elif isinstance(self.current_outcome, OutcomeFigures):
            current_outcome = self.current_outcome.to_dict()
        else:
            current_outcome = self.current_outcome

        proposed_outcome: dict[str, Any] | None | Unset
        if isinstance(self.proposed_outcome, Unset):
            proposed_outcome = UNSET
        elif isinstance(self.proposed_outcome, OutcomeFigures):
            proposed_outcome = self.proposed_outcome.to_dict()
        else:
            proposed_outcome = self.proposed_outcome

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
        if distribution_model is not UNSET:
            field_dict["distribution_model"] = distribution_model
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if gained is not UNSET:
            field_dict["gained"] = gained
        if gained_count is not UNSET:
            field_dict["gained_count"] = gained_count
        if lost is not UNSET:
            field_dict["lost"] = lost
        if lost_count is not UNSET:
            field_dict["lost_count"] = lost_count
        if current_outcome is not UNSET:
            field_dict["current_outcome"] = current_outcome
        if proposed_outcome is not UNSET:
            field_dict["proposed_outcome"] = proposed_outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_contact import BacktestContact  # noqa: PLC0415
        from ..models.backtest_figures import BacktestFigures  # noqa: PLC0415
        from ..models.outcome_figures import OutcomeFigures  # noqa: PLC0415
        from ..models.score_bucket import ScoreBucket  # noqa: PLC0415

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

        def _parse_distribution_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        distribution_model = _parse_distribution_model(d.pop("distribution_model", UNSET))

        _distribution = d.pop("distribution", UNSET)
        distribution: list[ScoreBucket] | Unset = UNSET
        if _distribution is not UNSET:
            distribution = []
            for distribution_item_data in _distribution:
                distribution_item = ScoreBucket.from_dict(distribution_item_data)

                distribution.append(distribution_item)

        _gained = d.pop("gained", UNSET)
        gained: list[BacktestContact] | Unset = UNSET
        if _gained is not UNSET:
            gained = []
            for gained_item_data in _gained:
                gained_item = BacktestContact.from_dict(gained_item_data)

                gained.append(gained_item)

        gained_count = d.pop("gained_count", UNSET)

        _lost = d.pop("lost", UNSET)
        lost: list[BacktestContact] | Unset = UNSET
        if _lost is not UNSET:
            lost = []
            for lost_item_data in _lost:
                lost_item = BacktestContact.from_dict(lost_item_data)

                lost.append(lost_item)

        lost_count = d.pop("lost_count", UNSET)

        def _parse_current_outcome(data: object) -> None | OutcomeFigures | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_outcome_type_0 = OutcomeFigures.from_dict(data)

                return current_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutcomeFigures | Unset, data)

        current_outcome = _parse_current_outcome(d.pop("current_outcome", UNSET))

        def _parse_proposed_outcome(data: object) -> None | OutcomeFigures | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proposed_outcome_type_0 = OutcomeFigures.from_dict(data)

                return proposed_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutcomeFigures | Unset, data)

        proposed_outcome = _parse_proposed_outcome(d.pop("proposed_outcome", UNSET))

        backtest_read = cls(
            since=since,
            until=until,
            checkpoints=checkpoints,
            current=current,
            proposed=proposed,
            current_criteria=current_criteria,
            distribution_model=distribution_model,
            distribution=distribution,
            gained=gained,
            gained_count=gained_count,
            lost=lost,
            lost_count=lost_count,
            current_outcome=current_outcome,
            proposed_outcome=proposed_outcome,
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
