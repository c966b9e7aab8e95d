from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="CriteriaWrite")


@_attrs_define
class CriteriaWrite:
    """
    Attributes:
        condition (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | NotOf |
            NoValueComparison | OrderComparison | TextComparison | Touched):
        automatic (bool | Unset):  Default: True.
    """

    condition: (
        AllOf
        | AnyOf
        | BetweenComparison
        | DateComparison
        | EqualityComparison
        | ManyComparison
        | NotOf
        | NoValueComparison
        | OrderComparison
        | TextComparison
        | Touched
    )
    automatic: bool | Unset = True
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
        from ..models.text_comparison import TextComparison  # noqa: PLC0415

        condition: dict[str, Any]
        if isinstance(self.condition, NoValueComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, EqualityComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, OrderComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, DateComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, BetweenComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, ManyComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, TextComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AllOf):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AnyOf):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, NotOf):
            condition = self.condition.to_dict()
        else:
            condition = self.condition.to_dict()

        automatic = self.automatic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "condition": condition,
            }
        )
        if automatic is not UNSET:
            field_dict["automatic"] = automatic

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
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_condition(
            data: object,
        ) -> (
            AllOf
            | AnyOf
            | BetweenComparison
            | DateComparison
            | EqualityComparison
            | ManyComparison
            | NotOf
            | NoValueComparison
            | OrderComparison
            | TextComparison
            | Touched
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_0 = NoValueComparison.from_dict(data)

                return condition_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_1 = EqualityComparison.from_dict(data)

                return condition_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_2 = OrderComparison.from_dict(data)

                return condition_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_3 = DateComparison.from_dict(data)

                return condition_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_4 = BetweenComparison.from_dict(data)

                return condition_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_5 = ManyComparison.from_dict(data)

                return condition_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_6 = TextComparison.from_dict(data)

                return condition_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_1 = AllOf.from_dict(data)

                return condition_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_2 = AnyOf.from_dict(data)

                return condition_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_3 = NotOf.from_dict(data)

                return condition_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            condition_type_4 = Touched.from_dict(data)

            return condition_type_4

        condition = _parse_condition(d.pop("condition"))

        automatic = d.pop("automatic", UNSET)

        criteria_write = cls(
            condition=condition,
            automatic=automatic,
        )

        criteria_write.additional_properties = d
        return criteria_write

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
