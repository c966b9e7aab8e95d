from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

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


T = TypeVar("T", bound="EventFilter")


@_attrs_define
class EventFilter:
    """Touches of these types, optionally with property conditions, in the last N days.

    Attributes:
        types (list[str]): Touch (event) types.
        where (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf |
            NoValueComparison | OrderComparison | TextComparison | Touched | Unset):
        within_days (int | None | Unset):
    """

    types: list[str]
    where: (
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
    within_days: int | None | Unset = UNSET

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
        from ..models.touched import Touched  # noqa: PLC0415

        types = self.types

        where: dict[str, Any] | None | Unset
        if isinstance(self.where, Unset):
            where = UNSET
        elif isinstance(self.where, NoValueComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, EqualityComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, OrderComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, DateComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, BetweenComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, ManyComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, TextComparison):
            where = self.where.to_dict()
        elif isinstance(self.where, AllOf):
            where = self.where.to_dict()
        elif isinstance(self.where, AnyOf):
            where = self.where.to_dict()
        elif isinstance(self.where, NotOf):
            where = self.where.to_dict()
        elif isinstance(self.where, Touched):
            where = self.where.to_dict()
        else:
            where = self.where

        within_days: int | None | Unset
        if isinstance(self.within_days, Unset):
            within_days = UNSET
        else:
            within_days = self.within_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "types": types,
            }
        )
        if where is not UNSET:
            field_dict["where"] = where
        if within_days is not UNSET:
            field_dict["within_days"] = within_days

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
        types = cast(list[str], d.pop("types"))

        def _parse_where(
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
                where_type_0_type_0 = NoValueComparison.from_dict(data)

                return where_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_1 = EqualityComparison.from_dict(data)

                return where_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_2 = OrderComparison.from_dict(data)

                return where_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_3 = DateComparison.from_dict(data)

                return where_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_4 = BetweenComparison.from_dict(data)

                return where_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_5 = ManyComparison.from_dict(data)

                return where_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_0_type_6 = TextComparison.from_dict(data)

                return where_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_1 = AllOf.from_dict(data)

                return where_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_2 = AnyOf.from_dict(data)

                return where_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_3 = NotOf.from_dict(data)

                return where_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                where_type_4 = Touched.from_dict(data)

                return where_type_4
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

        where = _parse_where(d.pop("where", UNSET))

        def _parse_within_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        within_days = _parse_within_days(d.pop("within_days", UNSET))

        event_filter = cls(
            types=types,
            where=where,
            within_days=within_days,
        )

        return event_filter
