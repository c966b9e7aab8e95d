from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTask")


@_attrs_define
class CreateTask:
    """Huddle has no task list yet: the task is a notification to the contact's owner (or,
    without one, to each active member of ``team``).

        Attributes:
            id (str):
            title (str):
            next_ (None | str | Unset):
            kind (Literal['create_task'] | Unset):  Default: 'create_task'.
            team (None | str | Unset):
    """

    id: str
    title: str
    next_: None | str | Unset = UNSET
    kind: Literal["create_task"] | Unset = "create_task"
    team: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        team: None | str | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        else:
            team = self.team

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if team is not UNSET:
            field_dict["team"] = team

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["create_task"] | Unset, d.pop("kind", UNSET))
        if kind != "create_task" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'create_task', got '{kind}'")

        def _parse_team(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team = _parse_team(d.pop("team", UNSET))

        create_task = cls(
            id=id,
            title=title,
            next_=next_,
            kind=kind,
            team=team,
        )

        return create_task
