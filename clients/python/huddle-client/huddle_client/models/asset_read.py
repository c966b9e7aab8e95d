from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_read_kind import AssetReadKind
from ..models.asset_read_status import AssetReadStatus

T = TypeVar("T", bound="AssetRead")


@_attrs_define
class AssetRead:
    """
    Attributes:
        id (int):
        title (str):
        url (str):
        kind (AssetReadKind):
        status (AssetReadStatus):
        approved_at (datetime.datetime | None):
        approved_by (None | str):
        created_at (datetime.datetime):
    """

    id: int
    title: str
    url: str
    kind: AssetReadKind
    status: AssetReadStatus
    approved_at: datetime.datetime | None
    approved_by: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        url = self.url

        kind = self.kind.value

        status = self.status.value

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_by: None | str
        approved_by = self.approved_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "url": url,
                "kind": kind,
                "status": status,
                "approved_at": approved_at,
                "approved_by": approved_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        url = d.pop("url")

        kind = AssetReadKind(d.pop("kind"))

        status = AssetReadStatus(d.pop("status"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        asset_read = cls(
            id=id,
            title=title,
            url=url,
            kind=kind,
            status=status,
            approved_at=approved_at,
            approved_by=approved_by,
            created_at=created_at,
        )

        asset_read.additional_properties = d
        return asset_read

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
