from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_read_custom import AccountReadCustom


T = TypeVar("T", bound="AccountRead")


@_attrs_define
class AccountRead:
    """
    Attributes:
        id (int):
        name (str):
        domain (None | str):
        is_target (bool):
        industry (None | str):
        employee_count (int | None):
        annual_revenue (float | None):
        country (None | str):
        region (None | str):
        city (None | str):
        technologies (list[str]):
        owner_id (int | None):
        custom (AccountReadCustom):
        enriched_fields (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    domain: None | str
    is_target: bool
    industry: None | str
    employee_count: int | None
    annual_revenue: float | None
    country: None | str
    region: None | str
    city: None | str
    technologies: list[str]
    owner_id: int | None
    custom: AccountReadCustom
    enriched_fields: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        domain: None | str
        domain = self.domain

        is_target = self.is_target

        industry: None | str
        industry = self.industry

        employee_count: int | None
        employee_count = self.employee_count

        annual_revenue: float | None
        annual_revenue = self.annual_revenue

        country: None | str
        country = self.country

        region: None | str
        region = self.region

        city: None | str
        city = self.city

        technologies = self.technologies

        owner_id: int | None
        owner_id = self.owner_id

        custom = self.custom.to_dict()

        enriched_fields = self.enriched_fields

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "domain": domain,
                "is_target": is_target,
                "industry": industry,
                "employee_count": employee_count,
                "annual_revenue": annual_revenue,
                "country": country,
                "region": region,
                "city": city,
                "technologies": technologies,
                "owner_id": owner_id,
                "custom": custom,
                "enriched_fields": enriched_fields,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_read_custom import AccountReadCustom  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_domain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        domain = _parse_domain(d.pop("domain"))

        is_target = d.pop("is_target")

        def _parse_industry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry = _parse_industry(d.pop("industry"))

        def _parse_employee_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        employee_count = _parse_employee_count(d.pop("employee_count"))

        def _parse_annual_revenue(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        annual_revenue = _parse_annual_revenue(d.pop("annual_revenue"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        technologies = cast(list[str], d.pop("technologies"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        custom = AccountReadCustom.from_dict(d.pop("custom"))

        enriched_fields = cast(list[str], d.pop("enriched_fields"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        account_read = cls(
            id=id,
            name=name,
            domain=domain,
            is_target=is_target,
            industry=industry,
            employee_count=employee_count,
            annual_revenue=annual_revenue,
            country=country,
            region=region,
            city=city,
            technologies=technologies,
            owner_id=owner_id,
            custom=custom,
            enriched_fields=enriched_fields,
            created_at=created_at,
            updated_at=updated_at,
        )

        account_read.additional_properties = d
        return account_read

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
