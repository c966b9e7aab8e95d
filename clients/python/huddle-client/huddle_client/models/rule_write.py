from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rule_write_kind import RuleWriteKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_owner_conditions import AccountOwnerConditions
    from ..models.no_conditions import NoConditions
    from ..models.territory_conditions import TerritoryConditions


T = TypeVar("T", bound="RuleWrite")


@_attrs_define
class RuleWrite:
    """
    Attributes:
        name (str):
        kind (RuleWriteKind):
        position (int | Unset):  Default: 0.
        active (bool | Unset):  Default: True.
        conditions (AccountOwnerConditions | NoConditions | TerritoryConditions | Unset): territory: {"countries":
            [...], "regions": [...], "industries": [...], "segments": ["smb", "mid", "enterprise"]}; account_owner:
            {"target_only": true}
        owner_id (int | None | Unset):
        pool_id (int | None | Unset):
        respect_hours (bool | Unset):  Default: True.
    """

    name: str
    kind: RuleWriteKind
    position: int | Unset = 0
    active: bool | Unset = True
    conditions: AccountOwnerConditions | NoConditions | TerritoryConditions | Unset = UNSET
    owner_id: int | None | Unset = UNSET
    pool_id: int | None | Unset = UNSET
    respect_hours: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_owner_conditions import AccountOwnerConditions  # noqa: PLC0415
        from ..models.territory_conditions import TerritoryConditions  # noqa: PLC0415

        name = self.name

        kind = self.kind.value

        position = self.position

        active = self.active

        conditions: dict[str, Any] | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, TerritoryConditions):
            conditions = self.conditions.to_dict()
        elif isinstance(self.conditions, AccountOwnerConditions):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions.to_dict()

        owner_id: int | None | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        pool_id: int | None | Unset
        if isinstance(self.pool_id, Unset):
            pool_id = UNSET
        else:
            pool_id = self.pool_id

        respect_hours = self.respect_hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position
        if active is not UNSET:
            field_dict["active"] = active
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if pool_id is not UNSET:
            field_dict["pool_id"] = pool_id
        if respect_hours is not UNSET:
            field_dict["respect_hours"] = respect_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_owner_conditions import AccountOwnerConditions  # noqa: PLC0415
        from ..models.no_conditions import NoConditions  # noqa: PLC0415
        from ..models.territory_conditions import TerritoryConditions  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = RuleWriteKind(d.pop("kind"))

        position = d.pop("position", UNSET)

        active = d.pop("active", UNSET)

        def _parse_conditions(data: object) -> AccountOwnerConditions | NoConditions | TerritoryConditions | Unset:
            if isinstance(data, Unset):
                return data
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

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_owner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_pool_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pool_id = _parse_pool_id(d.pop("pool_id", UNSET))

        respect_hours = d.pop("respect_hours", UNSET)

        rule_write = cls(
            name=name,
            kind=kind,
            position=position,
            active=active,
            conditions=conditions,
            owner_id=owner_id,
            pool_id=pool_id,
            respect_hours=respect_hours,
        )

        return rule_write
