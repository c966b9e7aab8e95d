from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.form_field import FormField


T = TypeVar("T", bound="FormRead")


@_attrs_define
class FormRead:
    """
    Attributes:
        id (int):
        site_id (int):
        name (str):
        form_key (str):
        fields (list[FormField]):
        consent_field (None | str):
        consent_text (None | str):
        thank_you_url (str):
        honeypot_field (str):
        min_fill_seconds (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    site_id: int
    name: str
    form_key: str
    fields: list[FormField]
    consent_field: None | str
    consent_text: None | str
    thank_you_url: str
    honeypot_field: str
    min_fill_seconds: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        site_id = self.site_id

        name = self.name

        form_key = self.form_key

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        consent_field: None | str
        consent_field = self.consent_field

        consent_text: None | str
        consent_text = self.consent_text

        thank_you_url = self.thank_you_url

        honeypot_field = self.honeypot_field

        min_fill_seconds = self.min_fill_seconds

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "site_id": site_id,
                "name": name,
                "form_key": form_key,
                "fields": fields,
                "consent_field": consent_field,
                "consent_text": consent_text,
                "thank_you_url": thank_you_url,
                "honeypot_field": honeypot_field,
                "min_fill_seconds": min_fill_seconds,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field import FormField  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        site_id = d.pop("site_id")

        name = d.pop("name")

        form_key = d.pop("form_key")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = FormField.from_dict(fields_item_data)

            fields.append(fields_item)

        def _parse_consent_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consent_field = _parse_consent_field(d.pop("consent_field"))

        def _parse_consent_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consent_text = _parse_consent_text(d.pop("consent_text"))

        thank_you_url = d.pop("thank_you_url")

        honeypot_field = d.pop("honeypot_field")

        min_fill_seconds = d.pop("min_fill_seconds")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        form_read = cls(
            id=id,
            site_id=site_id,
            name=name,
            form_key=form_key,
            fields=fields,
            consent_field=consent_field,
            consent_text=consent_text,
            thank_you_url=thank_you_url,
            honeypot_field=honeypot_field,
            min_fill_seconds=min_fill_seconds,
            created_at=created_at,
            updated_at=updated_at,
        )

        form_read.additional_properties = d
        return form_read

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
