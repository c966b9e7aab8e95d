from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field import FormField


T = TypeVar("T", bound="FormCreate")


@_attrs_define
class FormCreate:
    """
    Attributes:
        site_id (int):
        name (str):
        fields (list[FormField]):
        thank_you_url (str): Must be one of the site's allowed redirects.
        consent_field (None | str | Unset): The checkbox whose tick alone records email consent.
        consent_text (None | str | Unset):
        honeypot_field (str | Unset):  Default: 'website'.
        min_fill_seconds (int | Unset):  Default: 3.
    """

    site_id: int
    name: str
    fields: list[FormField]
    thank_you_url: str
    consent_field: None | str | Unset = UNSET
    consent_text: None | str | Unset = UNSET
    honeypot_field: str | Unset = "website"
    min_fill_seconds: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        site_id = self.site_id

        name = self.name

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        thank_you_url = self.thank_you_url

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

        honeypot_field = self.honeypot_field

        min_fill_seconds = self.min_fill_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "site_id": site_id,
                "name": name,
                "fields": fields,
                "thank_you_url": thank_you_url,
            }
        )
        if consent_field is not UNSET:
            field_dict["consent_field"] = consent_field
        if consent_text is not UNSET:
            field_dict["consent_text"] = consent_text
        if honeypot_field is not UNSET:
            field_dict["honeypot_field"] = honeypot_field
        if min_fill_seconds is not UNSET:
            field_dict["min_fill_seconds"] = min_fill_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field import FormField  # noqa: PLC0415

        d = dict(src_dict)
        site_id = d.pop("site_id")

        name = d.pop("name")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = FormField.from_dict(fields_item_data)

            fields.append(fields_item)

        thank_you_url = d.pop("thank_you_url")

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

        honeypot_field = d.pop("honeypot_field", UNSET)

        min_fill_seconds = d.pop("min_fill_seconds", UNSET)

        form_create = cls(
            site_id=site_id,
            name=name,
            fields=fields,
            thank_you_url=thank_you_url,
            consent_field=consent_field,
            consent_text=consent_text,
            honeypot_field=honeypot_field,
            min_fill_seconds=min_fill_seconds,
        )

        return form_create
