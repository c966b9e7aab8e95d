from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_rollup import AccountRollup
    from ..models.all_of import AllOf
    from ..models.any_of import AnyOf
    from ..models.behaviour_rule import BehaviourRule
    from ..models.between_comparison import BetweenComparison
    from ..models.date_comparison import DateComparison
    from ..models.equality_comparison import EqualityComparison
    from ..models.fit_rule import FitRule
    from ..models.many_comparison import ManyComparison
    from ..models.negative_rule import NegativeRule
    from ..models.no_rollup import NoRollup
    from ..models.no_value_comparison import NoValueComparison
    from ..models.not_of import NotOf
    from ..models.order_comparison import OrderComparison
    from ..models.text_comparison import TextComparison
    from ..models.touched import Touched


T = TypeVar("T", bound="ScoreModelWrite")


@_attrs_define
class ScoreModelWrite:
    """
    Attributes:
        name (str):
        description (None | str | Unset):
        is_primary (bool | Unset):  Default: False.
        half_life_days (int | None | Unset):
        rules (list[BehaviourRule | FitRule | NegativeRule] | Unset):
        account_rollup (AccountRollup | NoRollup | Unset):
        segment (AllOf | AnyOf | BetweenComparison | DateComparison | EqualityComparison | ManyComparison | None | NotOf
            | NoValueComparison | OrderComparison | TextComparison | Touched | Unset): Only contacts matching this condition
            get a score from the model (null: all).
    """

    name: str
    description: None | str | Unset = UNSET
    is_primary: bool | Unset = False
    half_life_days: int | None | Unset = UNSET
    rules: list[BehaviourRule | FitRule | NegativeRule] | Unset = UNSET
    account_rollup: AccountRollup | NoRollup | Unset = UNSET
    segment: (
        AllOf
        | AnyOf
        | BetweenComparison
        | DateComparison
        | EqualityComparison
        | ManyComparison
        | None
        | NotOf
        | NoValueComparison
        | OrderComparison
        | TextComparison
        | Touched
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_rollup import AccountRollup  # noqa: PLC0415
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.behaviour_rule import BehaviourRule  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.fit_rule import FitRule  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        is_primary = self.is_primary

        half_life_days: int | None | Unset
        if isinstance(self.half_life_days, Unset):
            half_life_days = UNSET
        else:
            half_life_days = self.half_life_days

        rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = []
            for rules_item_data in self.rules:
                rules_item: dict[str, Any]
                if isinstance(rules_item_data, FitRule):
                    rules_item = rules_item_data.to_dict()
                elif isinstance(rules_item_data, BehaviourRule):
                    rules_item = rules_item_data.to_dict()
                else:
                    rules_item = rules_item_data.to_dict()

                rules.append(rules_item)

        account_rollup: dict[str, Any] | Unset
        if isinstance(self.account_rollup, Unset):
            account_rollup = UNSET
        elif isinstance(self.account_rollup, AccountRollup):
            account_rollup = self.account_rollup.to_dict()
        else:
            account_rollup = self.account_rollup.to_dict()

        segment: dict[str, Any] | None | Unset
        if isinstance(self.segment, Unset):
            segment = UNSET
        elif isinstance(self.segment, NoValueComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, EqualityComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, OrderComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, DateComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, BetweenComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, ManyComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, TextComparison):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, AllOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, AnyOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, NotOf):
            segment = self.segment.to_dict()
        elif isinstance(self.segment, Touched):
            segment = self.segment.to_dict()
        else:
            segment = self.segment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if is_primary is not UNSET:
            field_dict["is_primary"] = is_primary
        if half_life_days is not UNSET:
            field_dict["half_life_days"] = half_life_days
        if rules is not UNSET:
            field_dict["rules"] = rules
        if account_rollup is not UNSET:
            field_dict["account_rollup"] = account_rollup
        if segment is not UNSET:
            field_dict["segment"] = segment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_rollup import AccountRollup  # noqa: PLC0415
        from ..models.all_of import AllOf  # noqa: PLC0415
        from ..models.any_of import AnyOf  # noqa: PLC0415
        from ..models.behaviour_rule import BehaviourRule  # noqa: PLC0415
        from ..models.between_comparison import BetweenComparison  # noqa: PLC0415
        from ..models.date_comparison import DateComparison  # noqa: PLC0415
        from ..models.equality_comparison import EqualityComparison  # noqa: PLC0415
        from ..models.fit_rule import FitRule  # noqa: PLC0415
        from ..models.many_comparison import ManyComparison  # noqa: PLC0415
        from ..models.negative_rule import NegativeRule  # noqa: PLC0415
        from ..models.no_rollup import NoRollup  # noqa: PLC0415
        from ..models.no_value_comparison import NoValueComparison  # noqa: PLC0415
        from ..models.not_of import NotOf  # noqa: PLC0415
        from ..models.order_comparison import OrderComparison  # noqa: PLC0415
        from ..models.text_comparison import TextComparison  # noqa: PLC0415
        from ..models.touched import Touched  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        is_primary = d.pop("is_primary", UNSET)

        def _parse_half_life_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        half_life_days = _parse_half_life_days(d.pop("half_life_days", UNSET))

        _rules = d.pop("rules", UNSET)
        rules: list[BehaviourRule | FitRule | NegativeRule] | Unset = UNSET
        if _rules is not UNSET:
            rules = []
            for rules_item_data in _rules:

                def _parse_rules_item(data: object) -> BehaviourRule | FitRule | NegativeRule:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        rules_item_type_0 = FitRule.from_dict(data)

                        return rules_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        rules_item_type_1 = BehaviourRule.from_dict(data)

                        return rules_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    rules_item_type_2 = NegativeRule.from_dict(data)

                    return rules_item_type_2

                rules_item = _parse_rules_item(rules_item_data)

                rules.append(rules_item)

        def _parse_account_rollup(data: object) -> AccountRollup | NoRollup | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                account_rollup_type_0 = AccountRollup.from_dict(data)

                return account_rollup_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            account_rollup_type_1 = NoRollup.from_dict(data)

            return account_rollup_type_1

        account_rollup = _parse_account_rollup(d.pop("account_rollup", UNSET))

        def _parse_segment(
            data: object,
        ) -> (
            AllOf
            | AnyOf
            | BetweenComparison
            | DateComparison
            | EqualityComparison
            | ManyComparison
            | None
            | NotOf
            | NoValueComparison
            | OrderComparison
            | TextComparison
            | Touched
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_0 = NoValueComparison.from_dict(data)

                return segment_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_1 = EqualityComparison.from_dict(data)

                return segment_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_2 = OrderComparison.from_dict(data)

                return segment_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_3 = DateComparison.from_dict(data)

                return segment_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_4 = BetweenComparison.from_dict(data)

                return segment_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_5 = ManyComparison.from_dict(data)

                return segment_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_0_type_6 = TextComparison.from_dict(data)

                return segment_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_1 = AllOf.from_dict(data)

                return segment_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_2 = AnyOf.from_dict(data)

                return segment_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_3 = NotOf.from_dict(data)

                return segment_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                segment_type_4 = Touched.from_dict(data)

                return segment_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AllOf
                | AnyOf
                | BetweenComparison
                | DateComparison
                | EqualityComparison
                | ManyComparison
                | None
                | NotOf
                | NoValueComparison
                | OrderComparison
                | TextComparison
                | Touched
                | Unset,
                data,
            )

        segment = _parse_segment(d.pop("segment", UNSET))

        score_model_write = cls(
            name=name,
            description=description,
            is_primary=is_primary,
            half_life_days=half_life_days,
            rules=rules,
            account_rollup=account_rollup,
            segment=segment,
        )

        score_model_write.additional_properties = d
        return score_model_write

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
