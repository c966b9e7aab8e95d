from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_filters_stage_item import ContactFiltersStageItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactFilters")


@_attrs_define
class ContactFilters:
    """What narrows a contact list; also what a saved view stores.

    Attributes:
        id (list[int] | Unset): Only these contacts (a selection).
        stage (list[ContactFiltersStageItem] | Unset): One or many stages.
        owner_id (list[int | Literal['unassigned']] | Unset): One or many user ids or "unassigned": contacts of any of
            them.
        source (list[str] | Unset): One or many first-touch sources (google, webinar...): any of them.
        buying_stage (list[str] | Unset): One or many buying stages (keys: evaluating, deciding...): any of them.
        account_id (int | None | Unset):
        score_min (int | None | Unset):
        score_max (int | None | Unset):
        created_since (datetime.datetime | None | Unset):
        updated_since (datetime.datetime | None | Unset):
        q (None | str | Unset): Free text over first and last name, email and account name.
        is_target (bool | None | Unset): Only contacts of target accounts.
        where (list[str] | Unset): Conditions on custom fields, all of which must hold, each <field>:<op>[:<value>]
            (several values comma-separated): contact.custom.tier:in:gold,silver, account.custom.seats:gte:100,
            contact.custom.renewal:before:2024-03-14, contact.custom.partner:is_true. The operators a field's type allows
            are the scoring rules'.
    """

    id: list[int] | Unset = UNSET
    stage: list[ContactFiltersStageItem] | Unset = UNSET
    owner_id: list[int | Literal["unassigned"]] | Unset = UNSET
    source: list[str] | Unset = UNSET
    buying_stage: list[str] | Unset = UNSET
    account_id: int | None | Unset = UNSET
    score_min: int | None | Unset = UNSET
    score_max: int | None | Unset = UNSET
    created_since: datetime.datetime | None | Unset = UNSET
    updated_since: datetime.datetime | None | Unset = UNSET
    q: None | str | Unset = UNSET
    is_target: bool | None | Unset = UNSET
    where: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: list[int] | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = self.id

        stage: list[str] | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = []
            for stage_item_data in self.stage:
                stage_item = stage_item_data.value
                stage.append(stage_item)

        owner_id: list[int | Literal["unassigned"]] | Unset = UNSET
        if not isinstance(self.owner_id, Unset):
            owner_id = []
            for owner_id_item_data in self.owner_id:
                owner_id_item: int | Literal["unassigned"]
                owner_id_item = owner_id_item_data
                owner_id.append(owner_id_item)

        source: list[str] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source

        buying_stage: list[str] | Unset = UNSET
        if not isinstance(self.buying_stage, Unset):
            buying_stage = self.buying_stage

        account_id: int | None | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        score_min: int | None | Unset
        if isinstance(self.score_min, Unset):
            score_min = UNSET
        else:
            score_min = self.score_min

        score_max: int | None | Unset
        if isinstance(self.score_max, Unset):
            score_max = UNSET
        else:
            score_max = self.score_max

        created_since: None | str | Unset
        if isinstance(self.created_since, Unset):
            created_since = UNSET
        elif isinstance(self.created_since, datetime.datetime):
            created_since = self.created_since.isoformat()
        else:
            created_since = self.created_since

        updated_since: None | str | Unset
        if isinstance(self.updated_since, Unset):
            updated_since = UNSET
        elif isinstance(self.updated_since, datetime.datetime):
            updated_since = self.updated_since.isoformat()
        else:
            updated_since = self.updated_since

        q: None | str | Unset
        if isinstance(self.q, Unset):
            q = UNSET
        else:
            q = self.q

        is_target: bool | None | Unset
        if isinstance(self.is_target, Unset):
            is_target = UNSET
        else:
            is_target = self.is_target

        where: list[str] | Unset = UNSET
        if not isinstance(self.where, Unset):
            where = self.where

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if stage is not UNSET:
            field_dict["stage"] = stage
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if source is not UNSET:
            field_dict["source"] = source
        if buying_stage is not UNSET:
            field_dict["buying_stage"] = buying_stage
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if score_min is not UNSET:
            field_dict["score_min"] = score_min
        if score_max is not UNSET:
            field_dict["score_max"] = score_max
        if created_since is not UNSET:
            field_dict["created_since"] = created_since
        if updated_since is not UNSET:
            field_dict["updated_since"] = updated_since
        if q is not UNSET:
            field_dict["q"] = q
        if is_target is not UNSET:
            field_dict["is_target"] = is_target
        if where is not UNSET:
            field_dict["where"] = where

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = cast(list[int], d.pop("id", UNSET))

        _stage = d.pop("stage", UNSET)
        stage: list[ContactFiltersStageItem] | Unset = UNSET
        if _stage is not UNSET:
            stage = []
            for stage_item_data in _stage:
                stage_item = ContactFiltersStageItem(stage_item_data)

                stage.append(stage_item)

        _owner_id = d.pop("owner_id", UNSET)
        owner_id: list[int | Literal["unassigned"]] | Unset = UNSET
        if _owner_id is not UNSET:
            owner_id = []
            for owner_id_item_data in _owner_id:

                def _parse_owner_id_item(data: object) -> int | Literal["unassigned"]:
                    owner_id_item_type_1 = cast(Literal["unassigned"], data)
                    if owner_id_item_type_1 != "unassigned":
                        raise ValueError(
                            f"owner_id_item_type_1 must match const 'unassigned', got '{owner_id_item_type_1}'"
                        )
                    return owner_id_item_type_1
                    return cast(int | Literal["unassigned"], data)

                owner_id_item = _parse_owner_id_item(owner_id_item_data)

                owner_id.append(owner_id_item)

        source = cast(list[str], d.pop("source", UNSET))

        buying_stage = cast(list[str], d.pop("buying_stage", UNSET))

        def _parse_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_score_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score_min = _parse_score_min(d.pop("score_min", UNSET))

        def _parse_score_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score_max = _parse_score_max(d.pop("score_max", UNSET))

        def _parse_created_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_since_type_0 = datetime.datetime.fromisoformat(data)

                return created_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_since = _parse_created_since(d.pop("created_since", UNSET))

        def _parse_updated_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_since_type_0 = datetime.datetime.fromisoformat(data)

                return updated_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_since = _parse_updated_since(d.pop("updated_since", UNSET))

        def _parse_q(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        q = _parse_q(d.pop("q", UNSET))

        def _parse_is_target(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_target = _parse_is_target(d.pop("is_target", UNSET))

        where = cast(list[str], d.pop("where", UNSET))

        contact_filters = cls(
            id=id,
            stage=stage,
            owner_id=owner_id,
            source=source,
            buying_stage=buying_stage,
            account_id=account_id,
            score_min=score_min,
            score_max=score_max,
            created_since=created_since,
            updated_since=updated_since,
            q=q,
            is_target=is_target,
            where=where,
        )

        contact_filters.additional_properties = d
        return contact_filters

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
