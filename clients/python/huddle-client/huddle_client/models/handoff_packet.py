from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.packet_consumed import PacketConsumed
    from ..models.packet_first_touch import PacketFirstTouch
    from ..models.packet_prediction import PacketPrediction
    from ..models.packet_qualification import PacketQualification
    from ..models.packet_score import PacketScore


T = TypeVar("T", bound="HandoffPacket")


@_attrs_define
class HandoffPacket:
    """The lead's story for the rep, as it was when the lead was routed.

    Attributes:
        first_touch (PacketFirstTouch):
        campaigns (list[str]):
        consumed (list[PacketConsumed]):
        scores (list[PacketScore]):
        grade (None | str):
        persona (None | str):
        persona_match (float | None):
        grade_why (list[str]):
        buying_stage (str): The contact's buying stage (Evaluating vendors...) as inferred from indicator touches; for a
            contact with none yet, a guess from its touches: Awareness, Consideration or Decision.
        talking_points (list[str]):
        qualified_by (None | PacketQualification | Unset):
        prediction (None | PacketPrediction | Unset):
    """

    first_touch: PacketFirstTouch
    campaigns: list[str]
    consumed: list[PacketConsumed]
    scores: list[PacketScore]
    grade: None | str
    persona: None | str
    persona_match: float | None
    grade_why: list[str]
    buying_stage: str
    talking_points: list[str]
    qualified_by: None | PacketQualification | Unset = UNSET
    prediction: None | PacketPrediction | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.packet_prediction import PacketPrediction  # noqa: PLC0415
        from ..models.packet_qualification import PacketQualification  # noqa: PLC0415

        first_touch = self.first_touch.to_dict()

        campaigns = self.campaigns

        consumed = []
        for consumed_item_data in self.consumed:
            consumed_item = consumed_item_data.to_dict()
            consumed.append(consumed_item)

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        grade: None | str
        grade = self.grade

        persona: None | str
        persona = self.persona

        persona_match: float | None
        persona_match = self.persona_match

        grade_why = self.grade_why

        buying_stage = self.buying_stage

        talking_points = self.talking_points

        qualified_by: dict[str, Any] | None | Unset
        if isinstance(self.qualified_by, Unset):
            qualified_by = UNSET
        elif isinstance(self.qualified_by, PacketQualification):
            qualified_by = self.qualified_by.to_dict()
        else:
            qualified_by = self.qualified_by

        prediction: dict[str, Any] | None | Unset
        if isinstance(self.prediction, Unset):
            prediction = UNSET
        elif isinstance(self.prediction, PacketPrediction):
            prediction = self.prediction.to_dict()
        else:
            prediction = self.prediction

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_touch": first_touch,
                "campaigns": campaigns,
                "consumed": consumed,
                "scores": scores,
                "grade": grade,
                "persona": persona,
                "persona_match": persona_match,
                "grade_why": grade_why,
                "buying_stage": buying_stage,
                "talking_points": talking_points,
            }
        )
        if qualified_by is not UNSET:
            field_dict["qualified_by"] = qualified_by
        if prediction is not UNSET:
            field_dict["prediction"] = prediction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.packet_consumed import PacketConsumed  # noqa: PLC0415
        from ..models.packet_first_touch import PacketFirstTouch  # noqa: PLC0415
        from ..models.packet_prediction import PacketPrediction  # noqa: PLC0415
        from ..models.packet_qualification import PacketQualification  # noqa: PLC0415
        from ..models.packet_score import PacketScore  # noqa: PLC0415

        d = dict(src_dict)
        first_touch = PacketFirstTouch.from_dict(d.pop("first_touch"))

        campaigns = cast(list[str], d.pop("campaigns"))

        consumed = []
        _consumed = d.pop("consumed")
        for consumed_item_data in _consumed:
            consumed_item = PacketConsumed.from_dict(consumed_item_data)

            consumed.append(consumed_item)

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = PacketScore.from_dict(scores_item_data)

            scores.append(scores_item)

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_persona(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        persona = _parse_persona(d.pop("persona"))

        def _parse_persona_match(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        persona_match = _parse_persona_match(d.pop("persona_match"))

        grade_why = cast(list[str], d.pop("grade_why"))

        buying_stage = d.pop("buying_stage")

        talking_points = cast(list[str], d.pop("talking_points"))

        def _parse_qualified_by(data: object) -> None | PacketQualification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                qualified_by_type_0 = PacketQualification.from_dict(data)

                return qualified_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PacketQualification | Unset, data)

        qualified_by = _parse_qualified_by(d.pop("qualified_by", UNSET))

        def _parse_prediction(data: object) -> None | PacketPrediction | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prediction_type_0 = PacketPrediction.from_dict(data)

                return prediction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PacketPrediction | Unset, data)

        prediction = _parse_prediction(d.pop("prediction", UNSET))

        handoff_packet = cls(
            first_touch=first_touch,
            campaigns=campaigns,
            consumed=consumed,
            scores=scores,
            grade=grade,
            persona=persona,
            persona_match=persona_match,
            grade_why=grade_why,
            buying_stage=buying_stage,
            talking_points=talking_points,
            qualified_by=qualified_by,
            prediction=prediction,
        )

        return handoff_packet
