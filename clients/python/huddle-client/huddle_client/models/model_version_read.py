from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.column_read import ColumnRead
    from ..models.metrics_read import MetricsRead
    from ..models.setting_read import SettingRead


T = TypeVar("T", bound="ModelVersionRead")


@_attrs_define
class ModelVersionRead:
    """
    Attributes:
        id (int):
        algorithm (str): logistic or boosted
        target (str): The stage predicted (sql, customer), or the outcome column and value of a file or of a custom
            field ("custom.converted = 1")
        horizon_days (int | None):
        source (str): "records" or "csv:<file name>"
        window_from (datetime.datetime | None): The earliest cut-off trained on
        window_until (datetime.datetime | None): The latest cut-off trained on
        rows (int): Training rows (the held-out ones not included)
        seed (int):
        settings (list[SettingRead]): Chosen by cross-validation
        metrics (MetricsRead): Figures on the held-out rows (the model never saw them).
        features (list[str]):
        set_aside (list[ColumnRead]): Columns left out before learning
        leaks (list[ColumnRead]): Columns flagged as leaking and excluded
        is_active (bool):
        score_model_id (int | None): The score model holding the active version's probabilities (percent)
        created_at (datetime.datetime):
        suspicious (list[ColumnRead] | Unset): Columns with one sign of leaking only: kept (exclude them when they are
            written after the outcome)
    """

    id: int
    algorithm: str
    target: str
    horizon_days: int | None
    source: str
    window_from: datetime.datetime | None
    window_until: datetime.datetime | None
    rows: int
    seed: int
    settings: list[SettingRead]
    metrics: MetricsRead
    features: list[str]
    set_aside: list[ColumnRead]
    leaks: list[ColumnRead]
    is_active: bool
    score_model_id: int | None
    created_at: datetime.datetime
    suspicious: list[ColumnRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        algorithm = self.algorithm

        target = self.target

        horizon_days: int | None
        horizon_days = self.horizon_days

        source = self.source

        window_from: None | str
        if isinstance(self.window_from, datetime.datetime):
            window_from = self.window_from.isoformat()
        else:
            window_from = self.window_from

        window_until: None | str
        if isinstance(self.window_until, datetime.datetime):
            window_until = self.window_until.isoformat()
        else:
            window_until = self.window_until

        rows = self.rows

        seed = self.seed

        settings = []
        for settings_item_data in self.settings:
            settings_item = settings_item_data.to_dict()
            settings.append(settings_item)

        metrics = self.metrics.to_dict()

        features = self.features

        set_aside = []
        for set_aside_item_data in self.set_aside:
            set_aside_item = set_aside_item_data.to_dict()
            set_aside.append(set_aside_item)

        leaks = []
        for leaks_item_data in self.leaks:
            leaks_item = leaks_item_data.to_dict()
            leaks.append(leaks_item)

        is_active = self.is_active

        score_model_id: int | None
        score_model_id = self.score_model_id

        created_at = self.created_at.isoformat()

        suspicious: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.suspicious, Unset):
            suspicious = []
            for suspicious_item_data in self.suspicious:
                suspicious_item = suspicious_item_data.to_dict()
                suspicious.append(suspicious_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "algorithm": algorithm,
                "target": target,
                "horizon_days": horizon_days,
                "source": source,
                "window_from": window_from,
                "window_until": window_until,
                "rows": rows,
                "seed": seed,
                "settings": settings,
                "metrics": metrics,
                "features": features,
                "set_aside": set_aside,
                "leaks": leaks,
                "is_active": is_active,
                "score_model_id": score_model_id,
                "created_at": created_at,
            }
        )
        if suspicious is not UNSET:
            field_dict["suspicious"] = suspicious

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.column_read import ColumnRead  # noqa: PLC0415
        from ..models.metrics_read import MetricsRead  # noqa: PLC0415
        from ..models.setting_read import SettingRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        algorithm = d.pop("algorithm")

        target = d.pop("target")

        def _parse_horizon_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        horizon_days = _parse_horizon_days(d.pop("horizon_days"))

        source = d.pop("source")

        def _parse_window_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_from_type_0 = datetime.datetime.fromisoformat(data)

                return window_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        window_from = _parse_window_from(d.pop("window_from"))

        def _parse_window_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_until_type_0 = datetime.datetime.fromisoformat(data)

                return window_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        window_until = _parse_window_until(d.pop("window_until"))

        rows = d.pop("rows")

        seed = d.pop("seed")

        settings = []
        _settings = d.pop("settings")
        for settings_item_data in _settings:
            settings_item = SettingRead.from_dict(settings_item_data)

            settings.append(settings_item)

        metrics = MetricsRead.from_dict(d.pop("metrics"))

        features = cast(list[str], d.pop("features"))

        set_aside = []
        _set_aside = d.pop("set_aside")
        for set_aside_item_data in _set_aside:
            set_aside_item = ColumnRead.from_dict(set_aside_item_data)

            set_aside.append(set_aside_item)

        leaks = []
        _leaks = d.pop("leaks")
        for leaks_item_data in _leaks:
            leaks_item = ColumnRead.from_dict(leaks_item_data)

            leaks.append(leaks_item)

        is_active = d.pop("is_active")

        def _parse_score_model_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score_model_id = _parse_score_model_id(d.pop("score_model_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _suspicious = d.pop("suspicious", UNSET)
        suspicious: list[ColumnRead] | Unset = UNSET
        if _suspicious is not UNSET:
            suspicious = []
            for suspicious_item_data in _suspicious:
                suspicious_item = ColumnRead.from_dict(suspicious_item_data)

                suspicious.append(suspicious_item)

        model_version_read = cls(
            id=id,
            algorithm=algorithm,
            target=target,
            horizon_days=horizon_days,
            source=source,
            window_from=window_from,
            window_until=window_until,
            rows=rows,
            seed=seed,
            settings=settings,
            metrics=metrics,
            features=features,
            set_aside=set_aside,
            leaks=leaks,
            is_active=is_active,
            score_model_id=score_model_id,
            created_at=created_at,
            suspicious=suspicious,
        )

        model_version_read.additional_properties = d
        return model_version_read

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
