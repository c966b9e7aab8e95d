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
    """Only the fields given change; null clears the consent field and text, and the
    others cannot be null.

        Attributes:
            name (str | Unset):
            fields (list[FormField] | Unset):
            consent_field (None | str | Unset):
            consent_text (None | str | Unset):
            thank_you_url (str | Unset):
            honeypot_field (str | Unset):
            min_fill_seconds (int | Unset):
    """

    name: str | Unset = UNSET
    fields: list[FormField] | Unset = UNSET
    consent_field: None | str | Unset = UNSET
    consent_text: None | str | Unset = UNSET
    thank_you_url: str | Unset = UNSET
    honeypot_field: str | Unset = UNSET
    min_fill_seconds: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

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

        thank_you_url = self.thank_you_url

        honeypot_field = self.honeypot_field

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
        name = d.pop("name", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[FormField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = FormField.from_dict(fields_item_data)

                fields.append(fields_item)

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

        thank_you_url = d.pop("thank_you_url", UNSET)

        honeypot_field = d.pop("honeypot_field", UNSET)

        min_fill_seconds = d.pop("min_fill_seconds", UNSET)

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
