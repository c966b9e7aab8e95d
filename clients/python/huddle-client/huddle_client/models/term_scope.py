from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TermScope")


@_attrs_define
class TermScope:
    """The leads a term covers: any of these values per field (case ignored).

    Attributes:
        segment (list[str] | None | Unset):
        region (list[str] | None | Unset):
        grade (list[str] | None | Unset):
        source (list[str] | None | Unset):
    """

    segment: list[str] | None | Unset = UNSET
    region: list[str] | None | Unset = UNSET
    grade: list[str] | None | Unset = UNSET
    source: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        segment: list[str] | None | Unset
        if isinstance(self.segment, Unset):
            segment = UNSET
        elif isinstance(self.segment, list):
            segment = self.segment

        else:
            segment = self.segment

        region: list[str] | None | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, list):
            region = self.region

        else:
            region = self.region

        grade: list[str] | None | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, list):
            grade = self.grade

        else:
            grade = self.grade

        source: list[str] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, list):
            source = self.source

        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if segment is not UNSET:
            field_dict["segment"] = segment
        if region is not UNSET:
            field_dict["region"] = region
        if grade is not UNSET:
            field_dict["grade"] = grade
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_segment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                segment_type_0 = cast(list[str], data)

                return segment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        segment = _parse_segment(d.pop("segment", UNSET))

        def _parse_region(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_type_0 = cast(list[str], data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_grade(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grade_type_0 = cast(list[str], data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_source(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                source_type_0 = cast(list[str], data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        term_scope = cls(
            segment=segment,
            region=region,
            grade=grade,
            source=source,
        )

        return term_scope
