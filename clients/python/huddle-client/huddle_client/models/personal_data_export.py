from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.consent_change_read import ConsentChangeRead
    from ..models.contact_read import ContactRead
    from ..models.deal_of_contact import DealOfContact
    from ..models.merge_record_read import MergeRecordRead
    from ..models.note_read import NoteRead
    from ..models.personal_account import PersonalAccount
    from ..models.personal_touch import PersonalTouch
    from ..models.stage_transition_read import StageTransitionRead


T = TypeVar("T", bound="PersonalDataExport")


@_attrs_define
class PersonalDataExport:
    """Everything Huddle holds on a contact.

    Attributes:
        format_ (str): "huddle.personal-data/1"
        exported_at (datetime.datetime):
        contact_id (int):
        contact (ContactRead):
        account (None | PersonalAccount):
        consent_history (list[ConsentChangeRead]):
        touches (list[PersonalTouch]):
        notes (list[NoteRead]): Notes on the person, or naming them.
        merged_records (list[MergeRecordRead]): Contacts merged into theirs.
        stage_history (list[StageTransitionRead]):
        deal_roles (list[DealOfContact]):
    """

    format_: str
    exported_at: datetime.datetime
    contact_id: int
    contact: ContactRead
    account: None | PersonalAccount
    consent_history: list[ConsentChangeRead]
    touches: list[PersonalTouch]
    notes: list[NoteRead]
    merged_records: list[MergeRecordRead]
    stage_history: list[StageTransitionRead]
    deal_roles: list[DealOfContact]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_account import PersonalAccount  # noqa: PLC0415

        format_ = self.format_

        exported_at = self.exported_at.isoformat()

        contact_id = self.contact_id

        contact = self.contact.to_dict()

        account: dict[str, Any] | None
        if isinstance(self.account, PersonalAccount):
            account = self.account.to_dict()
        else:
            account = self.account

        consent_history = []
        for consent_history_item_data in self.consent_history:
            consent_history_item = consent_history_item_data.to_dict()
            consent_history.append(consent_history_item)

        touches = []
        for touches_item_data in self.touches:
            touches_item = touches_item_data.to_dict()
            touches.append(touches_item)

        notes = []
        for notes_item_data in self.notes:
            notes_item = notes_item_data.to_dict()
            notes.append(notes_item)

        merged_records = []
        for merged_records_item_data in self.merged_records:
            merged_records_item = merged_records_item_data.to_dict()
            merged_records.append(merged_records_item)

        stage_history = []
        for stage_history_item_data in self.stage_history:
            stage_history_item = stage_history_item_data.to_dict()
            stage_history.append(stage_history_item)

        deal_roles = []
        for deal_roles_item_data in self.deal_roles:
            deal_roles_item = deal_roles_item_data.to_dict()
            deal_roles.append(deal_roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "exported_at": exported_at,
                "contact_id": contact_id,
                "contact": contact,
                "account": account,
                "consent_history": consent_history,
                "touches": touches,
                "notes": notes,
                "merged_records": merged_records,
                "stage_history": stage_history,
                "deal_roles": deal_roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_change_read import ConsentChangeRead  # noqa: PLC0415
        from ..models.contact_read import ContactRead  # noqa: PLC0415
        from ..models.deal_of_contact import DealOfContact  # noqa: PLC0415
        from ..models.merge_record_read import MergeRecordRead  # noqa: PLC0415
        from ..models.note_read import NoteRead  # noqa: PLC0415
        from ..models.personal_account import PersonalAccount  # noqa: PLC0415
        from ..models.personal_touch import PersonalTouch  # noqa: PLC0415
        from ..models.stage_transition_read import StageTransitionRead  # noqa: PLC0415

        d = dict(src_dict)
        format_ = d.pop("format")

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        contact_id = d.pop("contact_id")

        contact = ContactRead.from_dict(d.pop("contact"))

        def _parse_account(data: object) -> None | PersonalAccount:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                account_type_0 = PersonalAccount.from_dict(data)

                return account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalAccount, data)

        account = _parse_account(d.pop("account"))

        consent_history = []
        _consent_history = d.pop("consent_history")
        for consent_history_item_data in _consent_history:
            consent_history_item = ConsentChangeRead.from_dict(consent_history_item_data)

            consent_history.append(consent_history_item)

        touches = []
        _touches = d.pop("touches")
        for touches_item_data in _touches:
            touches_item = PersonalTouch.from_dict(touches_item_data)

            touches.append(touches_item)

        notes = []
        _notes = d.pop("notes")
        for notes_item_data in _notes:
            notes_item = NoteRead.from_dict(notes_item_data)

            notes.append(notes_item)

        merged_records = []
        _merged_records = d.pop("merged_records")
        for merged_records_item_data in _merged_records:
            merged_records_item = MergeRecordRead.from_dict(merged_records_item_data)

            merged_records.append(merged_records_item)

        stage_history = []
        _stage_history = d.pop("stage_history")
        for stage_history_item_data in _stage_history:
            stage_history_item = StageTransitionRead.from_dict(stage_history_item_data)

            stage_history.append(stage_history_item)

        deal_roles = []
        _deal_roles = d.pop("deal_roles")
        for deal_roles_item_data in _deal_roles:
            deal_roles_item = DealOfContact.from_dict(deal_roles_item_data)

            deal_roles.append(deal_roles_item)

        personal_data_export = cls(
            format_=format_,
            exported_at=exported_at,
            contact_id=contact_id,
            contact=contact,
            account=account,
            consent_history=consent_history,
            touches=touches,
            notes=notes,
            merged_records=merged_records,
            stage_history=stage_history,
            deal_roles=deal_roles,
        )

        personal_data_export.additional_properties = d
        return personal_data_export

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
