from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdjustScore")


@_attrs_define
class AdjustScore:
    """Add (or, negative, subtract) ``points`` to the contact's score in ``model_id``'s
    model (None: the primary one), shown in the score's explanation with ``reason`` (or
    the workflow's name) and kept by every rescore.

        Attributes:
            id (str):
            points (int):
            next_ (None | str | Unset):
            kind (Literal['adjust_score'] | Unset):  Default: 'adjust_score'.
            model_id (int | None | Unset):
            reason (None | str | Unset):
    """

    id: str
    points: int
    next_: None | str | Unset = UNSET
    kind: Literal["adjust_score"] | Unset = "adjust_score"
    model_id: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        points = self.points

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        model_id: int | None | Unset
        if isinstance(self.model_id, Unset):
            model_id = UNSET
        else:
            model_id = self.model_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "points": points,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        points = d.pop("points")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["adjust_score"] | Unset, d.pop("kind", UNSET))
        if kind != "adjust_score" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'adjust_score', got '{kind}'")

        def _parse_model_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        model_id = _parse_model_id(d.pop("model_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        adjust_score = cls(
            id=id,
            points=points,
            next_=next_,
            kind=kind,
            model_id=model_id,
            reason=reason,
        )

        return adjust_score
