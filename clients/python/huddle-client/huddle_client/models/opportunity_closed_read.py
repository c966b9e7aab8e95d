from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opportunity_closed_read_pipeline_stage import OpportunityClosedReadPipelineStage
from ..models.opportunity_closed_read_status import OpportunityClosedReadStatus

if TYPE_CHECKING:
    from ..models.contact_win_read import ContactWinRead


T = TypeVar("T", bound="OpportunityClosedRead")


@_attrs_define
class OpportunityClosedRead:
    """
    Attributes:
        id (int):
        name (str):
        account_id (int):
        primary_contact_id (int | None):
        amount (float):
        currency (str):
        expected_close_date (datetime.date | None):
        pipeline_stage (OpportunityClosedReadPipelineStage):
        owner_id (int | None):
        status (OpportunityClosedReadStatus):
        closed_at (datetime.datetime | None):
        lost_reason (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        contacts (list[ContactWinRead]): For a won deal, each contact on it and whether it became a customer (empty for
            a lost deal)
    """

    id: int
    name: str
    account_id: int
    primary_contact_id: int | None
    amount: float
    currency: str
    expected_close_date: datetime.date | None
    pipeline_stage: OpportunityClosedReadPipelineStage
    owner_id: int | None
    status: OpportunityClosedReadStatus
    closed_at: datetime.datetime | None
    lost_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    contacts: list[ContactWinRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        account_id = self.account_id

        primary_contact_id: int | None
        primary_contact_id = self.primary_contact_id

        amount = self.amount

        currency = self.currency

        expected_close_date: None | str
        if isinstance(self.expected_close_date, datetime.date):
            expected_close_date = self.expected_close_date.isoformat()
        else:
            expected_close_date = self.expected_close_date

        pipeline_stage = self.pipeline_stage.value

        owner_id: int | None
        owner_id = self.owner_id

        status = self.status.value

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        lost_reason: None | str
        lost_reason = self.lost_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "account_id": account_id,
                "primary_contact_id": primary_contact_id,
                "amount": amount,
                "currency": currency,
                "expected_close_date": expected_close_date,
                "pipeline_stage": pipeline_stage,
                "owner_id": owner_id,
                "status": status,
                "closed_at": closed_at,
                "lost_reason": lost_reason,
                "created_at": created_at,
                "updated_at": updated_at,
                "contacts": contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_win_read import ContactWinRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        account_id = d.pop("account_id")

        def _parse_primary_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        primary_contact_id = _parse_primary_contact_id(d.pop("primary_contact_id"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_expected_close_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_date_type_0 = datetime.date.fromisoformat(data)

                return expected_close_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_close_date = _parse_expected_close_date(d.pop("expected_close_date"))

        pipeline_stage = OpportunityClosedReadPipelineStage(d.pop("pipeline_stage"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        status = OpportunityClosedReadStatus(d.pop("status"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_lost_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lost_reason = _parse_lost_reason(d.pop("lost_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = ContactWinRead.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        opportunity_closed_read = cls(
            id=id,
            name=name,
            account_id=account_id,
            primary_contact_id=primary_contact_id,
            amount=amount,
            currency=currency,
            expected_close_date=expected_close_date,
            pipeline_stage=pipeline_stage,
            owner_id=owner_id,
            status=status,
            closed_at=closed_at,
            lost_reason=lost_reason,
            created_at=created_at,
            updated_at=updated_at,
            contacts=contacts,
        )

        opportunity_closed_read.additional_properties = d
        return opportunity_closed_read

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
