from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.all_of import AllOf
    from ..models.any_of import AnyOf
    from ..models.between_comparison import BetweenComparison
    from ..models.date_comparison import DateComparison
    from ..models.equality_comparison import EqualityComparison
    from ..models.many_comparison import ManyComparison
    from ..models.no_value_comparison import NoValueComparison
    from ..models.order_comparison import OrderComparison
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="NotOf")


@_attrs_define
class NotOf:
    """
    Attributes:
        not_ (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | NotOf |
            NoValueComparison | OrderComparison | TextComparison | Touched):
    """

    not_: (
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

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415

        not_: dict[str, Any]
        if isinstance(self.not_, NoValueComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, EqualityComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, OrderComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, DateComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, BetweenComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, ManyComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, TextComparison):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, AllOf):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, AnyOf):
            not_ = self.not_.to_dict()
        elif isinstance(self.not_, NotOf):
            not_ = self.not_.to_dict()
        else:
            not_ = self.not_.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "not": not_,
            }
        )

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
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_not_(
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
                not_type_0_type_0 = NoValueComparison.from_dict(data)

                return not_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_1 = EqualityComparison.from_dict(data)

                return not_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_2 = OrderComparison.from_dict(data)

                return not_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_3 = DateComparison.from_dict(data)

                return not_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_4 = BetweenComparison.from_dict(data)

                return not_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_5 = ManyComparison.from_dict(data)

                return not_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_0_type_6 = TextComparison.from_dict(data)

                return not_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_1 = AllOf.from_dict(data)

                return not_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_2 = AnyOf.from_dict(data)

                return not_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_type_3 = NotOf.from_dict(data)

                return not_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            not_type_4 = Touched.from_dict(data)

            return not_type_4

        not_ = _parse_not_(d.pop("not"))

        not_of = cls(
            not_=not_,
        )

        return not_of
