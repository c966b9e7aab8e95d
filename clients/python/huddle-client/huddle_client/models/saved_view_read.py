from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_column import ContactColumn
from ..models.contact_sort import ContactSort
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_filters import ContactFilters


T = TypeVar("T", bound="SavedViewRead")


@_attrs_define
class SavedViewRead:
    """
    Attributes:
        id (int):
        name (str):
        owner_id (int | None):
        shared (bool):
        filters (ContactFilters): What narrows a contact list; also what a saved view stores.
        sort (ContactSort):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        sort_field (None | str | Unset): A contact custom field sorting the view instead of sort: contact.custom.<key>
            (-contact.custom.<key> descending).
        columns (list[ContactColumn] | Unset): The contact list's columns the view shows, in order (none given: all).
    """

    id: int
    name: str
    owner_id: int | None
    shared: bool
    filters: ContactFilters
    sort: ContactSort
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sort_field: None | str | Unset = UNSET
    columns: list[ContactColumn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        owner_id: int | None
        owner_id = self.owner_id

        shared = self.shared

        filters = self.filters.to_dict()

        sort = self.sort.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sort_field: None | str | Unset
        if isinstance(self.sort_field, Unset):
            sort_field = UNSET
        else:
            sort_field = self.sort_field

        columns: list[str] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = []
            for columns_item_data in self.columns:
                columns_item = columns_item_data.value
                columns.append(columns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "owner_id": owner_id,
                "shared": shared,
                "filters": filters,
                "sort": sort,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if sort_field is not UNSET:
            field_dict["sort_field"] = sort_field
        if columns is not UNSET:
            field_dict["columns"] = columns

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_filters import ContactFilters  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        shared = d.pop("shared")

        filters = ContactFilters.from_dict(d.pop("filters"))

        sort = ContactSort(d.pop("sort"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_sort_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sort_field = _parse_sort_field(d.pop("sort_field", UNSET))

        _columns = d.pop("columns", UNSET)
        columns: list[ContactColumn] | Unset = UNSET
        if _columns is not UNSET:
            columns = []
            for columns_item_data in _columns:
                columns_item = ContactColumn(columns_item_data)

                columns.append(columns_item)

        saved_view_read = cls(
            id=id,
            name=name,
            owner_id=owner_id,
            shared=shared,
            filters=filters,
            sort=sort,
            created_at=created_at,
            updated_at=updated_at,
            sort_field=sort_field,
            columns=columns,
        )

        saved_view_read.additional_properties = d
        return saved_view_read

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
