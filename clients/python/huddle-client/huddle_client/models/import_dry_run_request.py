from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_dry_run_request_mapping import ImportDryRunRequestMapping


T = TypeVar("T", bound="ImportDryRunRequest")


@_attrs_define
class ImportDryRunRequest:
    """
    Attributes:
        token (str):
        mapping (ImportDryRunRequestMapping): {"csv header": "huddle field"}: a field of TARGETS (GET the preview for
            them), "custom.<key>" for a custom field, or null to skip the column
        day_first (bool | None | Unset): Whether a date like 03/04/2024 is the 3rd of April (true) or March 4 (false),
            in the columns where no value tells; null: as the file's other date columns tell, else month first
    """

    token: str
    mapping: ImportDryRunRequestMapping
    day_first: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        mapping = self.mapping.to_dict()

        day_first: bool | None | Unset
        if isinstance(self.day_first, Unset):
            day_first = UNSET
        else:
            day_first = self.day_first

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "mapping": mapping,
            }
        )
        if day_first is not UNSET:
            field_dict["day_first"] = day_first

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_dry_run_request_mapping import ImportDryRunRequestMapping  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        mapping = ImportDryRunRequestMapping.from_dict(d.pop("mapping"))

        def _parse_day_first(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        day_first = _parse_day_first(d.pop("day_first", UNSET))

        import_dry_run_request = cls(
            token=token,
            mapping=mapping,
            day_first=day_first,
        )

        return import_dry_run_request
