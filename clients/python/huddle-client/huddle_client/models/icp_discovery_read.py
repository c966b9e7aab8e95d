from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.icp_segment_read import IcpSegmentRead
    from ..models.profile_criterion import ProfileCriterion


T = TypeVar("T", bound="IcpDiscoveryRead")


@_attrs_define
class IcpDiscoveryRead:
    """
    Attributes:
        accounts (int):
        customers (int): Accounts with a won deal or a Customer contact
        best (int): The best customers, by won value and tenure
        best_share (float):
        min_support (int):
        min_lift (float):
        skipped_small (int): Over-represented segments under the minimum support
        segments (list[IcpSegmentRead]): Highest lift first
        draft (list[ProfileCriterion]): ICP criteria ({label, weight, when}) to edit and save as the ICP (POST
            /scoring/profiles with kind icp, or PUT the ICP)
    """

    accounts: int
    customers: int
    best: int
    best_share: float
    min_support: int
    min_lift: float
    skipped_small: int
    segments: list[IcpSegmentRead]
    draft: list[ProfileCriterion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        customers = self.customers

        best = self.best

        best_share = self.best_share

        min_support = self.min_support

        min_lift = self.min_lift

        skipped_small = self.skipped_small

        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)

        draft = []
        for draft_item_data in self.draft:
            draft_item = draft_item_data.to_dict()
            draft.append(draft_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "customers": customers,
                "best": best,
                "best_share": best_share,
                "min_support": min_support,
                "min_lift": min_lift,
                "skipped_small": skipped_small,
                "segments": segments,
                "draft": draft,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icp_segment_read import IcpSegmentRead  # noqa: PLC0415
        from ..models.profile_criterion import ProfileCriterion  # noqa: PLC0415

        d = dict(src_dict)
        accounts = d.pop("accounts")

        customers = d.pop("customers")

        best = d.pop("best")

        best_share = d.pop("best_share")

        min_support = d.pop("min_support")

        min_lift = d.pop("min_lift")

        skipped_small = d.pop("skipped_small")

        segments = []
        _segments = d.pop("segments")
        for segments_item_data in _segments:
            segments_item = IcpSegmentRead.from_dict(segments_item_data)

            segments.append(segments_item)

        draft = []
        _draft = d.pop("draft")
        for draft_item_data in _draft:
            draft_item = ProfileCriterion.from_dict(draft_item_data)

            draft.append(draft_item)

        icp_discovery_read = cls(
            accounts=accounts,
            customers=customers,
            best=best,
            best_share=best_share,
            min_support=min_support,
            min_lift=min_lift,
            skipped_small=skipped_small,
            segments=segments,
            draft=draft,
        )

        icp_discovery_read.additional_properties = d
        return icp_discovery_read

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
