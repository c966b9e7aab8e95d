from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition import Condition


T = TypeVar("T", bound="Branch")


@_attrs_define
class Branch:
    """``yes`` when the condition holds, ``no`` otherwise (``next`` is not used).

    Attributes:
        id (str):
        condition (Condition):
        next_ (None | str | Unset):
        kind (Literal['branch'] | Unset):  Default: 'branch'.
        yes (None | str | Unset):
        no (None | str | Unset):
    """

    id: str
    condition: Condition
    next_: None | str | Unset = UNSET
    kind: Literal["branch"] | Unset = "branch"
    yes: None | str | Unset = UNSET
    no: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        condition = self.condition.to_dict()

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        kind = self.kind

        yes: None | str | Unset
        if isinstance(self.yes, Unset):
            yes = UNSET
        else:
            yes = self.yes

        no: None | str | Unset
        if isinstance(self.no, Unset):
            no = UNSET
        else:
            no = self.no

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "condition": condition,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if yes is not UNSET:
            field_dict["yes"] = yes
        if no is not UNSET:
            field_dict["no"] = no

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.condition import Condition  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        condition = Condition.from_dict(d.pop("condition"))

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        kind = cast(Literal["branch"] | Unset, d.pop("kind", UNSET))
        if kind != "branch" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'branch', got '{kind}'")

        def _parse_yes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        yes = _parse_yes(d.pop("yes", UNSET))

        def _parse_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        no = _parse_no(d.pop("no", UNSET))

        branch = cls(
            id=id,
            condition=condition,
            next_=next_,
            kind=kind,
            yes=yes,
            no=no,
        )

        return branch
