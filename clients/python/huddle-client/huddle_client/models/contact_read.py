from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_summary import AccountSummary
    from ..models.contact_read_custom import ContactReadCustom


T = TypeVar("T", bound="ContactRead")


@_attrs_define
class ContactRead:
    """
    Attributes:
        id (int):
        email (None | str): null when your role may not see contact details, or for a contact keyed by its external_id
            alone
        external_id (None | str): The source CRM's record id (HubSpot's Record ID, Salesforce's Id), unique among
            contacts: the key of a contact that has no email. A Salesforce 15-character id is kept in its 18-character form,
            so a report's id and an export's are one.
        first_name (None | str):
        last_name (None | str):
        job_title (None | str):
        seniority (None | str):
        department (None | str):
        phone (None | str): null when your role may not see contact details
        country (None | str):
        city (None | str):
        account_id (int | None):
        account (AccountSummary | None):
        owner_id (int | None):
        lifecycle_stage (str):
        stage_entered_at (datetime.datetime):
        score (int):
        email_opt_in (str):
        do_not_email (bool):
        do_not_call (bool):
        first_touch_source (None | str):
        first_touch_medium (None | str):
        first_touch_campaign (None | str):
        first_touch_referrer (None | str):
        first_touch_landing_page (None | str):
        first_touch_at (datetime.datetime | None):
        last_touch_source (None | str):
        last_touch_medium (None | str):
        last_touch_campaign (None | str):
        last_touch_referrer (None | str):
        last_touch_landing_page (None | str):
        last_touch_at (datetime.datetime | None):
        custom (ContactReadCustom):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        buying_stage (None | str | Unset):
    """

    id: int
    email: None | str
    external_id: None | str
    first_name: None | str
    last_name: None | str
    job_title: None | str
    seniority: None | str
    department: None | str
    phone: None | str
    country: None | str
    city: None | str
    account_id: int | None
    account: AccountSummary | None
    owner_id: int | None
    lifecycle_stage: str
    stage_entered_at: datetime.datetime
    score: int
    email_opt_in: str
    do_not_email: bool
    do_not_call: bool
    first_touch_source: None | str
    first_touch_medium: None | str
    first_touch_campaign: None | str
    first_touch_referrer: None | str
    first_touch_landing_page: None | str
    first_touch_at: datetime.datetime | None
    last_touch_source: None | str
    last_touch_medium: None | str
    last_touch_campaign: None | str
    last_touch_referrer: None | str
    last_touch_landing_page: None | str
    last_touch_at: datetime.datetime | None
    custom: ContactReadCustom
    created_at: datetime.datetime
    updated_at: datetime.datetime
    buying_stage: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_summary import AccountSummary  # noqa: PLC0415

        id = self.id

        email: None | str
        email = self.email

        external_id: None | str
        external_id = self.external_id

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        job_title: None | str
        job_title = self.job_title

        seniority: None | str
        seniority = self.seniority

        department: None | str
        department = self.department

        phone: None | str
        phone = self.phone

        country: None | str
        country = self.country

        city: None | str
        city = self.city

        account_id: int | None
        account_id = self.account_id

        account: dict[str, Any] | None
        if isinstance(self.account, AccountSummary):
            account = self.account.to_dict()
        else:
            account = self.account

        owner_id: int | None
        owner_id = self.owner_id

        lifecycle_stage = self.lifecycle_stage

        stage_entered_at = self.stage_entered_at.isoformat()

        score = self.score

        email_opt_in = self.email_opt_in

        do_not_email = self.do_not_email

        do_not_call = self.do_not_call

        first_touch_source: None | str
        first_touch_source = self.first_touch_source

        first_touch_medium: None | str
        first_touch_medium = self.first_touch_medium

        first_touch_campaign: None | str
        first_touch_campaign = self.first_touch_campaign

        first_touch_referrer: None | str
        first_touch_referrer = self.first_touch_referrer

        first_touch_landing_page: None | str
        first_touch_landing_page = self.first_touch_landing_page

        first_touch_at: None | str
        if isinstance(self.first_touch_at, datetime.datetime):
            first_touch_at = self.first_touch_at.isoformat()
        else:
            first_touch_at = self.first_touch_at

        last_touch_source: None | str
        last_touch_source = self.last_touch_source

        last_touch_medium: None | str
        last_touch_medium = self.last_touch_medium

        last_touch_campaign: None | str
        last_touch_campaign = self.last_touch_campaign

        last_touch_referrer: None | str
        last_touch_referrer = self.last_touch_referrer

        last_touch_landing_page: None | str
        last_touch_landing_page = self.last_touch_landing_page

        last_touch_at: None | str
        if isinstance(self.last_touch_at, datetime.datetime):
            last_touch_at = self.last_touch_at.isoformat()
        else:
            last_touch_at = self.last_touch_at

        custom = self.custom.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        buying_stage: None | str | Unset
        if isinstance(self.buying_stage, Unset):
            buying_stage = UNSET
        else:
            buying_stage = self.buying_stage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "external_id": external_id,
                "first_name": first_name,
                "last_name": last_name,
                "job_title": job_title,
                "seniority": seniority,
                "department": department,
                "phone": phone,
                "country": country,
                "city": city,
                "account_id": account_id,
                "account": account,
                "owner_id": owner_id,
                "lifecycle_stage": lifecycle_stage,
                "stage_entered_at": stage_entered_at,
                "score": score,
                "email_opt_in": email_opt_in,
                "do_not_email": do_not_email,
                "do_not_call": do_not_call,
                "first_touch_source": first_touch_source,
                "first_touch_medium": first_touch_medium,
                "first_touch_campaign": first_touch_campaign,
                "first_touch_referrer": first_touch_referrer,
                "first_touch_landing_page": first_touch_landing_page,
                "first_touch_at": first_touch_at,
                "last_touch_source": last_touch_source,
                "last_touch_medium": last_touch_medium,
                "last_touch_campaign": last_touch_campaign,
                "last_touch_referrer": last_touch_referrer,
                "last_touch_landing_page": last_touch_landing_page,
                "last_touch_at": last_touch_at,
                "custom": custom,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if buying_stage is not UNSET:
            field_dict["buying_stage"] = buying_stage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_summary import AccountSummary  # noqa: PLC0415
        from ..models.contact_read_custom import ContactReadCustom  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("first_name"))

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        def _parse_seniority(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        seniority = _parse_seniority(d.pop("seniority"))

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        def _parse_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_account(data: object) -> AccountSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                account_type_0 = AccountSummary.from_dict(data)

                return account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountSummary | None, data)

        account = _parse_account(d.pop("account"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        lifecycle_stage = d.pop("lifecycle_stage")

        stage_entered_at = datetime.datetime.fromisoformat(d.pop("stage_entered_at"))

        score = d.pop("score")

        email_opt_in = d.pop("email_opt_in")

        do_not_email = d.pop("do_not_email")

        do_not_call = d.pop("do_not_call")

        def _parse_first_touch_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_touch_source = _parse_first_touch_source(d.pop("first_touch_source"))

        def _parse_first_touch_medium(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_touch_medium = _parse_first_touch_medium(d.pop("first_touch_medium"))

        def _parse_first_touch_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_touch_campaign = _parse_first_touch_campaign(d.pop("first_touch_campaign"))

        def _parse_first_touch_referrer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_touch_referrer = _parse_first_touch_referrer(d.pop("first_touch_referrer"))

        def _parse_first_touch_landing_page(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_touch_landing_page = _parse_first_touch_landing_page(d.pop("first_touch_landing_page"))

        def _parse_first_touch_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_touch_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_touch_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_touch_at = _parse_first_touch_at(d.pop("first_touch_at"))

        def _parse_last_touch_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_touch_source = _parse_last_touch_source(d.pop("last_touch_source"))

        def _parse_last_touch_medium(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_touch_medium = _parse_last_touch_medium(d.pop("last_touch_medium"))

        def _parse_last_touch_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_touch_campaign = _parse_last_touch_campaign(d.pop("last_touch_campaign"))

        def _parse_last_touch_referrer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_touch_referrer = _parse_last_touch_referrer(d.pop("last_touch_referrer"))

        def _parse_last_touch_landing_page(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_touch_landing_page = _parse_last_touch_landing_page(d.pop("last_touch_landing_page"))

        def _parse_last_touch_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_touch_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_touch_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_touch_at = _parse_last_touch_at(d.pop("last_touch_at"))

        custom = ContactReadCustom.from_dict(d.pop("custom"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_buying_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buying_stage = _parse_buying_stage(d.pop("buying_stage", UNSET))

        contact_read = cls(
            id=id,
            email=email,
            external_id=external_id,
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            seniority=seniority,
            department=department,
            phone=phone,
            country=country,
            city=city,
            account_id=account_id,
            account=account,
            owner_id=owner_id,
            lifecycle_stage=lifecycle_stage,
            stage_entered_at=stage_entered_at,
            score=score,
            email_opt_in=email_opt_in,
            do_not_email=do_not_email,
            do_not_call=do_not_call,
            first_touch_source=first_touch_source,
            first_touch_medium=first_touch_medium,
            first_touch_campaign=first_touch_campaign,
            first_touch_referrer=first_touch_referrer,
            first_touch_landing_page=first_touch_landing_page,
            first_touch_at=first_touch_at,
            last_touch_source=last_touch_source,
            last_touch_medium=last_touch_medium,
            last_touch_campaign=last_touch_campaign,
            last_touch_referrer=last_touch_referrer,
            last_touch_landing_page=last_touch_landing_page,
            last_touch_at=last_touch_at,
            custom=custom,
            created_at=created_at,
            updated_at=updated_at,
            buying_stage=buying_stage,
        )

        contact_read.additional_properties = d
        return contact_read

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
