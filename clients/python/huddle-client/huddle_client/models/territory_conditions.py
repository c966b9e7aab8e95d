from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.territory_conditions_segments_type_0_item import TerritoryConditionsSegmentsType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="TerritoryConditions")


@_attrs_define
class TerritoryConditions:
    """A territory rule: the lead's account in any of these (at least one given).

    Attributes:
        countries (list[str] | str | Unset): A list of words, or one text of comma-separated words.
        regions (list[str] | str | Unset): A list of words, or one text of comma-separated words.
        industries (list[str] | str | Unset): A list of words, or one text of comma-separated words.
        segments (list[TerritoryConditionsSegmentsType0Item] | str | Unset): smb: under 100 employees, mid: under 1,000.
    """

    countries: list[str] | str | Unset = UNSET
    regions: list[str] | str | Unset = UNSET
    industries: list[str] | str | Unset = UNSET
    segments: list[TerritoryConditionsSegmentsType0Item] | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        territory_conditions = cls(
            countries=countries,
            regions=regions,
            industries=industries,
            segments=segments,
        )

        return territory_conditions
