from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clock_read_state import ClockReadState
from ..models.clock_read_term_kind import ClockReadTermKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clock_event_read import ClockEventRead


T = TypeVar("T", bound="ClockRead")


@_attrs_define
class ClockRead:
    """
    Attributes:
        id (int):
        version_id (int):
        term_key (str):
        term_kind (ClockReadTermKind):
        owner_id (int | None):
        handoff_id (int | None):
        state (ClockReadState):
        started_at (datetime.datetime):
        due_at (datetime.datetime | None):
        warned_at (datetime.datetime | None):
        breached_at (datetime.datetime | None):
        stopped_at (datetime.datetime | None):
        target_count (int | None):
        count (int):
        events (list[ClockEventRead] | Unset):
    """

    id: int
    version_id: int
    term_key: str
    term_kind: ClockReadTermKind
    owner_id: int | None
    handoff_id: int | None
    state: ClockReadState
    started_at: datetime.datetime
    due_at: datetime.datetime | None
    warned_at: datetime.datetime | None
    breached_at: datetime.datetime | None
    stopped_at: datetime.datetime | None
    target_count: int | None
    count: int
    events: list[ClockEventRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version_id = self.version_id

        term_key = self.term_key

        term_kind = self.term_kind.value

        owner_id: int | None
        owner_id = self.owner_id

        handoff_id: int | None
        handoff_id = self.handoff_id

        state = self.state.value

        started_at = self.started_at.isoformat()

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        warned_at: None | str
        if isinstance(self.warned_at, datetime.datetime):
            warned_at = self.warned_at.isoformat()
        else:
            warned_at = self.warned_at

        breached_at: None | str
        if isinstance(self.breached_at, datetime.datetime):
            breached_at = self.breached_at.isoformat()
        else:
            breached_at = self.breached_at

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        target_count: int | None
        target_count = self.target_count

        count = self.count

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version_id": version_id,
                "term_key": term_key,
                "term_kind": term_kind,
                "owner_id": owner_id,
                "handoff_id": handoff_id,
                "state": state,
                "started_at": started_at,
                "due_at": due_at,
                "warned_at": warned_at,
                "breached_at": breached_at,
                "stopped_at": stopped_at,
                "target_count": target_count,
                "count": count,
            }
        )
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clock_event_read import ClockEventRead  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version_id = d.pop("version_id")

        term_key = d.pop("term_key")

        term_kind = ClockReadTermKind(d.pop("term_kind"))

        def _parse_owner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        def _parse_handoff_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        handoff_id = _parse_handoff_id(d.pop("handoff_id"))

        state = ClockReadState(d.pop("state"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_warned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                warned_at_type_0 = datetime.datetime.fromisoformat(data)

                return warned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        warned_at = _parse_warned_at(d.pop("warned_at"))

        def _parse_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breached_at_type_0 = datetime.datetime.fromisoformat(data)

                return breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        breached_at = _parse_breached_at(d.pop("breached_at"))

        def _parse_stopped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)

                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at"))

        def _parse_target_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_count = _parse_target_count(d.pop("target_count"))

        count = d.pop("count")

        _events = d.pop("events", UNSET)
        events: list[ClockEventRead] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = ClockEventRead.from_dict(events_item_data)

                events.append(events_item)

        clock_read = cls(
            id=id,
            version_id=version_id,
            term_key=term_key,
            term_kind=term_kind,
            owner_id=owner_id,
            handoff_id=handoff_id,
            state=state,
            started_at=started_at,
            due_at=due_at,
            warned_at=warned_at,
            breached_at=breached_at,
            stopped_at=stopped_at,
            target_count=target_count,
            count=count,
            events=events,
        )

        clock_read.additional_properties = d
        return clock_read

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
