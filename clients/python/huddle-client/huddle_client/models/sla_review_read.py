from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.review_term import ReviewTerm
    from ..models.suggestion_read import SuggestionRead
    from ..models.version_summary import VersionSummary


T = TypeVar("T", bound="SlaReviewRead")


@_attrs_define
class SlaReviewRead:
    """The quarterly review (/sla/review).

    Attributes:
        quarter (str): e.g. ``Q2 2026``
        start (datetime.datetime): The quarter's first instant (UTC)
        end (datetime.datetime): The instant after the quarter (exclusive)
        version (None | VersionSummary): The active agreement; null if none
        terms (list[ReviewTerm]):
        suggestions (list[SuggestionRead]):
    """

    quarter: str
    start: datetime.datetime
    end: datetime.datetime
    version: None | VersionSummary
    terms: list[ReviewTerm]
    suggestions: list[SuggestionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        quarter = self.quarter

        start = self.start.isoformat()

        end = self.end.isoformat()

        version: dict[str, Any] | None
        if isinstance(self.version, VersionSummary):
            version = self.version.to_dict()
        else:
            version = self.version

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quarter": quarter,
                "start": start,
                "end": end,
                "version": version,
                "terms": terms,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_term import ReviewTerm  # noqa: PLC0415
        from ..models.suggestion_read import SuggestionRead  # noqa: PLC0415
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        d = dict(src_dict)
        quarter = d.pop("quarter")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        def _parse_version(data: object) -> None | VersionSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_type_0 = VersionSummary.from_dict(data)

                return version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VersionSummary, data)

        version = _parse_version(d.pop("version"))

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = ReviewTerm.from_dict(terms_item_data)

            terms.append(terms_item)

        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in _suggestions:
            suggestions_item = SuggestionRead.from_dict(suggestions_item_data)

            suggestions.append(suggestions_item)

        sla_review_read = cls(
            quarter=quarter,
            start=start,
            end=end,
            version=version,
            terms=terms,
            suggestions=suggestions,
        )

        sla_review_read.additional_properties = d
        return sla_review_read

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
