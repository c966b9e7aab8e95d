from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
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


T = TypeVar("T", bound="AllOf")


@_attrs_define
class AllOf:
    """
    Attributes:
        all_ (list[AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | NotOf |
            NoValueComparison | OrderComparison | TextComparison | Touched]):
    """

    all_: list[
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
    ]

    def to_dict(self) -> dict[str, Any]:
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415

        all_ = []
        for all_item_data in self.all_:
            all_item: dict[str, Any]
            if isinstance(all_item_data, NoValueComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, EqualityComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, OrderComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, DateComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, BetweenComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, ManyComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, TextComparison):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, AllOf):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, AnyOf):
                all_item = all_item_data.to_dict()
            elif isinstance(all_item_data, NotOf):
                all_item = all_item_data.to_dict()
            else:
                all_item = all_item_data.to_dict()

            all_.append(all_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "all": all_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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
        all_ = []
        _all_ = d.pop("all")
        for all_item_data in _all_:

            def _parse_all_item(
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
                    all_item_type_0_type_0 = NoValueComparison.from_dict(data)

                    return all_item_type_0_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_1 = EqualityComparison.from_dict(data)

                    return all_item_type_0_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_2 = OrderComparison.from_dict(data)

                    return all_item_type_0_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_3 = DateComparison.from_dict(data)

                    return all_item_type_0_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_4 = BetweenComparison.from_dict(data)

                    return all_item_type_0_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_5 = ManyComparison.from_dict(data)

                    return all_item_type_0_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_0_type_6 = TextComparison.from_dict(data)

                    return all_item_type_0_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_1 = AllOf.from_dict(data)

                    return all_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_2 = AnyOf.from_dict(data)

                    return all_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    all_item_type_3 = NotOf.from_dict(data)

                    return all_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                all_item_type_4 = Touched.from_dict(data)

                return all_item_type_4

            all_item = _parse_all_item(all_item_data)

            all_.append(all_item)

        all_of = cls(
            all_=all_,
        )

        return all_of
