from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_changed_data_from_stage_type_0 import StageChangedDataFromStageType0
from ..models.stage_changed_data_to_stage import StageChangedDataToStage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_reference import ContactReference
    from ..models.webhook_actor import WebhookActor


T = TypeVar("T", bound="StageChangedData")


@_attrs_define
class StageChangedData:
    """
    Attributes:
        contact (ContactReference):
        to_stage (StageChangedDataToStage):
        actor (WebhookActor): Who made the change: a user (by id), or Huddle itself (a rule, an import, the
            system: the SLA clocks...).
        from_stage (None | StageChangedDataFromStageType0 | Unset):
        reason (None | str | Unset):
    """

    contact: ContactReference
    to_stage: StageChangedDataToStage
    actor: WebhookActor
    from_stage: None | StageChangedDataFromStageType0 | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        to_stage = self.to_stage.value

        actor = self.actor.to_dict()

        from_stage: None | str | Unset
        if isinstance(self.from_stage, Unset):
            from_stage = UNSET
        elif isinstance(self.from_stage, StageChangedDataFromStageType0):
            from_stage = self.from_stage.value
        else:
            from_stage = self.from_stage

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "to_stage": to_stage,
                "actor": actor,
            }
        )
        if from_stage is not UNSET:
            field_dict["from_stage"] = from_stage
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_reference import ContactReference  # noqa: PLC0415
        from ..models.webhook_actor import WebhookActor  # noqa: PLC0415

        d = dict(src_dict)
        contact = ContactReference.from_dict(d.pop("contact"))

        to_stage = StageChangedDataToStage(d.pop("to_stage"))

        actor = WebhookActor.from_dict(d.pop("actor"))

        def _parse_from_stage(data: object) -> None | StageChangedDataFromStageType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_stage_type_0 = StageChangedDataFromStageType0(data)

                return from_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StageChangedDataFromStageType0 | Unset, data)

        from_stage = _parse_from_stage(d.pop("from_stage", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        stage_changed_data = cls(
            contact=contact,
            to_stage=to_stage,
            actor=actor,
            from_stage=from_stage,
            reason=reason,
        )

        stage_changed_data.additional_properties = d
        return stage_changed_data

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
