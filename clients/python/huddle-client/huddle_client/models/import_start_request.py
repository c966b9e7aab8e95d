from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_start_request_mapping import ImportStartRequestMapping


T = TypeVar("T", bound="ImportStartRequest")


@_attrs_define
class ImportStartRequest:
    """
    Attributes:
        token (str):
        mapping (ImportStartRequestMapping): {"csv header": "huddle field"}: a field of TARGETS (GET the preview for
            them), "custom.<key>" for a custom field, or null to skip the column
        save_as (None | str | Unset): Save the mapping under this name
    """

    token: str
    mapping: ImportStartRequestMapping
    save_as: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        mapping = self.mapping.to_dict()

        save_as: None | str | Unset
        if isinstance(self.save_as, Unset):
            save_as = UNSET
        else:
            save_as = self.save_as

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "mapping": mapping,
            }
        )
        if save_as is not UNSET:
            field_dict["save_as"] = save_as

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_start_request_mapping import ImportStartRequestMapping  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        mapping = ImportStartRequestMapping.from_dict(d.pop("mapping"))

        def _parse_save_as(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        save_as = _parse_save_as(d.pop("save_as", UNSET))

        import_start_request = cls(
            token=token,
            mapping=mapping,
            save_as=save_as,
        )

        return import_start_request
