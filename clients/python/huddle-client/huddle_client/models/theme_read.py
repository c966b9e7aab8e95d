from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.theme_read_sources import ThemeReadSources


T = TypeVar("T", bound="ThemeRead")


@_attrs_define
class ThemeRead:
    """
    Attributes:
        key (str): Stable for the same member texts
        label (str): The cluster's most telling words
        size (int):
        texts (list[str]):
        item_ids (list[int]): Unassigned feedback items in the theme
        sources (ThemeReadSources): How many texts came from each source
    """

    key: str
    label: str
    size: int
    texts: list[str]
    item_ids: list[int]
    sources: ThemeReadSources
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        size = self.size

        texts = self.texts

        item_ids = self.item_ids

        sources = self.sources.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "size": size,
                "texts": texts,
                "item_ids": item_ids,
                "sources": sources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.theme_read_sources import ThemeReadSources  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        size = d.pop("size")

        texts = cast(list[str], d.pop("texts"))

        item_ids = cast(list[int], d.pop("item_ids"))

        sources = ThemeReadSources.from_dict(d.pop("sources"))

        theme_read = cls(
            key=key,
            label=label,
            size=size,
            texts=texts,
            item_ids=item_ids,
            sources=sources,
        )

        theme_read.additional_properties = d
        return theme_read

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
