from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

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
    """

    token: str
    mapping: ImportDryRunRequestMapping

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "mapping": mapping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_dry_run_request_mapping import ImportDryRunRequestMapping  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        mapping = ImportDryRunRequestMapping.from_dict(d.pop("mapping"))

        import_dry_run_request = cls(
            token=token,
            mapping=mapping,
        )

        return import_dry_run_request
