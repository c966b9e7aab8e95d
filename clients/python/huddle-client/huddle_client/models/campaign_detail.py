from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cost_read import CostRead
    from ..models.utm_rule_read import UtmRuleRead


T = TypeVar("T", bound="CampaignDetail")


@_attrs_define
class CampaignDetail:
    """
    Attributes:
        id (int):
        name (str):
        channel (str):
        utm_campaign (None | str):
        starts_on (datetime.date | None):
        ends_on (datetime.date | None):
        budget (float | None):
        cost (float): The sum of the campaign's cost entries.
        costs (list[CostRead]):
        rules (list[UtmRuleRead]):
    """

    id: int
    name: str
    channel: str
    utm_campaign: None | str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    budget: float | None
    cost: float
    costs: list[CostRead]
    rules: list[UtmRuleRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        channel = self.channel

        utm_campaign: None | str
        utm_campaign = self.utm_campaign

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        budget: float | None
        budget = self.budget

        cost = self.cost

        costs = []
        for costs_item_data in self.costs:
            costs_item = costs_item_data.to_dict()
            costs.append(costs_item)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "channel": channel,
                "utm_campaign": utm_campaign,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "budget": budget,
                "cost": cost,
                "costs": costs,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_read import CostRead  # noqa: PLC0415
        from ..models.utm_rule_read import UtmRuleRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        channel = d.pop("channel")

        def _parse_utm_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        utm_campaign = _parse_utm_campaign(d.pop("utm_campaign"))

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        def _parse_budget(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        budget = _parse_budget(d.pop("budget"))

        cost = d.pop("cost")

        costs = []
        _costs = d.pop("costs")
        for costs_item_data in _costs:
            costs_item = CostRead.from_dict(costs_item_data)

            costs.append(costs_item)

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = UtmRuleRead.from_dict(rules_item_data)

            rules.append(rules_item)

        campaign_detail = cls(
            id=id,
            name=name,
            channel=channel,
            utm_campaign=utm_campaign,
            starts_on=starts_on,
            ends_on=ends_on,
            budget=budget,
            cost=cost,
            costs=costs,
            rules=rules,
        )

        campaign_detail.additional_properties = d
        return campaign_detail

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
