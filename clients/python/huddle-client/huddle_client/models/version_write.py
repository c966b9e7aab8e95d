from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_term import CustomTerm
    from ..models.customer_response_term import CustomerResponseTerm
    from ..models.follow_up_term import FollowUpTerm
    from ..models.hours_term import HoursTerm
    from ..models.mql_acceptance_term import MqlAcceptanceTerm
    from ..models.mql_volume_term import MqlVolumeTerm
    from ..models.touch_attempts_term import TouchAttemptsTerm


T = TypeVar("T", bound="VersionWrite")


@_attrs_define
class VersionWrite:
    """
    Attributes:
        title (str):
        body (str | Unset):  Default: ''.
        terms (list[CustomerResponseTerm | CustomTerm | FollowUpTerm | HoursTerm | MqlAcceptanceTerm | MqlVolumeTerm |
            TouchAttemptsTerm] | Unset):
    """

    title: str
    body: str | Unset = ""
    terms: (
        list[
            CustomerResponseTerm
            | CustomTerm
            | FollowUpTerm
            | HoursTerm
            | MqlAcceptanceTerm
            | MqlVolumeTerm
            | TouchAttemptsTerm
        ]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_response_term import CustomerResponseTerm  # noqa: PLC0415
        from ..models.follow_up_term import FollowUpTerm  # noqa: PLC0415
        from ..models.hours_term import HoursTerm  # noqa: PLC0415
        from ..models.mql_acceptance_term import MqlAcceptanceTerm  # noqa: PLC0415
        from ..models.mql_volume_term import MqlVolumeTerm  # noqa: PLC0415
        from ..models.touch_attempts_term import TouchAttemptsTerm  # noqa: PLC0415

        title = self.title

        body = self.body

        terms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = []
            for terms_item_data in self.terms:
                terms_item: dict[str, Any]
                if isinstance(terms_item_data, MqlVolumeTerm):
                    terms_item = terms_item_data.to_dict()
                elif isinstance(terms_item_data, MqlAcceptanceTerm):
                    terms_item = terms_item_data.to_dict()
                elif isinstance(terms_item_data, HoursTerm):
                    terms_item = terms_item_data.to_dict()
                elif isinstance(terms_item_data, TouchAttemptsTerm):
                    terms_item = terms_item_data.to_dict()
                elif isinstance(terms_item_data, FollowUpTerm):
                    terms_item = terms_item_data.to_dict()
                elif isinstance(terms_item_data, CustomerResponseTerm):
                    terms_item = terms_item_data.to_dict()
                else:
                    terms_item = terms_item_data.to_dict()

                terms.append(terms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_term import CustomTerm  # noqa: PLC0415
        from ..models.customer_response_term import CustomerResponseTerm  # noqa: PLC0415
        from ..models.follow_up_term import FollowUpTerm  # noqa: PLC0415
        from ..models.hours_term import HoursTerm  # noqa: PLC0415
        from ..models.mql_acceptance_term import MqlAcceptanceTerm  # noqa: PLC0415
        from ..models.mql_volume_term import MqlVolumeTerm  # noqa: PLC0415
        from ..models.touch_attempts_term import TouchAttemptsTerm  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        body = d.pop("body", UNSET)

        _terms = d.pop("terms", UNSET)
        terms: (
            list[
                CustomerResponseTerm
                | CustomTerm
                | FollowUpTerm
                | HoursTerm
                | MqlAcceptanceTerm
                | MqlVolumeTerm
                | TouchAttemptsTerm
            ]
            | Unset
        ) = UNSET
        if _terms is not UNSET:
            terms = []
            for terms_item_data in _terms:

                def _parse_terms_item(
                    data: object,
                ) -> (
                    CustomerResponseTerm
                    | CustomTerm
                    | FollowUpTerm
                    | HoursTerm
                    | MqlAcceptanceTerm
                    | MqlVolumeTerm
                    | TouchAttemptsTerm
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_0 = MqlVolumeTerm.from_dict(data)

                        return terms_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_1 = MqlAcceptanceTerm.from_dict(data)

                        return terms_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_2 = HoursTerm.from_dict(data)

                        return terms_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_3 = TouchAttemptsTerm.from_dict(data)

                        return terms_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_4 = FollowUpTerm.from_dict(data)

                        return terms_item_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        terms_item_type_5 = CustomerResponseTerm.from_dict(data)

                        return terms_item_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    terms_item_type_6 = CustomTerm.from_dict(data)

                    return terms_item_type_6

                terms_item = _parse_terms_item(terms_item_data)

                terms.append(terms_item)

        version_write = cls(
            title=title,
            body=body,
            terms=terms,
        )

        version_write.additional_properties = d
        return version_write

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
