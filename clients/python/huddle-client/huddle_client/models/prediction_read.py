from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.factor_read import FactorRead


T = TypeVar("T", bound="PredictionRead")


@_attrs_define
class PredictionRead:
    """
    Attributes:
        contact_id (int):
        version_id (int):
        probability (float):
        method (None | str): linear (logistic model) or replacement (boosted); null: no factors
        intercept (float | None): Linear model only
        logit (float | None): Intercept + every contribution (linear model)
        factors (list[FactorRead]): Largest effect first
        in_words (None | str): The main factors up and down, in a sentence
    """

    contact_id: int
    version_id: int
    probability: float
    method: None | str
    intercept: float | None
    logit: float | None
    factors: list[FactorRead]
    in_words: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact_id = self.contact_id

        version_id = self.version_id

        probability = self.probability

        method: None | str
        method = self.method

        intercept: float | None
        intercept = self.intercept

        logit: float | None
        logit = self.logit

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)

        in_words: None | str
        in_words = self.in_words

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact_id": contact_id,
                "version_id": version_id,
                "probability": probability,
                "method": method,
                "intercept": intercept,
                "logit": logit,
                "factors": factors,
                "in_words": in_words,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor_read import FactorRead  # noqa: PLC0415

        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        version_id = d.pop("version_id")

        probability = d.pop("probability")

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))

        def _parse_intercept(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        intercept = _parse_intercept(d.pop("intercept"))

        def _parse_logit(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        logit = _parse_logit(d.pop("logit"))

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in _factors:
            factors_item = FactorRead.from_dict(factors_item_data)

            factors.append(factors_item)

        def _parse_in_words(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        in_words = _parse_in_words(d.pop("in_words"))

        prediction_read = cls(
            contact_id=contact_id,
            version_id=version_id,
            probability=probability,
            method=method,
            intercept=intercept,
            logit=logit,
            factors=factors,
            in_words=in_words,
        )

        prediction_read.additional_properties = d
        return prediction_read

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
