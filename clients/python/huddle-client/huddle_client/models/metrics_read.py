from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MetricsRead")


@_attrs_define
class MetricsRead:
    """Figures on the held-out rows (the model never saw them).

    Attributes:
        rows (int):
        positives (int): Held-out rows that reached the outcome
        roc_auc (float):
        pr_auc (float):
        brier (float): Of the calibrated probabilities
        uncalibrated_brier (float): Of the model's own probabilities
        cv_roc_auc (float): Of the settings chosen, cross-validated
        threshold (float):
        precision (float): Among rows at or above the threshold
        recall (float):
        lift (list[float]): Outcome rate per decile, best scored first / base
        calibration (list[list[float]]): [mean predicted, observed rate, rows] per probability bin
    """

    rows: int
    positives: int
    roc_auc: float
    pr_auc: float
    brier: float
    uncalibrated_brier: float
    cv_roc_auc: float
    threshold: float
    precision: float
    recall: float
    lift: list[float]
    calibration: list[list[float]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows = self.rows

        positives = self.positives

        roc_auc = self.roc_auc

        pr_auc = self.pr_auc

        brier = self.brier

        uncalibrated_brier = self.uncalibrated_brier

        cv_roc_auc = self.cv_roc_auc

        threshold = self.threshold

        precision = self.precision

        recall = self.recall

        lift = self.lift

        calibration = []
        for calibration_item_data in self.calibration:
            calibration_item = calibration_item_data

            calibration.append(calibration_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
                "positives": positives,
                "roc_auc": roc_auc,
                "pr_auc": pr_auc,
                "brier": brier,
                "uncalibrated_brier": uncalibrated_brier,
                "cv_roc_auc": cv_roc_auc,
                "threshold": threshold,
                "precision": precision,
                "recall": recall,
                "lift": lift,
                "calibration": calibration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rows = d.pop("rows")

        positives = d.pop("positives")

        roc_auc = d.pop("roc_auc")

        pr_auc = d.pop("pr_auc")

        brier = d.pop("brier")

        uncalibrated_brier = d.pop("uncalibrated_brier")

        cv_roc_auc = d.pop("cv_roc_auc")

        threshold = d.pop("threshold")

        precision = d.pop("precision")

        recall = d.pop("recall")

        lift = cast(list[float], d.pop("lift"))

        calibration = []
        _calibration = d.pop("calibration")
        for calibration_item_data in _calibration:
            calibration_item = cast(list[float], calibration_item_data)

            calibration.append(calibration_item)

        metrics_read = cls(
            rows=rows,
            positives=positives,
            roc_auc=roc_auc,
            pr_auc=pr_auc,
            brier=brier,
            uncalibrated_brier=uncalibrated_brier,
            cv_roc_auc=cv_roc_auc,
            threshold=threshold,
            precision=precision,
            recall=recall,
            lift=lift,
            calibration=calibration,
        )

        metrics_read.additional_properties = d
        return metrics_read

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
