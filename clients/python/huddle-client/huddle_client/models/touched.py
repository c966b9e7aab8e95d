from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.event_filter import EventFilter


T = TypeVar("T", bound="Touched")


@_attrs_define
class Touched:
    """Criteria only: the contact had such a touch.

    Attributes:
        touched (EventFilter): Touches of these types, optionally with property conditions, in the last N days.
    """

    touched: EventFilter

    def to_dict(self) -> dict[str, Any]:
        touched = self.touched.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "touched": touched,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_filter import EventFilter  # noqa: PLC0415

        d = dict(src_dict)
        touched = EventFilter.from_dict(d.pop("touched"))

        touched = cls(
            touched=touched,
        )

        return touched
