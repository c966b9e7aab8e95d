from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notified_user import NotifiedUser
    from ..models.play_task_data import PlayTaskData


T = TypeVar("T", bound="PlayNotificationPayload")


@_attrs_define
class PlayNotificationPayload:
    """``notification.created`` of a play's task: ``data`` names the task and the lead.

    Attributes:
        notification_id (int):
        user (NotifiedUser):
        subject (str):
        body (str):
        at (datetime.datetime):
        kind (Literal['play.task']):
        data (PlayTaskData): ``play.task``: the task (a play's step), its play, the contact and when it is due.
        event (Literal['notification.created'] | Unset):  Default: 'notification.created'.
        version (int | Unset):  Default: 1.
        test (bool | Unset):  Default: False.
        link (None | str | Unset):
    """

    notification_id: int
    user: NotifiedUser
    subject: str
    body: str
    at: datetime.datetime
    kind: Literal["play.task"]
    data: PlayTaskData
    event: Literal["notification.created"] | Unset = "notification.created"
    version: int | Unset = 1
    test: bool | Unset = False
    link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notification_id = self.notification_id

        user = self.user.to_dict()

        subject = self.subject

        body = self.body

        at = self.at.isoformat()

        kind = self.kind

        data = self.data.to_dict()

        event = self.event

        version = self.version

        test = self.test

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notification_id": notification_id,
                "user": user,
                "subject": subject,
                "body": body,
                "at": at,
                "kind": kind,
                "data": data,
            }
        )
        if event is not UNSET:
            field_dict["event"] = event
        if version is not UNSET:
            field_dict["version"] = version
        if test is not UNSET:
            field_dict["test"] = test
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notified_user import NotifiedUser  # noqa: PLC0415
        from ..models.play_task_data import PlayTaskData  # noqa: PLC0415

        d = dict(src_dict)
        notification_id = d.pop("notification_id")

        user = NotifiedUser.from_dict(d.pop("user"))

        subject = d.pop("subject")

        body = d.pop("body")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = cast(Literal["play.task"], d.pop("kind"))
        if kind != "play.task":
            raise ValueError(f"kind must match const 'play.task', got '{kind}'")

        data = PlayTaskData.from_dict(d.pop("data"))

        event = cast(Literal["notification.created"] | Unset, d.pop("event", UNSET))
        if event != "notification.created" and not isinstance(event, Unset):
            raise ValueError(f"event must match const 'notification.created', got '{event}'")

        version = d.pop("version", UNSET)

        test = d.pop("test", UNSET)

        def _parse_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        play_notification_payload = cls(
            notification_id=notification_id,
            user=user,
            subject=subject,
            body=body,
            at=at,
            kind=kind,
            data=data,
            event=event,
            version=version,
            test=test,
            link=link,
        )

        play_notification_payload.additional_properties = d
        return play_notification_payload

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
