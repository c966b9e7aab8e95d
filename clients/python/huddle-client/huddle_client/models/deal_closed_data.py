from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="DealClosedData")


@_attrs_define
class DealClosedData:
    """
    Attributes:
        opportunity_id (int):
        url (str): The deal's page in Huddle.
        account_id (int):
        name (str):
        amount (float):
        currency (str):
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
        owner_id (int | None | Unset):
        reason (None | str | Unset): Why it was won or lost, as entered.
    """

    opportunity_id: int
    url: str
    account_id: int
    name: str
    amount: float
    currency: str
    actor: WebhookActor
    owner_id: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        opportunity_id = self.opportunity_id

        url = self.url

        account_id = self.account_id

        name = self.name

        amount = self.amount

        currency = self.currency

        actor = self.actor.to_dict()

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "opportunity_id": opportunity_id,
                "url": url,
                "account_id": account_id,
                "name": name,
                "amount": amount,
                "currency": currency,
                "actor": actor,
            }
        )
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        opportunity_id = d.pop("opportunity_id")

        url = d.pop("url")

        account_id = d.pop("account_id")

        name = d.pop("name")

        amount = d.pop("amount")

        currency = d.pop("currency")

        actor = WebhookActor.from_dict(d.pop("actor"))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        deal_closed_data = cls(
            opportunity_id=opportunity_id,
            url=url,
            account_id=account_id,
            name=name,
            amount=amount,
            currency=currency,
            actor=actor,
            owner_id=owner_id,
            reason=reason,
        )

        deal_closed_data.additional_properties = d
        return deal_closed_data

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
