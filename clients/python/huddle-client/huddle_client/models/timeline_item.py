from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_item_kind import TimelineItemKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merge_item_data import MergeItemData
    from ..models.note_item_data import NoteItemData
    from ..models.stage_change_item_data import StageChangeItemData
    from ..models.touch_item_data import TouchItemData
    from ..models.workflow_step_item_data import WorkflowStepItemData


T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """One entry of a contact's or an account's story, newest first.

    Attributes:
        kind (TimelineItemKind):
        id (int):
        at (datetime.datetime):
        contact_id (int | None):
        title (str):
        cursor (str): Pass as `before` to get the items after this one.
        body (None | str | Unset):
        by_user_id (int | None | Unset):
        data (MergeItemData | NoteItemData | StageChangeItemData | TouchItemData | Unset | WorkflowStepItemData): What
            the item's kind adds.
    """

    kind: TimelineItemKind
    id: int
    at: datetime.datetime
    contact_id: int | None
    title: str
    cursor: str
    body: None | str | Unset = UNSET
    by_user_id: int | None | Unset = UNSET
    data: MergeItemData | NoteItemData | StageChangeItemData | TouchItemData | Unset | WorkflowStepItemData = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.merge_item_data import MergeItemData  # noqa: PLC0415
        from ..models.note_item_data import NoteItemData  # noqa: PLC0415
        from ..models.stage_change_item_data import StageChangeItemData  # noqa: PLC0415
        from ..models.touch_item_data import TouchItemData  # noqa: PLC0415

        kind = self.kind.value

        id = self.id

        at = self.at.isoformat()

        contact_id: int | None
        contact_id = self.contact_id

        title = self.title

        cursor = self.cursor

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        by_user_id: int | None | Unset
        if isinstance(self.by_user_id, Unset):
            by_user_id = UNSET
        else:
            by_user_id = self.by_user_id

        data: dict[str, Any] | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, TouchItemData):
            data = self.data.to_dict()
        elif isinstance(self.data, NoteItemData):
            data = self.data.to_dict()
        elif isinstance(self.data, MergeItemData):
            data = self.data.to_dict()
        elif isinstance(self.data, StageChangeItemData):
            data = self.data.to_dict()
        else:
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "at": at,
                "contact_id": contact_id,
                "title": title,
                "cursor": cursor,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if by_user_id is not UNSET:
            field_dict["by_user_id"] = by_user_id
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_item_data import MergeItemData  # noqa: PLC0415
        from ..models.note_item_data import NoteItemData  # noqa: PLC0415
        from ..models.stage_change_item_data import StageChangeItemData  # noqa: PLC0415
        from ..models.touch_item_data import TouchItemData  # noqa: PLC0415
        from ..models.workflow_step_item_data import WorkflowStepItemData  # noqa: PLC0415

        d = dict(src_dict)
        kind = TimelineItemKind(d.pop("kind"))

        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_contact_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        title = d.pop("title")

        cursor = d.pop("cursor")

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_by_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        by_user_id = _parse_by_user_id(d.pop("by_user_id", UNSET))

        def _parse_data(
            data: object,
        ) -> MergeItemData | NoteItemData | StageChangeItemData | TouchItemData | Unset | WorkflowStepItemData:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = TouchItemData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = NoteItemData.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_2 = MergeItemData.from_dict(data)

                return data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_3 = StageChangeItemData.from_dict(data)

                return data_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            data_type_4 = WorkflowStepItemData.from_dict(data)

            return data_type_4

        data = _parse_data(d.pop("data", UNSET))

        timeline_item = cls(
            kind=kind,
            id=id,
            at=at,
            contact_id=contact_id,
            title=title,
            cursor=cursor,
            body=body,
            by_user_id=by_user_id,
            data=data,
        )

        timeline_item.additional_properties = d
        return timeline_item

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
