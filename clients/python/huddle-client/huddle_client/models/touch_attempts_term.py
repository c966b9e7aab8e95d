from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.term_scope import TermScope


T = TypeVar("T", bound="TouchAttemptsTerm")


@_attrs_define
class TouchAttemptsTerm:
    """At least ``count`` sales touches within ``days`` business days.

    Attributes:
        key (str): Unique in the version.
        kind (Literal['touch_attempts']):
        count (int):
        days (float):
        label (None | str | Unset): Default: the kind's.
        scope (None | TermScope | Unset):
        warn_at (float | Unset): Warn the owner at this fraction of the time. Default: 0.75.
        pause_when_out_of_office (bool | Unset):  Default: False.
        escalate (bool | Unset):  Default: True.
        reroute (bool | Unset):  Default: False.
    """

    key: str
    kind: Literal["touch_attempts"]
    count: int
    days: float
    label: None | str | Unset = UNSET
    scope: None | TermScope | Unset = UNSET
    warn_at: float | Unset = 0.75
    pause_when_out_of_office: bool | Unset = False
    escalate: bool | Unset = True
    reroute: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.term_scope import TermScope  # noqa: PLC0415

        key = self.key

        kind = self.kind

        count = self.count

        days = self.days

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        scope: dict[str, Any] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, TermScope):
            scope = self.scope.to_dict()
        else:
            scope = self.scope

        warn_at = self.warn_at

        pause_when_out_of_office = self.pause_when_out_of_office

        escalate = self.escalate

        reroute = self.reroute

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "count": count,
                "days": days,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if scope is not UNSET:
            field_dict["scope"] = scope
        if warn_at is not UNSET:
            field_dict["warn_at"] = warn_at
        if pause_when_out_of_office is not UNSET:
            field_dict["pause_when_out_of_office"] = pause_when_out_of_office
        if escalate is not UNSET:
            field_dict["escalate"] = escalate
        if reroute is not UNSET:
            field_dict["reroute"] = reroute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term_scope import TermScope  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        kind = cast(Literal["touch_attempts"], d.pop("kind"))
        if kind != "touch_attempts":
            raise ValueError(f"kind must match const 'touch_attempts', got '{kind}'")

        count = d.pop("count")

        days = d.pop("days")

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_scope(data: object) -> None | TermScope | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = TermScope.from_dict(data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TermScope | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        warn_at = d.pop("warn_at", UNSET)

        pause_when_out_of_office = d.pop("pause_when_out_of_office", UNSET)

        escalate = d.pop("escalate", UNSET)

        reroute = d.pop("reroute", UNSET)

        touch_attempts_term = cls(
            key=key,
            kind=kind,
            count=count,
            days=days,
            label=label,
            scope=scope,
            warn_at=warn_at,
            pause_when_out_of_office=pause_when_out_of_office,
            escalate=escalate,
            reroute=reroute,
        )

        return touch_attempts_term
