from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutcomeFigures")


@_attrs_define
class OutcomeFigures:
    """How well one model's scores, taken as of each lead's cut-off (the moment it entered
    Lead), separate the leads that reached the target within the horizon from the others.

        Attributes:
            model (str): The score model judged.
            target (str):
            horizon_days (int):
            leads (int): Leads of the window whose outcome is known.
            reached (int): Of those, how many reached the target in the horizon.
            message (None | str | Unset): Why there are no figures (e.g. not enough outcomes); null when there are.
            roc_auc (float | None | Unset):
            pr_auc (float | None | Unset):
            lift (list[float] | Unset): Outcome rate of each tenth of the leads, best scored first, over the overall rate.
            roc (list[list[float]] | Unset): ROC curve points (false positive rate, recall).
            threshold (float | None | Unset): The MQL criteria's threshold on this model; null: none.
            above_threshold (int | Unset):  Default: 0.
            precision (float | None | Unset):
            recall (float | None | Unset):
    """

    model: str
    target: str
    horizon_days: int
    leads: int
    reached: int
    message: None | str | Unset = UNSET
    roc_auc: float | None | Unset = UNSET
    pr_auc: float | None | Unset = UNSET
    lift: list[float] | Unset = UNSET
    roc: list[list[float]] | Unset = UNSET
    threshold: float | None | Unset = UNSET
    above_threshold: int | Unset = 0
    precision: float | None | Unset = UNSET
    recall: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        target = self.target

        horizon_days = self.horizon_days

        leads = self.leads

        reached = self.reached

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        roc_auc: float | None | Unset
        if isinstance(self.roc_auc, Unset):
            roc_auc = UNSET
        else:
            roc_auc = self.roc_auc

        pr_auc: float | None | Unset
        if isinstance(self.pr_auc, Unset):
            pr_auc = UNSET
        else:
            pr_auc = self.pr_auc

        lift: list[float] | Unset = UNSET
        if not isinstance(self.lift, Unset):
            lift = self.lift

        roc: list[list[float]] | Unset = UNSET
        if not isinstance(self.roc, Unset):
            roc = []
            for roc_item_data in self.roc:
                roc_item = []
                for roc_item_item_data in roc_item_data:
                    roc_item_item: float
                    roc_item_item = roc_item_item_data
                    roc_item.append(roc_item_item)

                roc.append(roc_item)

        threshold: float | None | Unset
        if isinstance(self.threshold, Unset):
            threshold = UNSET
        else:
            threshold = self.threshold

        above_threshold = self.above_threshold

        precision: float | None | Unset
        if isinstance(self.precision, Unset):
            precision = UNSET
        else:
            precision = self.precision

        recall: float | None | Unset
        if isinstance(self.recall, Unset):
            recall = UNSET
        else:
            recall = self.recall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "target": target,
                "horizon_days": horizon_days,
                "leads": leads,
                "reached": reached,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if roc_auc is not UNSET:
            field_dict["roc_auc"] = roc_auc
        if pr_auc is not UNSET:
            field_dict["pr_auc"] = pr_auc
        if lift is not UNSET:
            field_dict["lift"] = lift
        if roc is not UNSET:
            field_dict["roc"] = roc
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if above_threshold is not UNSET:
            field_dict["above_threshold"] = above_threshold
        if precision is not UNSET:
            field_dict["precision"] = precision
        if recall is not UNSET:
            field_dict["recall"] = recall

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        target = d.pop("target")

        horizon_days = d.pop("horizon_days")

        leads = d.pop("leads")

        reached = d.pop("reached")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_roc_auc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        roc_auc = _parse_roc_auc(d.pop("roc_auc", UNSET))

        def _parse_pr_auc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pr_auc = _parse_pr_auc(d.pop("pr_auc", UNSET))

        lift = cast(list[float], d.pop("lift", UNSET))

        _roc = d.pop("roc", UNSET)
        roc: list[list[float]] | Unset = UNSET
        if _roc is not UNSET:
            roc = []
            for roc_item_data in _roc:
                roc_item = []
                _roc_item = roc_item_data
                for roc_item_item_data in _roc_item:

                    def _parse_roc_item_item(data: object) -> float:
                        return cast(float, data)

                    roc_item_item = _parse_roc_item_item(roc_item_item_data)

                    roc_item.append(roc_item_item)

                roc.append(roc_item)

        def _parse_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold = _parse_threshold(d.pop("threshold", UNSET))

        above_threshold = d.pop("above_threshold", UNSET)

        def _parse_precision(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        precision = _parse_precision(d.pop("precision", UNSET))

        def _parse_recall(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        recall = _parse_recall(d.pop("recall", UNSET))

        outcome_figures = cls(
            model=model,
            target=target,
            horizon_days=horizon_days,
            leads=leads,
            reached=reached,
            message=message,
            roc_auc=roc_auc,
            pr_auc=pr_auc,
            lift=lift,
            roc=roc,
            threshold=threshold,
            above_threshold=above_threshold,
            precision=precision,
            recall=recall,
        )

        outcome_figures.additional_properties = d
        return outcome_figures

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
