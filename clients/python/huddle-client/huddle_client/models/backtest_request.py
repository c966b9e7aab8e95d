from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backtest_request_criteria_type_0 import BacktestRequestCriteriaType0
    from ..models.score_model_write import ScoreModelWrite


T = TypeVar("T", bound="BacktestRequest")


@_attrs_define
class BacktestRequest:
    """
    Attributes:
        months (int | Unset):  Default: 6.
        model_id (int | None | Unset):
        model (None | ScoreModelWrite | Unset):
        criteria (BacktestRequestCriteriaType0 | None | Unset):
    """

    months: int | Unset = 6
    model_id: int | None | Unset = UNSET
    model: None | ScoreModelWrite | Unset = UNSET
    criteria: BacktestRequestCriteriaType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.backtest_request_criteria_type_0 import BacktestRequestCriteriaType0  # noqa: PLC0415
        from ..models.score_model_write import ScoreModelWrite  # noqa: PLC0415

        months = self.months

        model_id: int | None | Unset
        if isinstance(self.model_id, Unset):
            model_id = UNSET
        else:
            model_id = self.model_id

        model: dict[str, Any] | None | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, ScoreModelWrite):
            model = self.model.to_dict()
        else:
            model = self.model

        criteria: dict[str, Any] | None | Unset
        if isinstance(self.criteria, Unset):
            criteria = UNSET
        elif isinstance(self.criteria, BacktestRequestCriteriaType0):
            criteria = self.criteria.to_dict()
        else:
            criteria = self.criteria

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if months is not UNSET:
            field_dict["months"] = months
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if model is not UNSET:
            field_dict["model"] = model
        if criteria is not UNSET:
            field_dict["criteria"] = criteria

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backtest_request_criteria_type_0 import BacktestRequestCriteriaType0  # noqa: PLC0415
        from ..models.score_model_write import ScoreModelWrite  # noqa: PLC0415

        d = dict(src_dict)
        months = d.pop("months", UNSET)

        def _parse_model_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        model_id = _parse_model_id(d.pop("model_id", UNSET))

        def _parse_model(data: object) -> None | ScoreModelWrite | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_type_0 = ScoreModelWrite.from_dict(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreModelWrite | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_criteria(data: object) -> BacktestRequestCriteriaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0 = BacktestRequestCriteriaType0.from_dict(data)

                return criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BacktestRequestCriteriaType0 | None | Unset, data)

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        backtest_request = cls(
            months=months,
            model_id=model_id,
            model=model,
            criteria=criteria,
        )

        backtest_request.additional_properties = d
        return backtest_request

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
