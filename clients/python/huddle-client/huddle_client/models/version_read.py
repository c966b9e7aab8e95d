from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_read_status import VersionReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_term import CustomTerm
    from ..models.customer_response_term import CustomerResponseTerm
    from ..models.follow_up_term import FollowUpTerm
    from ..models.hours_term import HoursTerm
    from ..models.mql_acceptance_term import MqlAcceptanceTerm
    from ..models.mql_volume_term import MqlVolumeTerm
    from ..models.signature_read import SignatureRead
    from ..models.touch_attempts_term import TouchAttemptsTerm


T = TypeVar("T", bound="VersionRead")


@_attrs_define
class VersionRead:
    """
    Attributes:
        id (int):
        number (int):
        status (VersionReadStatus):
        title (str):
        body (str):
        terms (list[CustomerResponseTerm | CustomTerm | FollowUpTerm | HoursTerm | MqlAcceptanceTerm | MqlVolumeTerm |
            TouchAttemptsTerm]):
        based_on_id (int | None):
        created_by_id (int | None):
        created_at (datetime.datetime):
        activated_at (datetime.datetime | None):
        archived_at (datetime.datetime | None):
        signatures (list[SignatureRead] | Unset):
    """

    id: int
    number: int
    status: VersionReadStatus
    title: str
    body: str
    terms: list[
        CustomerResponseTerm
        | CustomTerm
        | FollowUpTerm
        | HoursTerm
        | MqlAcceptanceTerm
        | MqlVolumeTerm
        | TouchAttemptsTerm
    ]
    based_on_id: int | None
    created_by_id: int | None
    created_at: datetime.datetime
    activated_at: datetime.datetime | None
    archived_at: datetime.datetime | None
    signatures: list[SignatureRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_response_term import CustomerResponseTerm  # noqa: PLC0415
        from ..models.follow_up_term import FollowUpTerm  # noqa: PLC0415
        from ..models.hours_term import HoursTerm  # noqa: PLC0415
        from ..models.mql_acceptance_term import MqlAcceptanceTerm  # noqa: PLC0415
        from ..models.mql_volume_term import MqlVolumeTerm  # noqa: PLC0415
        from ..models.touch_attempts_term import TouchAttemptsTerm  # noqa: PLC0415

        id = self.id

        number = self.number

        status = self.status.value

        title = self.title

        body = self.body

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

        based_on_id: int | None
        based_on_id = self.based_on_id

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        activated_at: None | str
        if isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        signatures: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.signatures, Unset):
            signatures = []
            for signatures_item_data in self.signatures:
                signatures_item = signatures_item_data.to_dict()
                signatures.append(signatures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "title": title,
                "body": body,
                "terms": terms,
                "based_on_id": based_on_id,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "activated_at": activated_at,
                "archived_at": archived_at,
            }
        )
        if signatures is not UNSET:
            field_dict["signatures"] = signatures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_term import CustomTerm  # noqa: PLC0415
        from ..models.customer_response_term import CustomerResponseTerm  # noqa: PLC0415
        from ..models.follow_up_term import FollowUpTerm  # noqa: PLC0415
        from ..models.hours_term import HoursTerm  # noqa: PLC0415
        from ..models.mql_acceptance_term import MqlAcceptanceTerm  # noqa: PLC0415
        from ..models.mql_volume_term import MqlVolumeTerm  # noqa: PLC0415
        from ..models.signature_read import SignatureRead  # noqa: PLC0415
        from ..models.touch_attempts_term import TouchAttemptsTerm  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        status = VersionReadStatus(d.pop("status"))

        title = d.pop("title")

        body = d.pop("body")

        terms = []
        _terms = d.pop("terms")
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

        def _parse_based_on_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        based_on_id = _parse_based_on_id(d.pop("based_on_id"))

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_activated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activated_at = _parse_activated_at(d.pop("activated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        _signatures = d.pop("signatures", UNSET)
        signatures: list[SignatureRead] | Unset = UNSET
        if _signatures is not UNSET:
            signatures = []
            for signatures_item_data in _signatures:
                signatures_item = SignatureRead.from_dict(signatures_item_data)

                signatures.append(signatures_item)

        version_read = cls(
            id=id,
            number=number,
            status=status,
            title=title,
            body=body,
            terms=terms,
            based_on_id=based_on_id,
            created_by_id=created_by_id,
            created_at=created_at,
            activated_at=activated_at,
            archived_at=archived_at,
            signatures=signatures,
        )

        version_read.additional_properties = d
        return version_read

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
