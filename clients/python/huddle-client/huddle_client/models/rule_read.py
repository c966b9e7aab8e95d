from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_read_kind import RuleReadKind

if TYPE_CHECKING:
    from ..models.account_owner_conditions import AccountOwnerConditions
    from ..models.no_conditions import NoConditions
    from ..models.territory_conditions import TerritoryConditions


T = TypeVar("T", bound="RuleRead")


@_attrs_define
class RuleRead:
    """
    Attributes:
        id (int):
        name (str):
        kind (RuleReadKind):
        position (int):
        active (bool):
        conditions (AccountOwnerConditions | NoConditions | TerritoryConditions):
        owner_id (int | None):
        pool_id (int | None):
        respect_hours (bool):
        version (int):
    """

    id: int
    name: str
    kind: RuleReadKind
    position: int
    active: bool
    conditions: AccountOwnerConditions | NoConditions | TerritoryConditions
    owner_id: int | None
    pool_id: int | None
    respect_hours: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_owner_conditions import AccountOwnerConditions  # noqa: PLC0415
        from ..models.territory_conditions import TerritoryConditions  # noqa: PLC0415

        id = self.id

        name = self.name

        kind = self.kind.value

        position = self.position

        active = self.active

        conditions: dict[str, Any]
        if isinstance(self.conditions, TerritoryConditions):
            conditions = self.conditions.to_dict()
        elif isinstance(self.conditions, AccountOwnerConditions):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions.to_dict()

        owner_id: int | None
        owner_id = self.owner_id

        pool_id: int | None
        pool_id = self.pool_id

        respect_hours = self.respect_hours

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "position": position,
                "active": active,
                "conditions": conditions,
                "owner_id": owner_id,
                "pool_id": pool_id,
                "respect_hours": respect_hours,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_owner_conditions import AccountOwnerConditions  # noqa: PLC0415
        from ..models.no_conditions import NoConditions  # noqa: PLC0415
        from ..models.territory_conditions import TerritoryConditions  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = RuleReadKind(d.pop("kind"))

        position = d.pop("position")

        active = d.pop("active")

        def _parse_conditions(data: object) -> AccountOwnerConditions | NoConditions | TerritoryConditions:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = TerritoryConditions.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_1 = AccountOwnerConditions.from_dict(data)

                return conditions_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            conditions_type_2 = NoConditions.from_dict(data)

            return conditions_type_2

        conditions = _parse_conditions(d.pop("conditions"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_pool_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pool_id = _parse_pool_id(d.pop("pool_id"))

        respect_hours = d.pop("respect_hours")

        version = d.pop("version")

        rule_read = cls(
            id=id,
            name=name,
            kind=kind,
            position=position,
            active=active,
            conditions=conditions,
            owner_id=owner_id,
            pool_id=pool_id,
            respect_hours=respect_hours,
            version=version,
        )

        rule_read.additional_properties = d
        return rule_read

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
