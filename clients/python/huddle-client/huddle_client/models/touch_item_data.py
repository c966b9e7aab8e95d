from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.touch_item_data_properties import TouchItemDataProperties


T = TypeVar("T", bound="TouchItemData")


@_attrs_define
class TouchItemData:
    """A ``touch`` item's data.

    Attributes:
        type_ (str):
        properties (TouchItemDataProperties): The touch's own properties, as sent.
        campaign_id (int | None):
        asset_id (int | None):
        workflow_id (int | None):
        actor_type (str):
    """

    type_: str
    properties: TouchItemDataProperties
    campaign_id: int | None
    asset_id: int | None
    workflow_id: int | None
    actor_type: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        properties = self.properties.to_dict()

        campaign_id: int | None
        campaign_id = self.campaign_id

        asset_id: int | None
        asset_id = self.asset_id

        workflow_id: int | None
        workflow_id = self.workflow_id

        actor_type = self.actor_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "properties": properties,
                "campaign_id": campaign_id,
                "asset_id": asset_id,
                "workflow_id": workflow_id,
                "actor_type": actor_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.touch_item_data_properties import TouchItemDataProperties  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        properties = TouchItemDataProperties.from_dict(d.pop("properties"))

        def _parse_campaign_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        def _parse_asset_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        asset_id = _parse_asset_id(d.pop("asset_id"))

        def _parse_workflow_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id"))

        actor_type = d.pop("actor_type")

        touch_item_data = cls(
            type_=type_,
            properties=properties,
            campaign_id=campaign_id,
            asset_id=asset_id,
            workflow_id=workflow_id,
            actor_type=actor_type,
        )

        return touch_item_data
