from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.feedback_item_create_kind import FeedbackItemCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackItemCreate")


@_attrs_define
class FeedbackItemCreate:
    """
    Attributes:
        kind (FeedbackItemCreateKind):
        feature_id (int | None | Unset): A feature of the managed list
        opportunity_id (int | None | Unset): The deal it was heard on
        account_id (int | None | Unset): The account, when not heard on a deal (a deal gives its own)
        quote (str | Unset): The prospect's words Default: ''.
    """

    kind: FeedbackItemCreateKind
    feature_id: int | None | Unset = UNSET
    opportunity_id: int | None | Unset = UNSET
    account_id: int | None | Unset = UNSET
    quote: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        feature_id: int | None | Unset
        if isinstance(self.feature_id, Unset):
            feature_id = UNSET
        else:
            feature_id = self.feature_id

        opportunity_id: int | None | Unset
        if isinstance(self.opportunity_id, Unset):
            opportunity_id = UNSET
        else:
            opportunity_id = self.opportunity_id

        account_id: int | None | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        quote = self.quote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if feature_id is not UNSET:
            field_dict["feature_id"] = feature_id
        if opportunity_id is not UNSET:
            field_dict["opportunity_id"] = opportunity_id
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if quote is not UNSET:
            field_dict["quote"] = quote

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FeedbackItemCreateKind(d.pop("kind"))

        def _parse_feature_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        feature_id = _parse_feature_id(d.pop("feature_id", UNSET))

        def _parse_opportunity_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id", UNSET))

        def _parse_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        quote = d.pop("quote", UNSET)

        feedback_item_create = cls(
            kind=kind,
            feature_id=feature_id,
            opportunity_id=opportunity_id,
            account_id=account_id,
            quote=quote,
        )

        return feedback_item_create
