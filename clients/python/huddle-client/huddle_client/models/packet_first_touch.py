from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PacketFirstTouch")


@_attrs_define
class PacketFirstTouch:
    """
    Attributes:
        source (None | str):
        medium (None | str):
        campaign (None | str):
        landing_page (None | str):
        at (datetime.datetime | None):
    """

    source: None | str
    medium: None | str
    campaign: None | str
    landing_page: None | str
    at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        source: None | str
        source = self.source

        medium: None | str
        medium = self.medium

        campaign: None | str
        campaign = self.campaign

        landing_page: None | str
        landing_page = self.landing_page

        at: None | str
        if isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
                "medium": medium,
                "campaign": campaign,
                "landing_page": landing_page,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        def _parse_medium(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        medium = _parse_medium(d.pop("medium"))

        def _parse_campaign(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        campaign = _parse_campaign(d.pop("campaign"))

        def _parse_landing_page(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        landing_page = _parse_landing_page(d.pop("landing_page"))

        def _parse_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        at = _parse_at(d.pop("at"))

        packet_first_touch = cls(
            source=source,
            medium=medium,
            campaign=campaign,
            landing_page=landing_page,
            at=at,
        )

        return packet_first_touch
