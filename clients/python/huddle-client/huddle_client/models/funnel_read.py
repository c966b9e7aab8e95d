from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funnel_view import FunnelView

if TYPE_CHECKING:
    from ..models.funnel_row import FunnelRow


T = TypeVar("T", bound="FunnelRead")


@_attrs_define
class FunnelRead:
    """
    Attributes:
        start (datetime.date): First day of the range (in ``time_zone``)
        end (datetime.date): Last day of the range, included (in ``time_zone``)
        time_zone (str): The workspace's time zone days and months are read in: the company SLA calendar's, else UTC
        view (FunnelView):
        by (None | str): The breakdown, e.g. ``source`` or ``custom.industry``
        total (FunnelRow):
        rows (list[FunnelRow]): Per cohort month (cohort view) and per breakdown value, largest first
    """

    start: datetime.date
    end: datetime.date
    time_zone: str
    view: FunnelView
    by: None | str
    total: FunnelRow
    rows: list[FunnelRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        time_zone = self.time_zone

        view = self.view.value

        by: None | str
        by = self.by

        total = self.total.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "time_zone": time_zone,
                "view": view,
                "by": by,
                "total": total,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funnel_row import FunnelRow  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        time_zone = d.pop("time_zone")

        view = FunnelView(d.pop("view"))

        def _parse_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by = _parse_by(d.pop("by"))

        total = FunnelRow.from_dict(d.pop("total"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = FunnelRow.from_dict(rows_item_data)

            rows.append(rows_item)

        funnel_read = cls(
            start=start,
            end=end,
            time_zone=time_zone,
            view=view,
            by=by,
            total=total,
            rows=rows,
        )

        funnel_read.additional_properties = d
        return funnel_read

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
