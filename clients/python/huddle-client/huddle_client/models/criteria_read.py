from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criteria_stage import CriteriaStage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.all_of import AllOf
    from ..models.any_of import AnyOf
    from ..models.between_comparison import BetweenComparison
    from ..models.date_comparison import DateComparison
    from ..models.equality_comparison import EqualityComparison
    from ..models.many_comparison import ManyComparison
    from ..models.no_value_comparison import NoValueComparison
    from ..models.not_of import NotOf
    from ..models.order_comparison import OrderComparison
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="CriteriaRead")


@_attrs_define
class CriteriaRead:
    """
    Attributes:
        stage (CriteriaStage): The stages a lead qualifies into by criteria.
        version (int):
        condition (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | NotOf |
            NoValueComparison | OrderComparison | TextComparison | Touched):
        automatic (bool):
        description (str | Unset):  Default: ''.
        label (str | Unset): How stage moves, timelines and packets name it: "MQL criteria v2". Default: ''.
        saved_by (None | str | Unset): Who saved this version.
        saved_at (datetime.datetime | None | Unset):
    """

    stage: CriteriaStage
    version: int
    condition: (
        AllOf
        | AnyOf
        | BetweenComparison
        | DateComparison
        | EqualityComparison
        | ManyComparison
        | NotOf
        | NoValueComparison
        | OrderComparison
        | TextComparison
        | Touched
    )
    automatic: bool
    description: str | Unset = ""
    label: str | Unset = ""
    saved_by: None | str | Unset = UNSET
    saved_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415

        stage = self.stage.value

        version = self.version

        condition: dict[str, Any]
        if isinstance(self.condition, NoValueComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, EqualityComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, OrderComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, DateComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, BetweenComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, ManyComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, TextComparison):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AllOf):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, AnyOf):
            condition = self.condition.to_dict()
        elif isinstance(self.condition, NotOf):
            condition = self.condition.to_dict()
        else:
            condition = self.condition.to_dict()

        automatic = self.automatic

        description = self.description

        label = self.label

        saved_by: None | str | Unset
        if isinstance(self.saved_by, Unset):
            saved_by = UNSET
        else:
            saved_by = self.saved_by

        saved_at: None | str | Unset
        if isinstance(self.saved_at, Unset):
            saved_at = UNSET
        elif isinstance(self.saved_at, datetime.datetime):
            saved_at = self.saved_at.isoformat()
        else:
            saved_at = self.saved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "version": version,
                "condition": condition,
                "automatic": automatic,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if label is not UNSET:
            field_dict["label"] = label
        if saved_by is not UNSET:
            field_dict["saved_by"] = saved_by
        if saved_at is not UNSET:
            field_dict["saved_at"] = saved_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)
        stage = CriteriaStage(d.pop("stage"))

        version = d.pop("version")

        def _parse_condition(
            data: object,
        ) -> (
            AllOf
            | AnyOf
            | BetweenComparison
            | DateComparison
            | EqualityComparison
            | ManyComparison
            | NotOf
            | NoValueComparison
            | OrderComparison
            | TextComparison
            | Touched
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_0 = NoValueComparison.from_dict(data)

                return condition_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_1 = EqualityComparison.from_dict(data)

                return condition_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_2 = OrderComparison.from_dict(data)

                return condition_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_3 = DateComparison.from_dict(data)

                return condition_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_4 = BetweenComparison.from_dict(data)

                return condition_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_5 = ManyComparison.from_dict(data)

                return condition_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_0_type_6 = TextComparison.from_dict(data)

                return condition_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_1 = AllOf.from_dict(data)

                return condition_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_2 = AnyOf.from_dict(data)

                return condition_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_type_3 = NotOf.from_dict(data)

                return condition_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            condition_type_4 = Touched.from_dict(data)

            return condition_type_4

        condition = _parse_condition(d.pop("condition"))

        automatic = d.pop("automatic")

        description = d.pop("description", UNSET)

        label = d.pop("label", UNSET)

        def _parse_saved_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        saved_by = _parse_saved_by(d.pop("saved_by", UNSET))

        def _parse_saved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                saved_at_type_0 = datetime.datetime.fromisoformat(data)

                return saved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        saved_at = _parse_saved_at(d.pop("saved_at", UNSET))

        criteria_read = cls(
            stage=stage,
            version=version,
            condition=condition,
            automatic=automatic,
            description=description,
            label=label,
            saved_by=saved_by,
            saved_at=saved_at,
        )

        criteria_read.additional_properties = d
        return criteria_read

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
