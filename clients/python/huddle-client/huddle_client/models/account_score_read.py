from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccountScoreRead")


@_attrs_define
class AccountScoreRead:
    """
    Attributes:
        account_id (int):
        model_id (int):
        method (str):
        score (float):
        contacts (int):
    """

    account_id: int
    model_id: int
    method: str
    score: float
    contacts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        model_id = self.model_id

        method = self.method

        score = self.score

        contacts = self.contacts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "model_id": model_id,
                "method": method,
                "score": score,
                "contacts": contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        model_id = d.pop("model_id")

        method = d.pop("method")

        score = d.pop("score")

        contacts = d.pop("contacts")

        account_score_read = cls(
            account_id=account_id,
            model_id=model_id,
            method=method,
            score=score,
            contacts=contacts,
        )

        account_score_read.additional_properties = d
        return account_score_read

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
