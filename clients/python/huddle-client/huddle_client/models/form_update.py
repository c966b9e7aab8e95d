from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field import FormField


T = TypeVar("T", bound="FormUpdate")


@_attrs_define
class FormUpdate:
    """
    Attributes:
        name (None | str | Unset):
        fields (list[FormField] | None | Unset):
        consent_field (None | str | Unset):
        consent_text (None | str | Unset):
        thank_you_url (None | str | Unset):
        honeypot_field (None | str | Unset):
        min_fill_seconds (int | None | Unset):
    """

    name: None | str | Unset = UNSET
    fields: list[FormField] | None | Unset = UNSET
    consent_field: None | str | Unset = UNSET
    consent_text: None | str | Unset = UNSET
    thank_you_url: None | str | Unset = UNSET
    honeypot_field: None | str | Unset = UNSET
    min_fill_seconds: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        fields: list[dict[str, Any]] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = []
            for fields_type_0_item_data in self.fields:
                fields_type_0_item = fields_type_0_item_data.to_dict()
                fields.append(fields_type_0_item)

        else:
            fields = self.fields

        consent_field: None | str | Unset
        if isinstance(self.consent_field, Unset):
            consent_field = UNSET
        else:
            consent_field = self.consent_field

        consent_text: None | str | Unset
        if isinstance(self.consent_text, Unset):
            consent_text = UNSET
        else:
            consent_text = self.consent_text

        thank_you_url: None | str | Unset
        if isinstance(self.thank_you_url, Unset):
            thank_you_url = UNSET
        else:
            thank_you_url = self.thank_you_url

        honeypot_field: None | str | Unset
        if isinstance(self.honeypot_field, Unset):
            honeypot_field = UNSET
        else:
            honeypot_field = self.honeypot_field

        min_fill_seconds: int | None | Unset
        if isinstance(self.min_fill_seconds, Unset):
            min_fill_seconds = UNSET
        else:
            min_fill_seconds = self.min_fill_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if fields is not UNSET:
            field_dict["fields"] = fields
        if consent_field is not UNSET:
            field_dict["consent_field"] = consent_field
        if consent_text is not UNSET:
            field_dict["consent_text"] = consent_text
        if thank_you_url is not UNSET:
            field_dict["thank_you_url"] = thank_you_url
        if honeypot_field is not UNSET:
            field_dict["honeypot_field"] = honeypot_field
        if min_fill_seconds is not UNSET:
            field_dict["min_fill_seconds"] = min_fill_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field import FormField  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_fields(data: object) -> list[FormField] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = []
                _fields_type_0 = data
                for fields_type_0_item_data in _fields_type_0:
                    fields_type_0_item = FormField.from_dict(fields_type_0_item_data)

                    fields_type_0.append(fields_type_0_item)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FormField] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))

        def _parse_consent_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_field = _parse_consent_field(d.pop("consent_field", UNSET))

        def _parse_consent_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_text = _parse_consent_text(d.pop("consent_text", UNSET))

        def _parse_thank_you_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thank_you_url = _parse_thank_you_url(d.pop("thank_you_url", UNSET))

        def _parse_honeypot_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        honeypot_field = _parse_honeypot_field(d.pop("honeypot_field", UNSET))

        def _parse_min_fill_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_fill_seconds = _parse_min_fill_seconds(d.pop("min_fill_seconds", UNSET))

        form_update = cls(
            name=name,
            fields=fields,
            consent_field=consent_field,
            consent_text=consent_text,
            thank_you_url=thank_you_url,
            honeypot_field=honeypot_field,
            min_fill_seconds=min_fill_seconds,
        )

        return form_update
