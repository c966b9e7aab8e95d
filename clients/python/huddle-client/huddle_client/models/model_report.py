from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attribution_model import AttributionModel

if TYPE_CHECKING:
    from ..models.campaign_credit import CampaignCredit
    from ..models.channel_credit import ChannelCredit


T = TypeVar("T", bound="ModelReport")


@_attrs_define
class ModelReport:
    """
    Attributes:
        model (AttributionModel): The models of ``huddle.attribution.rules`` (the document's named enum).
        label (str):
        pipeline (float): Every credited pipeline amount: the deals' total.
        revenue (float):
        campaigns (list[CampaignCredit]):
        channels (list[ChannelCredit]):
    """

    model: AttributionModel
    label: str
    pipeline: float
    revenue: float
    campaigns: list[CampaignCredit]
    channels: list[ChannelCredit]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        label = self.label

        pipeline = self.pipeline

        revenue = self.revenue

        campaigns = []
        for campaigns_item_data in self.campaigns:
            campaigns_item = campaigns_item_data.to_dict()
            campaigns.append(campaigns_item)

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "label": label,
                "pipeline": pipeline,
                "revenue": revenue,
                "campaigns": campaigns,
                "channels": channels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_credit import CampaignCredit  # noqa: PLC0415
        from ..models.channel_credit import ChannelCredit  # noqa: PLC0415

        d = dict(src_dict)
        model = AttributionModel(d.pop("model"))

        label = d.pop("label")

        pipeline = d.pop("pipeline")

        revenue = d.pop("revenue")

        campaigns = []
        _campaigns = d.pop("campaigns")
        for campaigns_item_data in _campaigns:
            campaigns_item = CampaignCredit.from_dict(campaigns_item_data)

            campaigns.append(campaigns_item)

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = ChannelCredit.from_dict(channels_item_data)

            channels.append(channels_item)

        model_report = cls(
            model=model,
            label=label,
            pipeline=pipeline,
            revenue=revenue,
            campaigns=campaigns,
            channels=channels,
        )

        model_report.additional_properties = d
        return model_report

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
