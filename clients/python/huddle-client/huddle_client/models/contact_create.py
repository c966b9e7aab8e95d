from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_create_email_opt_in_type_0 import ContactCreateEmailOptInType0
from ..models.contact_create_lifecycle_stage import ContactCreateLifecycleStage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_create_custom_type_0 import ContactCreateCustomType0


T = TypeVar("T", bound="ContactCreate")


@_attrs_define
class ContactCreate:
    """
    Attributes:
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        job_title (None | str | Unset):
        seniority (None | str | Unset):
        department (None | str | Unset):
        phone (None | str | Unset):
        country (None | str | Unset):
        city (None | str | Unset):
        owner_id (int | None | Unset):
        account_id (int | None | Unset):
        company (None | str | Unset): Company name: links to the account of that name or creates it.
        company_domain (None | str | Unset):
        email_opt_in (ContactCreateEmailOptInType0 | None | Unset):
        do_not_email (bool | None | Unset):
        do_not_call (bool | None | Unset):
        consent_source (None | str | Unset): Where a consent change came from (form, import, call).
        consent_text_shown (None | str | Unset):
        custom (ContactCreateCustomType0 | None | Unset): Values of custom fields by key; null removes a value.
        external_id (None | str | Unset): The source CRM's record id (HubSpot's Record ID, Salesforce's Id), unique
            among contacts: the key of a contact that has no email. A Salesforce 15-character id is kept in its 18-character
            form, so a report's id and an export's are one.
        email (None | str | Unset): The dedupe key; may be left out when an external_id is given.
        lifecycle_stage (ContactCreateLifecycleStage | Unset):  Default: ContactCreateLifecycleStage.LEAD.
    """

    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    seniority: None | str | Unset = UNSET
    department: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    owner_id: int | None | Unset = UNSET
    account_id: int | None | Unset = UNSET
    company: None | str | Unset = UNSET
    company_domain: None | str | Unset = UNSET
    email_opt_in: ContactCreateEmailOptInType0 | None | Unset = UNSET
    do_not_email: bool | None | Unset = UNSET
    do_not_call: bool | None | Unset = UNSET
    consent_source: None | str | Unset = UNSET
    consent_text_shown: None | str | Unset = UNSET
    custom: ContactCreateCustomType0 | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    lifecycle_stage: ContactCreateLifecycleStage | Unset = ContactCreateLifecycleStage.LEAD

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_create_custom_type_0 import ContactCreateCustomType0  # noqa: PLC0415

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        seniority: None | str | Unset
        if isinstance(self.seniority, Unset):
            seniority = UNSET
        else:
            seniority = self.seniority

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        account_id: int | None | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        company_domain: None | str | Unset
        if isinstance(self.company_domain, Unset):
            company_domain = UNSET
        else:
            company_domain = self.company_domain

        email_opt_in: None | str | Unset
        if isinstance(self.email_opt_in, Unset):
            email_opt_in = UNSET
        elif isinstance(self.email_opt_in, ContactCreateEmailOptInType0):
            email_opt_in = self.email_opt_in.value
        else:
            email_opt_in = self.email_opt_in

        do_not_email: bool | None | Unset
        if isinstance(self.do_not_email, Unset):
            do_not_email = UNSET
        else:
            do_not_email = self.do_not_email

        do_not_call: bool | None | Unset
        if isinstance(self.do_not_call, Unset):
            do_not_call = UNSET
        else:
            do_not_call = self.do_not_call

        consent_source: None | str | Unset
        if isinstance(self.consent_source, Unset):
            consent_source = UNSET
        else:
            consent_source = self.consent_source

        consent_text_shown: None | str | Unset
        if isinstance(self.consent_text_shown, Unset):
            consent_text_shown = UNSET
        else:
            consent_text_shown = self.consent_text_shown

        custom: dict[str, Any] | None | Unset
        if isinstance(self.custom, Unset):
            custom = UNSET
        elif isinstance(self.custom, ContactCreateCustomType0):
            custom = self.custom.to_dict()
        else:
            custom = self.custom

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        lifecycle_stage: str | Unset = UNSET
        if not isinstance(self.lifecycle_stage, Unset):
            lifecycle_stage = self.lifecycle_stage.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if seniority is not UNSET:
            field_dict["seniority"] = seniority
        if department is not UNSET:
            field_dict["department"] = department
        if phone is not UNSET:
            field_dict["phone"] = phone
        if country is not UNSET:
            field_dict["country"] = country
        if city is not UNSET:
            field_dict["city"] = city
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if company is not UNSET:
            field_dict["company"] = company
        if company_domain is not UNSET:
            field_dict["company_domain"] = company_domain
        if email_opt_in is not UNSET:
            field_dict["email_opt_in"] = email_opt_in
        if do_not_email is not UNSET:
            field_dict["do_not_email"] = do_not_email
        if do_not_call is not UNSET:
            field_dict["do_not_call"] = do_not_call
        if consent_source is not UNSET:
            field_dict["consent_source"] = consent_source
        if consent_text_shown is not UNSET:
            field_dict["consent_text_shown"] = consent_text_shown
        if custom is not UNSET:
            field_dict["custom"] = custom
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if email is not UNSET:
            field_dict["email"] = email
        if lifecycle_stage is not UNSET:
            field_dict["lifecycle_stage"] = lifecycle_stage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_create_custom_type_0 import ContactCreateCustomType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_seniority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seniority = _parse_seniority(d.pop("seniority", UNSET))

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_company_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_domain = _parse_company_domain(d.pop("company_domain", UNSET))

        def _parse_email_opt_in(data: object) -> ContactCreateEmailOptInType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                email_opt_in_type_0 = ContactCreateEmailOptInType0(data)

                return email_opt_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactCreateEmailOptInType0 | None | Unset, data)

        email_opt_in = _parse_email_opt_in(d.pop("email_opt_in", UNSET))

        def _parse_do_not_email(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_email = _parse_do_not_email(d.pop("do_not_email", UNSET))

        def _parse_do_not_call(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_call = _parse_do_not_call(d.pop("do_not_call", UNSET))

        def _parse_consent_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_source = _parse_consent_source(d.pop("consent_source", UNSET))

        def _parse_consent_text_shown(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_text_shown = _parse_consent_text_shown(d.pop("consent_text_shown", UNSET))

        def _parse_custom(data: object) -> ContactCreateCustomType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_type_0 = ContactCreateCustomType0.from_dict(data)

                return custom_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactCreateCustomType0 | None | Unset, data)

        custom = _parse_custom(d.pop("custom", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _lifecycle_stage = d.pop("lifecycle_stage", UNSET)
        lifecycle_stage: ContactCreateLifecycleStage | Unset
        if isinstance(_lifecycle_stage, Unset):
            lifecycle_stage = UNSET
        else:
            lifecycle_stage = ContactCreateLifecycleStage(_lifecycle_stage)

        contact_create = cls(
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            seniority=seniority,
            department=department,
            phone=phone,
            country=country,
            city=city,
            owner_id=owner_id,
            account_id=account_id,
            company=company,
            company_domain=company_domain,
            email_opt_in=email_opt_in,
            do_not_email=do_not_email,
            do_not_call=do_not_call,
            consent_source=consent_source,
            consent_text_shown=consent_text_shown,
            custom=custom,
            external_id=external_id,
            email=email,
            lifecycle_stage=lifecycle_stage,
        )

        return contact_create
