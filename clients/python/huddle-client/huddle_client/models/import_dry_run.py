from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_dry_run_dates_read import ImportDryRunDatesRead
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
        to_check (int | Unset): Rows that would go in with something to check (an owner nobody in Huddle is: the contact
            goes in unassigned); counted in would_create/would_update Default: 0.
        to_check_reasons (list[RefusalReason] | Unset): Why those rows need a look, the most frequent first
        dates_read (ImportDryRunDatesRead | Unset): How each date column's dates would be read, by header
            ("DD/MM/YYYY"): the format found over the file, said ambiguous when no value tells the day from the month
        dates_ambiguous (bool | Unset): Whether a date column's values cannot tell the day from the month (send
            day_first to settle it) Default: False.
        day_first (bool | None | Unset): Whether a date like 03/04/2024 is the 3rd of April (true) or March 4 (false),
            in the columns where no value tells; null: as the file's other date columns tell, else month first
    """

    rows_total: int
    would_create: int
    would_update: int
    unchanged: int
    refused: int
    reasons: list[RefusalReason]
    other_reasons: int
    mapping: ImportDryRunMapping
    to_check: int | Unset = 0
    to_check_reasons: list[RefusalReason] | Unset = UNSET
    dates_read: ImportDryRunDatesRead | Unset = UNSET
    dates_ambiguous: bool | Unset = False
    day_first: bool | None | Unset = UNSET
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

        to_check = self.to_check

        to_check_reasons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.to_check_reasons, Unset):
            to_check_reasons = []
            for to_check_reasons_item_data in self.to_check_reasons:
                to_check_reasons_item = to_check_reasons_item_data.to_dict()
                to_check_reasons.append(to_check_reasons_item)

        dates_read: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dates_read, Unset):
            dates_read = self.dates_read.to_dict()

        dates_ambiguous = self.dates_ambiguous

        day_first: bool | None | Unset
        if isinstance(self.day_first, Unset):
            day_first = UNSET
        else:
            day_first = self.day_first

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
        if to_check is not UNSET:
            field_dict["to_check"] = to_check
        if to_check_reasons is not UNSET:
            field_dict["to_check_reasons"] = to_check_reasons
        if dates_read is not UNSET:
            field_dict["dates_read"] = dates_read
        if dates_ambiguous is not UNSET:
            field_dict["dates_ambiguous"] = dates_ambiguous
        if day_first is not UNSET:
            field_dict["day_first"] = day_first

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_dry_run_dates_read import ImportDryRunDatesRead  # noqa: PLC0415
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

        to_check = d.pop("to_check", UNSET)

        _to_check_reasons = d.pop("to_check_reasons", UNSET)
        to_check_reasons: list[RefusalReason] | Unset = UNSET
        if _to_check_reasons is not UNSET:
            to_check_reasons = []
            for to_check_reasons_item_data in _to_check_reasons:
                to_check_reasons_item = RefusalReason.from_dict(to_check_reasons_item_data)

                to_check_reasons.append(to_check_reasons_item)

        _dates_read = d.pop("dates_read", UNSET)
        dates_read: ImportDryRunDatesRead | Unset
        if isinstance(_dates_read, Unset):
            dates_read = UNSET
        else:
            dates_read = ImportDryRunDatesRead.from_dict(_dates_read)

        dates_ambiguous = d.pop("dates_ambiguous", UNSET)

        def _parse_day_first(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        day_first = _parse_day_first(d.pop("day_first", UNSET))

        import_dry_run = cls(
            rows_total=rows_total,
            would_create=would_create,
            would_update=would_update,
            unchanged=unchanged,
            refused=refused,
            reasons=reasons,
            other_reasons=other_reasons,
            mapping=mapping,
            to_check=to_check,
            to_check_reasons=to_check_reasons,
            dates_read=dates_read,
            dates_ambiguous=dates_ambiguous,
            day_first=day_first,
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
