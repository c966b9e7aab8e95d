from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quote_read import QuoteRead


T = TypeVar("T", bound="FeatureReportRow")


@_attrs_define
class FeatureReportRow:
    """
    Attributes:
        feature_id (int | None): Null: items not yet given a feature
        name (str):
        items (int):
        objections (int):
        feature_gaps (int):
        accounts (int):
        open_deals (int): Open deals at stake
        open_pipeline (float): Sum of the open deals' amounts: deals the feature was logged on, and every open deal of
            an account it was logged on (each deal once)
        lost_deals (int):
        revenue_lost (float): Sum of the lost deals' amounts it was logged on
        quotes (list[QuoteRead]):
    """

    feature_id: int | None
    name: str
    items: int
    objections: int
    feature_gaps: int
    accounts: int
    open_deals: int
    open_pipeline: float
    lost_deals: int
    revenue_lost: float
    quotes: list[QuoteRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature_id: int | None
        feature_id = self.feature_id

        name = self.name

        items = self.items

        objections = self.objections

        feature_gaps = self.feature_gaps

        accounts = self.accounts

        open_deals = self.open_deals

        open_pipeline = self.open_pipeline

        lost_deals = self.lost_deals

        revenue_lost = self.revenue_lost

        quotes = []
        for quotes_item_data in self.quotes:
            quotes_item = quotes_item_data.to_dict()
            quotes.append(quotes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature_id": feature_id,
                "name": name,
                "items": items,
                "objections": objections,
                "feature_gaps": feature_gaps,
                "accounts": accounts,
                "open_deals": open_deals,
                "open_pipeline": open_pipeline,
                "lost_deals": lost_deals,
                "revenue_lost": revenue_lost,
                "quotes": quotes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_read import QuoteRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_feature_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        feature_id = _parse_feature_id(d.pop("feature_id"))

        name = d.pop("name")

        items = d.pop("items")

        objections = d.pop("objections")

        feature_gaps = d.pop("feature_gaps")

        accounts = d.pop("accounts")

        open_deals = d.pop("open_deals")

        open_pipeline = d.pop("open_pipeline")

        lost_deals = d.pop("lost_deals")

        revenue_lost = d.pop("revenue_lost")

        quotes = []
        _quotes = d.pop("quotes")
        for quotes_item_data in _quotes:
            quotes_item = QuoteRead.from_dict(quotes_item_data)

            quotes.append(quotes_item)

        feature_report_row = cls(
            feature_id=feature_id,
            name=name,
            items=items,
            objections=objections,
            feature_gaps=feature_gaps,
            accounts=accounts,
            open_deals=open_deals,
            open_pipeline=open_pipeline,
            lost_deals=lost_deals,
            revenue_lost=revenue_lost,
            quotes=quotes,
        )

        feature_report_row.additional_properties = d
        return feature_report_row

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
