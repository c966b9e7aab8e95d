from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_update_email_opt_in import ContactUpdateEmailOptIn
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_update_custom_type_0 import ContactUpdateCustomType0


T = TypeVar("T", bound="ContactUpdate")


@_attrs_define
class ContactUpdate:
    """Only the fields given change; null clears an optional field, and the email and the
    consent fields cannot be null. The stage is not here: see lifecycle's transition_stage.

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
            email_opt_in (ContactUpdateEmailOptIn | Unset):
            do_not_email (bool | Unset):
            do_not_call (bool | Unset):
            consent_source (None | str | Unset): Where a consent change came from (form, import, call).
            consent_text_shown (None | str | Unset):
            custom (ContactUpdateCustomType0 | None | Unset): Values of custom fields by key; null removes a value.
            email (str | Unset):
            external_id (str | Unset): The source CRM's record id (HubSpot's Record ID, Salesforce's Id), unique among
                contacts: the key of a contact that has no email. A Salesforce 15-character id is kept in its 18-character form,
                so a report's id and an export's are one.
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
    email_opt_in: ContactUpdateEmailOptIn | Unset = UNSET
    do_not_email: bool | Unset = UNSET
    do_not_call: bool | Unset = UNSET
    consent_source: None | str | Unset = UNSET
    consent_text_shown: None | str | Unset = UNSET
    custom: ContactUpdateCustomType0 | None | Unset = UNSET
    email: str | Unset = UNSET
    external_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_update_custom_type_0 import ContactUpdateCustomType0  # noqa: PLC0415

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

        email_opt_in: str | Unset = UNSET
        if not isinstance(self.email_opt_in, Unset):
            email_opt_in = self.email_opt_in.value

        do_not_email = self.do_not_email

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
        elif isinstance(self.custom, ContactUpdateCustomType0):
            custom = self.custom.to_dict()
        else:
            custom = self.custom

        email = self.email

        external_id = self.external_id

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
        if email is not UNSET:
            field_dict["email"] = email
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_update_custom_type_0 import ContactUpdateCustomType0  # noqa: PLC0415

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

        _email_opt_in = d.pop("email_opt_in", UNSET)
        email_opt_in: ContactUpdateEmailOptIn | Unset
        if isinstance(_email_opt_in, Unset):
            email_opt_in = UNSET
        else:
            email_opt_in = ContactUpdateEmailOptIn(_email_opt_in)

        do_not_email = d.pop("do_not_email", UNSET)

        do_not_call = d.pop("do_not_call", UNSET)

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

        def _parse_custom(data: object) -> ContactUpdateCustomType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_type_0 = ContactUpdateCustomType0.from_dict(data)

                return custom_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactUpdateCustomType0 | None | Unset, data)

        custom = _parse_custom(d.pop("custom", UNSET))

        email = d.pop("email", UNSET)

        external_id = d.pop("external_id", UNSET)

        contact_update = cls(
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
            email=email,
            external_id=external_id,
        )

        return contact_update
