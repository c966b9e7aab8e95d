from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opportunity_create_pipeline_stage import OpportunityCreatePipelineStage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_role import ContactRole


T = TypeVar("T", bound="OpportunityCreate")


@_attrs_define
class OpportunityCreate:
    """
    Attributes:
        name (str):
        account_id (int):
        primary_contact_id (int | None | Unset):
        amount (float | Unset):  Default: 0.0.
        currency (str | Unset):  Default: 'USD'.
        expected_close_date (datetime.date | None | Unset):
        pipeline_stage (OpportunityCreatePipelineStage | Unset):  Default: OpportunityCreatePipelineStage.QUALIFICATION.
        owner_id (int | None | Unset):
        contacts (list[ContactRole] | Unset):
    """

    name: str
    account_id: int
    primary_contact_id: int | None | Unset = UNSET
    amount: float | Unset = 0.0
    currency: str | Unset = "USD"
    expected_close_date: datetime.date | None | Unset = UNSET
    pipeline_stage: OpportunityCreatePipelineStage | Unset = OpportunityCreatePipelineStage.QUALIFICATION
    owner_id: int | None | Unset = UNSET
    contacts: list[ContactRole] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        account_id = self.account_id

        primary_contact_id: int | None | Unset
        if isinstance(self.primary_contact_id, Unset):
            primary_contact_id = UNSET
        else:
            primary_contact_id = self.primary_contact_id

        amount = self.amount

        currency = self.currency

        expected_close_date: None | str | Unset
        if isinstance(self.expected_close_date, Unset):
            expected_close_date = UNSET
        elif isinstance(self.expected_close_date, datetime.date):
            expected_close_date = self.expected_close_date.isoformat()
        else:
            expected_close_date = self.expected_close_date

        pipeline_stage: str | Unset = UNSET
        if not isinstance(self.pipeline_stage, Unset):
            pipeline_stage = self.pipeline_stage.value

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "account_id": account_id,
            }
        )
        if primary_contact_id is not UNSET:
            field_dict["primary_contact_id"] = primary_contact_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_close_date is not UNSET:
            field_dict["expected_close_date"] = expected_close_date
        if pipeline_stage is not UNSET:
            field_dict["pipeline_stage"] = pipeline_stage
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if contacts is not UNSET:
            field_dict["contacts"] = contacts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_role import ContactRole  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        account_id = d.pop("account_id")

        def _parse_primary_contact_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        primary_contact_id = _parse_primary_contact_id(d.pop("primary_contact_id", UNSET))

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_expected_close_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_date_type_0 = datetime.date.fromisoformat(data)

                return expected_close_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close_date = _parse_expected_close_date(d.pop("expected_close_date", UNSET))

        _pipeline_stage = d.pop("pipeline_stage", UNSET)
        pipeline_stage: OpportunityCreatePipelineStage | Unset
        if isinstance(_pipeline_stage, Unset):
            pipeline_stage = UNSET
        else:
            pipeline_stage = OpportunityCreatePipelineStage(_pipeline_stage)

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        _contacts = d.pop("contacts", UNSET)
        contacts: list[ContactRole] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = ContactRole.from_dict(contacts_item_data)

                contacts.append(contacts_item)

        opportunity_create = cls(
            name=name,
            account_id=account_id,
            primary_contact_id=primary_contact_id,
            amount=amount,
            currency=currency,
            expected_close_date=expected_close_date,
            pipeline_stage=pipeline_stage,
            owner_id=owner_id,
            contacts=contacts,
        )

        opportunity_create.additional_properties = d
        return opportunity_create

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
