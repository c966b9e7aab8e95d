from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stage_count import StageCount


T = TypeVar("T", bound="FunnelRow")


@_attrs_define
class FunnelRow:
    """
    Attributes:
        cohort (None | str): The cohort's month, ``YYYY-MM`` (cohort view); null in the period view and in the total
        group (None | str): The breakdown's value; null for no value or no breakdown
        group_label (None | str): The value as shown (an owner's name, ...)
        steps (list[StageCount]): The funnel's stages in order
        mql_to_sal_percent (float | None): SALs of MQLs (acceptance)
        sql_to_customer_percent (float | None): Customers of SQLs (win rate)
        lead_to_customer_percent (float | None): Customers of leads
    """

    cohort: None | str
    group: None | str
    group_label: None | str
    steps: list[StageCount]
    mql_to_sal_percent: float | None
    sql_to_customer_percent: float | None
    lead_to_customer_percent: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cohort: None | str
        cohort = self.cohort

        group: None | str
        group = self.group

        group_label: None | str
        group_label = self.group_label

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        mql_to_sal_percent: float | None
        mql_to_sal_percent = self.mql_to_sal_percent

        sql_to_customer_percent: float | None
        sql_to_customer_percent = self.sql_to_customer_percent

        lead_to_customer_percent: float | None
        lead_to_customer_percent = self.lead_to_customer_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cohort": cohort,
                "group": group,
                "group_label": group_label,
                "steps": steps,
                "mql_to_sal_percent": mql_to_sal_percent,
                "sql_to_customer_percent": sql_to_customer_percent,
                "lead_to_customer_percent": lead_to_customer_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_count import StageCount  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_cohort(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cohort = _parse_cohort(d.pop("cohort"))

        def _parse_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group = _parse_group(d.pop("group"))

        def _parse_group_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_label = _parse_group_label(d.pop("group_label"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StageCount.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_mql_to_sal_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mql_to_sal_percent = _parse_mql_to_sal_percent(d.pop("mql_to_sal_percent"))

        def _parse_sql_to_customer_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sql_to_customer_percent = _parse_sql_to_customer_percent(d.pop("sql_to_customer_percent"))

        def _parse_lead_to_customer_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lead_to_customer_percent = _parse_lead_to_customer_percent(d.pop("lead_to_customer_percent"))

        funnel_row = cls(
            cohort=cohort,
            group=group,
            group_label=group_label,
            steps=steps,
            mql_to_sal_percent=mql_to_sal_percent,
            sql_to_customer_percent=sql_to_customer_percent,
            lead_to_customer_percent=lead_to_customer_percent,
        )

        funnel_row.additional_properties = d
        return funnel_row

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
