from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.territory_conditions_segments_type_0_item import TerritoryConditionsSegmentsType0Item
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


T = TypeVar("T", bound="TerritoryConditions")


@_attrs_define
class TerritoryConditions:
    """A territory rule: the lead's account in any of these, and the lead meeting ``when``
    (at least one given).

        Attributes:
            countries (list[str] | str | Unset): A list of words, or one text of comma-separated words.
            regions (list[str] | str | Unset): A list of words, or one text of comma-separated words.
            industries (list[str] | str | Unset): A list of words, or one text of comma-separated words.
            segments (list[TerritoryConditionsSegmentsType0Item] | str | Unset): smb: under 100 employees, mid: under 1,000.
            when (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf |
                NoValueComparison | OrderComparison | TextComparison | Touched | Unset): Only leads meeting this condition (the
                scoring condition language over contact.* and account.* fields, custom fields included: contact.custom.<key>).
    """

    countries: list[str] | str | Unset = UNSET
    regions: list[str] | str | Unset = UNSET
    industries: list[str] | str | Unset = UNSET
    segments: list[TerritoryConditionsSegmentsType0Item] | str | Unset = UNSET
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

        countries: list[str] | str | Unset
        if isinstance(self.countries, Unset):
            countries = UNSET
        elif isinstance(self.countries, list):
            countries = self.countries

        else:
            countries = self.countries

        regions: list[str] | str | Unset
        if isinstance(self.regions, Unset):
            regions = UNSET
        elif isinstance(self.regions, list):
            regions = self.regions

        else:
            regions = self.regions

        industries: list[str] | str | Unset
        if isinstance(self.industries, Unset):
            industries = UNSET
        elif isinstance(self.industries, list):
            industries = self.industries

        else:
            industries = self.industries

        segments: list[str] | str | Unset
        if isinstance(self.segments, Unset):
            segments = UNSET
        elif isinstance(self.segments, list):
            segments = []
            for segments_type_0_item_data in self.segments:
                segments_type_0_item = segments_type_0_item_data.value
                segments.append(segments_type_0_item)

        else:
            segments = self.segments

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if countries is not UNSET:
            field_dict["countries"] = countries
        if regions is not UNSET:
            field_dict["regions"] = regions
        if industries is not UNSET:
            field_dict["industries"] = industries
        if segments is not UNSET:
            field_dict["segments"] = segments
        if when is not UNSET:
            field_dict["when"] = when

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

        def _parse_countries(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                countries_type_0 = cast(list[str], data)

                return countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        countries = _parse_countries(d.pop("countries", UNSET))

        def _parse_regions(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regions_type_0 = cast(list[str], data)

                return regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        regions = _parse_regions(d.pop("regions", UNSET))

        def _parse_industries(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                industries_type_0 = cast(list[str], data)

                return industries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        industries = _parse_industries(d.pop("industries", UNSET))

        def _parse_segments(data: object) -> list[TerritoryConditionsSegmentsType0Item] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                segments_type_0 = []
                _segments_type_0 = data
                for segments_type_0_item_data in _segments_type_0:
                    segments_type_0_item = TerritoryConditionsSegmentsType0Item(segments_type_0_item_data)

                    segments_type_0.append(segments_type_0_item)

                return segments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TerritoryConditionsSegmentsType0Item] | str | Unset, data)

        segments = _parse_segments(d.pop("segments", UNSET))

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

        territory_conditions = cls(
            countries=countries,
            regions=regions,
            industries=industries,
            segments=segments,
            when=when,
        )

        return territory_conditions
