from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_score_read import AccountScoreRead
    from ..models.buying_group_member import BuyingGroupMember


T = TypeVar("T", bound="BuyingGroupRead")


@_attrs_define
class BuyingGroupRead:
    """
    Attributes:
        account_id (int):
        scores (list[AccountScoreRead]):
        members (list[BuyingGroupMember]):
        personas_engaged (list[str]):
        personas_missing (list[str]):
    """

    account_id: int
    scores: list[AccountScoreRead]
    members: list[BuyingGroupMember]
    personas_engaged: list[str]
    personas_missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        personas_engaged = self.personas_engaged

        personas_missing = self.personas_missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "scores": scores,
                "members": members,
                "personas_engaged": personas_engaged,
                "personas_missing": personas_missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_score_read import AccountScoreRead  # noqa: PLC0415
        from ..models.buying_group_member import BuyingGroupMember  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = AccountScoreRead.from_dict(scores_item_data)

            scores.append(scores_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = BuyingGroupMember.from_dict(members_item_data)

            members.append(members_item)

        personas_engaged = cast(list[str], d.pop("personas_engaged"))

        personas_missing = cast(list[str], d.pop("personas_missing"))

        buying_group_read = cls(
            account_id=account_id,
            scores=scores,
            members=members,
            personas_engaged=personas_engaged,
            personas_missing=personas_missing,
        )

        buying_group_read.additional_properties = d
        return buying_group_read

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
