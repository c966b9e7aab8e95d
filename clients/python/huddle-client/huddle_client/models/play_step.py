from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.play_step_owner import PlayStepOwner
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlayStep")


@_attrs_define
class PlayStep:
    """A step of a play. Marketing sends ``template_id``'s email by itself; a sales or
    success step is a task (``title``) due ``due_hours`` after it opens, in the queue of
    the contact's owner (or of the owning team when the contact has none).

        Attributes:
            owner (PlayStepOwner):
            title (str):
            template_id (int | None | Unset):
            due_hours (int | None | Unset):
    """

    owner: PlayStepOwner
    title: str
    template_id: int | None | Unset = UNSET
    due_hours: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        owner = self.owner.value

        title = self.title

        template_id: int | None | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        due_hours: int | None | Unset
        if isinstance(self.due_hours, Unset):
            due_hours = UNSET
        else:
            due_hours = self.due_hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owner": owner,
                "title": title,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if due_hours is not UNSET:
            field_dict["due_hours"] = due_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owner = PlayStepOwner(d.pop("owner"))

        title = d.pop("title")

        def _parse_template_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_due_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        due_hours = _parse_due_hours(d.pop("due_hours", UNSET))

        play_step = cls(
            owner=owner,
            title=title,
            template_id=template_id,
            due_hours=due_hours,
        )

        return play_step
