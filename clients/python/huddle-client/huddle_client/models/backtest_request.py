from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backtest_request_target import BacktestRequestTarget
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.all_of import AllOf
    from ..models.any_of import AnyOf
    from ..models.between_comparison import BetweenComparison
    from ..models.date_comparison import DateComparison
    from ..models.equality_comparison import EqualityComparison
    from ..models.many_comparison import ManyComparison
    from ..models.no_value_comparison import NoValueComparison
    from ..models.not_of import NotOf
    from ..models.order_comparison import OrderComparison
    from ..models.score_model_write import ScoreModelWrite
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="BacktestRequest")


@_attrs_define
class BacktestRequest:
    """
    Attributes:
        months (int | Unset):  Default: 6.
        model_id (int | None | Unset):
        model (None | ScoreModelWrite | Unset):
        criteria (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None |
            NotOf | NoValueComparison | OrderComparison | TextComparison | Touched | Unset):
        target (BacktestRequestTarget | Unset): The outcome scores are judged against: reaching SQL (or beyond), or
            Customer. Default: BacktestRequestTarget.SQL.
        horizon_days (int | Unset): Days after entering Lead the outcome may take. Default: 90.
    """

    months: int | Unset = 6
    model_id: int | None | Unset = UNSET
    model: None | ScoreModelWrite | Unset = UNSET
    criteria: (
        AllOf
        | AnyOf
        | BetweenComparison
        | DateComparison
        | EqualityComparison
        | ManyComparison
        | None
        | NotOf
        | NoValueComparison
        | OrderComparison
        | TextComparison
        | Touched
        | Unset
    ) = UNSET
    target: BacktestRequestTarget | Unset = BacktestRequestTarget.SQL
    horizon_days: int | Unset = 90
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.score_model_write import ScoreModelWrite  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

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
        elif isinstance(self.criteria, NoValueComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, EqualityComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, OrderComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, DateComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, BetweenComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, ManyComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, TextComparison):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, AllOf):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, AnyOf):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, NotOf):
            criteria = self.criteria.to_dict()
        elif isinstance(self.criteria, Touched):
            criteria = self.criteria.to_dict()
        else:
            criteria = self.criteria

        target: str | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.value

        horizon_days = self.horizon_days

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
        if target is not UNSET:
            field_dict["target"] = target
        if horizon_days is not UNSET:
            field_dict["horizon_days"] = horizon_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.score_model_write import ScoreModelWrite  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

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

        def _parse_criteria(
            data: object,
        ) -> (
            AllOf
            | AnyOf
            | BetweenComparison
            | DateComparison
            | EqualityComparison
            | ManyComparison
            | None
            | NotOf
            | NoValueComparison
            | OrderComparison
            | TextComparison
            | Touched
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_0 = NoValueComparison.from_dict(data)

                return criteria_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_1 = EqualityComparison.from_dict(data)

                return criteria_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_2 = OrderComparison.from_dict(data)

                return criteria_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_3 = DateComparison.from_dict(data)

                return criteria_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_4 = BetweenComparison.from_dict(data)

                return criteria_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_5 = ManyComparison.from_dict(data)

                return criteria_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0_type_6 = TextComparison.from_dict(data)

                return criteria_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_1 = AllOf.from_dict(data)

                return criteria_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_2 = AnyOf.from_dict(data)

                return criteria_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_3 = NotOf.from_dict(data)

                return criteria_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_4 = Touched.from_dict(data)

                return criteria_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AllOf
                | AnyOf
                | BetweenComparison
                | DateComparison
                | EqualityComparison
                | ManyComparison
                | None
                | NotOf
                | NoValueComparison
                | OrderComparison
                | TextComparison
                | Touched
                | Unset,
                data,
            )

        criteria = _parse_criteria(d.pop("criteria", UNSET))

        _target = d.pop("target", UNSET)
        target: BacktestRequestTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = BacktestRequestTarget(_target)

        horizon_days = d.pop("horizon_days", UNSET)

        backtest_request = cls(
            months=months,
            model_id=model_id,
            model=model,
            criteria=criteria,
            target=target,
            horizon_days=horizon_days,
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
