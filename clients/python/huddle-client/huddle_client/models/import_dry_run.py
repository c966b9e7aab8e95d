from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_dry_run_mapping import ImportDryRunMapping
    from ..models.refusal_reason import RefusalReason


T = TypeVar("T", bound="ImportDryRun")


@_attrs_define
class ImportDryRun:
    """
    Attributes:
        rows_total (int):
        would_create (int):
        would_update (int):
        unchanged (int):
        refused (int):
        reasons (list[RefusalReason]): The most frequent reasons first
        other_reasons (int): Refused rows whose reasons are not listed
        mapping (ImportDryRunMapping): CSV header -> Huddle field, as it would apply
    """

    rows_total: int
    would_create: int
    would_update: int
    unchanged: int
    refused: int
    reasons: list[RefusalReason]
    other_reasons: int
    mapping: ImportDryRunMapping
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows_total = self.rows_total

        would_create = self.would_create

        would_update = self.would_update

        unchanged = self.unchanged

        refused = self.refused

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        other_reasons = self.other_reasons

        mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows_total": rows_total,
                "would_create": would_create,
                "would_update": would_update,
                "unchanged": unchanged,
                "refused": refused,
                "reasons": reasons,
                "other_reasons": other_reasons,
                "mapping": mapping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_dry_run_mapping import ImportDryRunMapping  # noqa: PLC0415
        from ..models.refusal_reason import RefusalReason  # noqa: PLC0415

        d = dict(src_dict)
        rows_total = d.pop("rows_total")

        would_create = d.pop("would_create")

        would_update = d.pop("would_update")

        unchanged = d.pop("unchanged")

        refused = d.pop("refused")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = RefusalReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        other_reasons = d.pop("other_reasons")

        mapping = ImportDryRunMapping.from_dict(d.pop("mapping"))

        import_dry_run = cls(
            rows_total=rows_total,
            would_create=would_create,
            would_update=would_update,
            unchanged=unchanged,
            refused=refused,
            reasons=reasons,
            other_reasons=other_reasons,
            mapping=mapping,
        )

        import_dry_run.additional_properties = d
        return import_dry_run

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
