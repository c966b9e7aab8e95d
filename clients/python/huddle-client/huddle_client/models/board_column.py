from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.board_card import BoardCard
    from ..models.board_totals import BoardTotals


T = TypeVar("T", bound="BoardColumn")


@_attrs_define
class BoardColumn:
    """
    Attributes:
        stage (str):
        label (str):
        probability (int):
        totals (BoardTotals):
        cards (list[BoardCard]):
    """

    stage: str
    label: str
    probability: int
    totals: BoardTotals
    cards: list[BoardCard]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        label = self.label

        probability = self.probability

        totals = self.totals.to_dict()

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "label": label,
                "probability": probability,
                "totals": totals,
                "cards": cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_card import BoardCard  # noqa: PLC0415
        from ..models.board_totals import BoardTotals  # noqa: PLC0415

        d = dict(src_dict)
        stage = d.pop("stage")

        label = d.pop("label")

        probability = d.pop("probability")

        totals = BoardTotals.from_dict(d.pop("totals"))

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = BoardCard.from_dict(cards_item_data)

            cards.append(cards_item)

        board_column = cls(
            stage=stage,
            label=label,
            probability=probability,
            totals=totals,
            cards=cards,
        )

        board_column.additional_properties = d
        return board_column

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
