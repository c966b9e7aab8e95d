from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_read_changes import AuditEntryReadChanges


T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        actor_kind (str):
        actor_user_id (int | None):
        actor_token_id (int | None):
        actor_label (None | str):
        action (str):
        subject_type (str):
        subject_id (None | str):
        summary (str):
        changes (AuditEntryReadChanges): The change: field -> [before, after], or the audited event's facts.
        ip (None | str):
        user_agent (None | str):
    """

    id: int
    at: datetime.datetime
    actor_kind: str
    actor_user_id: int | None
    actor_token_id: int | None
    actor_label: None | str
    action: str
    subject_type: str
    subject_id: None | str
    summary: str
    changes: AuditEntryReadChanges
    ip: None | str
    user_agent: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor_kind = self.actor_kind

        actor_user_id: int | None
        actor_user_id = self.actor_user_id

        actor_token_id: int | None
        actor_token_id = self.actor_token_id

        actor_label: None | str
        actor_label = self.actor_label

        action = self.action

        subject_type = self.subject_type

        subject_id: None | str
        subject_id = self.subject_id

        summary = self.summary

        changes = self.changes.to_dict()

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor_kind": actor_kind,
                "actor_user_id": actor_user_id,
                "actor_token_id": actor_token_id,
                "actor_label": actor_label,
                "action": action,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "summary": summary,
                "changes": changes,
                "ip": ip,
                "user_agent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_read_changes import AuditEntryReadChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor_kind = d.pop("actor_kind")

        def _parse_actor_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_user_id = _parse_actor_user_id(d.pop("actor_user_id"))

        def _parse_actor_token_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_token_id = _parse_actor_token_id(d.pop("actor_token_id"))

        def _parse_actor_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_label = _parse_actor_label(d.pop("actor_label"))

        action = d.pop("action")

        subject_type = d.pop("subject_type")

        def _parse_subject_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_id = _parse_subject_id(d.pop("subject_id"))

        summary = d.pop("summary")

        changes = AuditEntryReadChanges.from_dict(d.pop("changes"))

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))

        audit_entry_read = cls(
            id=id,
            at=at,
            actor_kind=actor_kind,
            actor_user_id=actor_user_id,
            actor_token_id=actor_token_id,
            actor_label=actor_label,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            summary=summary,
            changes=changes,
            ip=ip,
            user_agent=user_agent,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
