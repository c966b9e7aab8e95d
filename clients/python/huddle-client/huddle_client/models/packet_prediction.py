from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PacketPrediction")


@_attrs_define
class PacketPrediction:
    """The active predictive model's probability at the hand-off and why, in words.

    Attributes:
        probability (float): 0..1, calibrated
        target (str): The stage predicted (sql or customer)
        horizon_days (int | None):
        version (int): The model version
        algorithm (str):
        in_words (None | str): "More likely to convert mainly because: ... (+); less because: ... (-)."
        up (list[str]): The factors pushing it up, in words, largest first
        down (list[str]): The factors pulling it down, in words
    """

    probability: float
    target: str
    horizon_days: int | None
    version: int
    algorithm: str
    in_words: None | str
    up: list[str]
    down: list[str]

    def to_dict(self) -> dict[str, Any]:
        probability = self.probability

        target = self.target

        horizon_days: int | None
        horizon_days = self.horizon_days

        version = self.version

        algorithm = self.algorithm

        in_words: None | str
        in_words = self.in_words

        up = self.up

        down = self.down

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "probability": probability,
                "target": target,
                "horizon_days": horizon_days,
                "version": version,
                "algorithm": algorithm,
                "in_words": in_words,
                "up": up,
                "down": down,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        probability = d.pop("probability")

        target = d.pop("target")

        def _parse_horizon_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        horizon_days = _parse_horizon_days(d.pop("horizon_days"))

        version = d.pop("version")

        algorithm = d.pop("algorithm")

        def _parse_in_words(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        in_words = _parse_in_words(d.pop("in_words"))

        up = cast(list[str], d.pop("up"))

        down = cast(list[str], d.pop("down"))

        packet_prediction = cls(
            probability=probability,
            target=target,
            horizon_days=horizon_days,
            version=version,
            algorithm=algorithm,
            in_words=in_words,
            up=up,
            down=down,
        )

        return packet_prediction
