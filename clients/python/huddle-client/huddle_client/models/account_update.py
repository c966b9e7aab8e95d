from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_update_custom_type_0 import AccountUpdateCustomType0


T = TypeVar("T", bound="AccountUpdate")


@_attrs_define
class AccountUpdate:
    """Only the fields given change; a field set here is a person's value from then on.
    null clears an optional field; the name cannot be null.

        Attributes:
            domain (None | str | Unset):
            industry (None | str | Unset):
            employee_count (int | None | Unset):
            annual_revenue (float | None | Unset):
            country (None | str | Unset):
            region (None | str | Unset):
            city (None | str | Unset):
            technologies (list[str] | None | Unset):
            owner_id (int | None | Unset):
            is_target (bool | None | Unset):
            custom (AccountUpdateCustomType0 | None | Unset):
            name (str | Unset):
    """

    domain: None | str | Unset = UNSET
    industry: None | str | Unset = UNSET
    employee_count: int | None | Unset = UNSET
    annual_revenue: float | None | Unset = UNSET
    country: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    technologies: list[str] | None | Unset = UNSET
    owner_id: int | None | Unset = UNSET
    is_target: bool | None | Unset = UNSET
    custom: AccountUpdateCustomType0 | None | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_update_custom_type_0 import AccountUpdateCustomType0  # noqa: PLC0415

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        employee_count: int | None | Unset
        if isinstance(self.employee_count, Unset):
            employee_count = UNSET
        else:
            employee_count = self.employee_count

        annual_revenue: float | None | Unset
        if isinstance(self.annual_revenue, Unset):
            annual_revenue = UNSET
        else:
            annual_revenue = self.annual_revenue

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        technologies: list[str] | None | Unset
        if isinstance(self.technologies, Unset):
            technologies = UNSET
        elif isinstance(self.technologies, list):
            technologies = self.technologies

        else:
            technologies = self.technologies

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        is_target: bool | None | Unset
        if isinstance(self.is_target, Unset):
            is_target = UNSET
        else:
            is_target = self.is_target

        custom: dict[str, Any] | None | Unset
        if isinstance(self.custom, Unset):
            custom = UNSET
        elif isinstance(self.custom, AccountUpdateCustomType0):
            custom = self.custom.to_dict()
        else:
            custom = self.custom

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if domain is not UNSET:
            field_dict["domain"] = domain
        if industry is not UNSET:
            field_dict["industry"] = industry
        if employee_count is not UNSET:
            field_dict["employee_count"] = employee_count
        if annual_revenue is not UNSET:
            field_dict["annual_revenue"] = annual_revenue
        if country is not UNSET:
            field_dict["country"] = country
        if region is not UNSET:
            field_dict["region"] = region
        if city is not UNSET:
            field_dict["city"] = city
        if technologies is not UNSET:
            field_dict["technologies"] = technologies
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if is_target is not UNSET:
            field_dict["is_target"] = is_target
        if custom is not UNSET:
            field_dict["custom"] = custom
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_update_custom_type_0 import AccountUpdateCustomType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_employee_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employee_count = _parse_employee_count(d.pop("employee_count", UNSET))

        def _parse_annual_revenue(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        annual_revenue = _parse_annual_revenue(d.pop("annual_revenue", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_technologies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                technologies_type_0 = cast(list[str], data)

                return technologies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        technologies = _parse_technologies(d.pop("technologies", UNSET))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_is_target(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_target = _parse_is_target(d.pop("is_target", UNSET))

        def _parse_custom(data: object) -> AccountUpdateCustomType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_type_0 = AccountUpdateCustomType0.from_dict(data)

                return custom_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountUpdateCustomType0 | None | Unset, data)

        custom = _parse_custom(d.pop("custom", UNSET))

        name = d.pop("name", UNSET)

        account_update = cls(
            domain=domain,
            industry=industry,
            employee_count=employee_count,
            annual_revenue=annual_revenue,
            country=country,
            region=region,
            city=city,
            technologies=technologies,
            owner_id=owner_id,
            is_target=is_target,
            custom=custom,
            name=name,
        )

        return account_update
