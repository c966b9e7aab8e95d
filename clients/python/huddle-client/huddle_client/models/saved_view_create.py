from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_column import ContactColumn
from ..models.contact_sort import ContactSort
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_filters import ContactFilters


T = TypeVar("T", bound="SavedViewCreate")


@_attrs_define
class SavedViewCreate:
    """
    Attributes:
        name (str):
        shared (bool | Unset):  Default: False.
        filters (ContactFilters | Unset): What narrows a contact list; also what a saved view stores.
        sort (ContactSort | Unset):
        sort_field (None | str | Unset): A contact custom field sorting the view instead of sort: contact.custom.<key>
            (-contact.custom.<key> descending).
        columns (list[ContactColumn] | Unset): The contact list's columns the view shows, in order (none given: all).
    """

    name: str
    shared: bool | Unset = False
    filters: ContactFilters | Unset = UNSET
    sort: ContactSort | Unset = UNSET
    sort_field: None | str | Unset = UNSET
    columns: list[ContactColumn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        shared = self.shared

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        sort: str | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.value

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

        field_dict.update(
            {
                "name": name,
            }
        )
        if shared is not UNSET:
            field_dict["shared"] = shared
        if filters is not UNSET:
            field_dict["filters"] = filters
        if sort is not UNSET:
            field_dict["sort"] = sort
        if sort_field is not UNSET:
            field_dict["sort_field"] = sort_field
        if columns is not UNSET:
            field_dict["columns"] = columns

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_filters import ContactFilters  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        shared = d.pop("shared", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: ContactFilters | Unset
        if isinstance(_filters, Unset):
            filters = UNSET
        else:
            filters = ContactFilters.from_dict(_filters)

        _sort = d.pop("sort", UNSET)
        sort: ContactSort | Unset
        if isinstance(_sort, Unset):
            sort = UNSET
        else:
            sort = ContactSort(_sort)

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

        saved_view_create = cls(
            name=name,
            shared=shared,
            filters=filters,
            sort=sort,
            sort_field=sort_field,
            columns=columns,
        )

        return saved_view_create
