from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkingWeek")


@_attrs_define
class WorkingWeek:
    """A rep's working hours, one span a weekday (what ``check_working_hours`` accepts).

    Attributes:
        mon (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        tue (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        wed (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        thu (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        fri (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        sat (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
        sun (list[str] | None | Unset): ["09:00", "17:30"] (24-hour, local to the time zone); left out: off.
    """

    mon: list[str] | None | Unset = UNSET
    tue: list[str] | None | Unset = UNSET
    wed: list[str] | None | Unset = UNSET
    thu: list[str] | None | Unset = UNSET
    fri: list[str] | None | Unset = UNSET
    sat: list[str] | None | Unset = UNSET
    sun: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mon: list[str] | None | Unset
        if isinstance(self.mon, Unset):
            mon = UNSET
        elif isinstance(self.mon, list):
            mon = []
            for mon_type_0_item_data in self.mon:
                mon_type_0_item: str
                mon_type_0_item = mon_type_0_item_data
                mon.append(mon_type_0_item)

        else:
            mon = self.mon

        tue: list[str] | None | Unset
        if isinstance(self.tue, Unset):
            tue = UNSET
        elif isinstance(self.tue, list):
            tue = []
            for tue_type_0_item_data in self.tue:
                tue_type_0_item: str
                tue_type_0_item = tue_type_0_item_data
                tue.append(tue_type_0_item)

        else:
            tue = self.tue

        wed: list[str] | None | Unset
        if isinstance(self.wed, Unset):
            wed = UNSET
        elif isinstance(self.wed, list):
            wed = []
            for wed_type_0_item_data in self.wed:
                wed_type_0_item: str
                wed_type_0_item = wed_type_0_item_data
                wed.append(wed_type_0_item)

        else:
            wed = self.wed

        thu: list[str] | None | Unset
        if isinstance(self.thu, Unset):
            thu = UNSET
        elif isinstance(self.thu, list):
            thu = []
            for thu_type_0_item_data in self.thu:
                thu_type_0_item: str
                thu_type_0_item = thu_type_0_item_data
                thu.append(thu_type_0_item)

        else:
            thu = self.thu

        fri: list[str] | None | Unset
        if isinstance(self.fri, Unset):
            fri = UNSET
        elif isinstance(self.fri, list):
            fri = []
            for fri_type_0_item_data in self.fri:
                fri_type_0_item: str
                fri_type_0_item = fri_type_0_item_data
                fri.append(fri_type_0_item)

        else:
            fri = self.fri

        sat: list[str] | None | Unset
        if isinstance(self.sat, Unset):
            sat = UNSET
        elif isinstance(self.sat, list):
            sat = []
            for sat_type_0_item_data in self.sat:
                sat_type_0_item: str
                sat_type_0_item = sat_type_0_item_data
                sat.append(sat_type_0_item)

        else:
            sat = self.sat

        sun: list[str] | None | Unset
        if isinstance(self.sun, Unset):
            sun = UNSET
        elif isinstance(self.sun, list):
            sun = []
            for sun_type_0_item_data in self.sun:
                sun_type_0_item: str
                sun_type_0_item = sun_type_0_item_data
                sun.append(sun_type_0_item)

        else:
            sun = self.sun

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mon is not UNSET:
            field_dict["mon"] = mon
        if tue is not UNSET:
            field_dict["tue"] = tue
        if wed is not UNSET:
            field_dict["wed"] = wed
        if thu is not UNSET:
            field_dict["thu"] = thu
        if fri is not UNSET:
            field_dict["fri"] = fri
        if sat is not UNSET:
            field_dict["sat"] = sat
        if sun is not UNSET:
            field_dict["sun"] = sun

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mon(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                mon_type_0 = []
                _mon_type_0 = data
                for mon_type_0_item_data in _mon_type_0:

                    def _parse_mon_type_0_item(data: object) -> str:
                        return cast(str, data)

                    mon_type_0_item = _parse_mon_type_0_item(mon_type_0_item_data)

                    mon_type_0.append(mon_type_0_item)

                return mon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        mon = _parse_mon(d.pop("mon", UNSET))

        def _parse_tue(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tue_type_0 = []
                _tue_type_0 = data
                for tue_type_0_item_data in _tue_type_0:

                    def _parse_tue_type_0_item(data: object) -> str:
                        return cast(str, data)

                    tue_type_0_item = _parse_tue_type_0_item(tue_type_0_item_data)

                    tue_type_0.append(tue_type_0_item)

                return tue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tue = _parse_tue(d.pop("tue", UNSET))

        def _parse_wed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                wed_type_0 = []
                _wed_type_0 = data
                for wed_type_0_item_data in _wed_type_0:

                    def _parse_wed_type_0_item(data: object) -> str:
                        return cast(str, data)

                    wed_type_0_item = _parse_wed_type_0_item(wed_type_0_item_data)

                    wed_type_0.append(wed_type_0_item)

                return wed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        wed = _parse_wed(d.pop("wed", UNSET))

        def _parse_thu(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                thu_type_0 = []
                _thu_type_0 = data
                for thu_type_0_item_data in _thu_type_0:

                    def _parse_thu_type_0_item(data: object) -> str:
                        return cast(str, data)

                    thu_type_0_item = _parse_thu_type_0_item(thu_type_0_item_data)

                    thu_type_0.append(thu_type_0_item)

                return thu_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        thu = _parse_thu(d.pop("thu", UNSET))

        def _parse_fri(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fri_type_0 = []
                _fri_type_0 = data
                for fri_type_0_item_data in _fri_type_0:

                    def _parse_fri_type_0_item(data: object) -> str:
                        return cast(str, data)

                    fri_type_0_item = _parse_fri_type_0_item(fri_type_0_item_data)

                    fri_type_0.append(fri_type_0_item)

                return fri_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        fri = _parse_fri(d.pop("fri", UNSET))

        def _parse_sat(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sat_type_0 = []
                _sat_type_0 = data
                for sat_type_0_item_data in _sat_type_0:

                    def _parse_sat_type_0_item(data: object) -> str:
                        return cast(str, data)

                    sat_type_0_item = _parse_sat_type_0_item(sat_type_0_item_data)

                    sat_type_0.append(sat_type_0_item)

                return sat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sat = _parse_sat(d.pop("sat", UNSET))

        def _parse_sun(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sun_type_0 = []
                _sun_type_0 = data
                for sun_type_0_item_data in _sun_type_0:

                    def _parse_sun_type_0_item(data: object) -> str:
                        return cast(str, data)

                    sun_type_0_item = _parse_sun_type_0_item(sun_type_0_item_data)

                    sun_type_0.append(sun_type_0_item)

                return sun_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sun = _parse_sun(d.pop("sun", UNSET))

        working_week = cls(
            mon=mon,
            tue=tue,
            wed=wed,
            thu=thu,
            fri=fri,
            sat=sat,
            sun=sun,
        )

        return working_week
