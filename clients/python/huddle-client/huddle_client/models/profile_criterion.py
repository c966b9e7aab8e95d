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


T = TypeVar("T", bound="ProfileCriterion")


@_attrs_define
class ProfileCriterion:
    """A weighted criterion of the ICP (account.* fields) or a persona (contact.* fields).
    A persona's criterion may instead name an example job title (``title_like``): titles
    alike in meaning earn the weight times their similarity ("VP Eng" ~ "Head of
    Engineering").

        Attributes:
            label (str):
            weight (int):
            when (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf |
                NoValueComparison | OrderComparison | TextComparison | Touched | Unset):
            title_like (None | str | Unset):
    """

    label: str
    weight: int
    when: (
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
    title_like: None | str | Unset = UNSET

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

        label = self.label

        weight = self.weight

        when: dict[str, Any] | None | Unset
        if isinstance(self.when, Unset):
            when = UNSET
        elif isinstance(self.when, NoValueComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, EqualityComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, OrderComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, DateComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, BetweenComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, ManyComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, TextComparison):
            when = self.when.to_dict()
        elif isinstance(self.when, AllOf):
            when = self.when.to_dict()
        elif isinstance(self.when, AnyOf):
            when = self.when.to_dict()
        elif isinstance(self.when, NotOf):
            when = self.when.to_dict()
        elif isinstance(self.when, Touched):
            when = self.when.to_dict()
        else:
            when = self.when

        title_like: None | str | Unset
        if isinstance(self.title_like, Unset):
            title_like = UNSET
        else:
            title_like = self.title_like

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "weight": weight,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when
        if title_like is not UNSET:
            field_dict["title_like"] = title_like

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
        label = d.pop("label")

        weight = d.pop("weight")

        def _parse_when(
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
                when_type_0_type_0 = NoValueComparison.from_dict(data)

                return when_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_1 = EqualityComparison.from_dict(data)

                return when_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_2 = OrderComparison.from_dict(data)

                return when_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_3 = DateComparison.from_dict(data)

                return when_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_4 = BetweenComparison.from_dict(data)

                return when_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_5 = ManyComparison.from_dict(data)

                return when_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_0_type_6 = TextComparison.from_dict(data)

                return when_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_1 = AllOf.from_dict(data)

                return when_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_2 = AnyOf.from_dict(data)

                return when_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_3 = NotOf.from_dict(data)

                return when_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                when_type_4 = Touched.from_dict(data)

                return when_type_4
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

        when = _parse_when(d.pop("when", UNSET))

        def _parse_title_like(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title_like = _parse_title_like(d.pop("title_like", UNSET))

        profile_criterion = cls(
            label=label,
            weight=weight,
            when=when,
            title_like=title_like,
        )

        return profile_criterion
