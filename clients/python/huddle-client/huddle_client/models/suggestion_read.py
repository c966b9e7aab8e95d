from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SuggestionRead")


@_attrs_define
class SuggestionRead:
    """
    Attributes:
        term_key (str):
        now (str): The term as it reads today
        suggested (str): What the data suggests instead
        why (str): The figures behind the suggestion
    """

    term_key: str
    now: str
    suggested: str
    why: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        term_key = self.term_key

        now = self.now

        suggested = self.suggested

        why = self.why

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "term_key": term_key,
                "now": now,
                "suggested": suggested,
                "why": why,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        term_key = d.pop("term_key")

        now = d.pop("now")

        suggested = d.pop("suggested")

        why = d.pop("why")

        suggestion_read = cls(
            term_key=term_key,
            now=now,
            suggested=suggested,
            why=why,
        )

        suggestion_read.additional_properties = d
        return suggestion_read

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
