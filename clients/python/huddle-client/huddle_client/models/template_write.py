from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateWrite")


@_attrs_define
class TemplateWrite:
    """A template as created or replaced. Jinja2: ``{{ contact.first_name | default("there")
    }}``, ``{{ account.name }}``, ``{{ contact.custom.<field> }}``, ``{{ unsubscribe_url }}``.
    Without a text body one is derived from the HTML when a message is sent.

        Attributes:
            name (str):
            subject (str):
            html_body (str):
            text_body (None | str | Unset):
    """

    name: str
    subject: str
    html_body: str
    text_body: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        subject = self.subject

        html_body = self.html_body

        text_body: None | str | Unset
        if isinstance(self.text_body, Unset):
            text_body = UNSET
        else:
            text_body = self.text_body

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "subject": subject,
                "html_body": html_body,
            }
        )
        if text_body is not UNSET:
            field_dict["text_body"] = text_body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        subject = d.pop("subject")

        html_body = d.pop("html_body")

        def _parse_text_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_body = _parse_text_body(d.pop("text_body", UNSET))

        template_write = cls(
            name=name,
            subject=subject,
            html_body=html_body,
            text_body=text_body,
        )

        return template_write
