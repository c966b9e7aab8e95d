from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.add_to_list import AddToList
    from ..models.adjust_score import AdjustScore
    from ..models.branch import Branch
    from ..models.buying_stage_trigger import BuyingStageTrigger
    from ..models.call_webhook import CallWebhook
    from ..models.change_stage import ChangeStage
    from ..models.create_task import CreateTask
    from ..models.date_field_trigger import DateFieldTrigger
    from ..models.enrol_in_workflow import EnrolInWorkflow
    from ..models.exit_criteria import ExitCriteria
    from ..models.grade_trigger import GradeTrigger
    from ..models.lead_recycled_trigger import LeadRecycledTrigger
    from ..models.lead_rejected_trigger import LeadRejectedTrigger
    from ..models.list_joined_trigger import ListJoinedTrigger
    from ..models.manual_trigger import ManualTrigger
    from ..models.notify import Notify
    from ..models.remove_from_list import RemoveFromList
    from ..models.score_trigger import ScoreTrigger
    from ..models.send_email import SendEmail
    from ..models.send_next_asset import SendNextAsset
    from ..models.set_field import SetField
    from ..models.stage_entered_trigger import StageEnteredTrigger
    from ..models.start_play import StartPlay
    from ..models.touch_trigger import TouchTrigger
    from ..models.wait_duration import WaitDuration
    from ..models.wait_for_event import WaitForEvent
    from ..models.wait_until import WaitUntil


T = TypeVar("T", bound="WorkflowWrite")


@_attrs_define
class WorkflowWrite:
    """
    Attributes:
        name (str):
        trigger (BuyingStageTrigger | DateFieldTrigger | GradeTrigger | LeadRecycledTrigger | LeadRejectedTrigger |
            ListJoinedTrigger | ManualTrigger | ScoreTrigger | StageEnteredTrigger | TouchTrigger | Unset):
        steps (list[AddToList | AdjustScore | Branch | CallWebhook | ChangeStage | CreateTask | EnrolInWorkflow | Notify
            | RemoveFromList | SendEmail | SendNextAsset | SetField | StartPlay | WaitDuration | WaitForEvent | WaitUntil] |
            Unset):
        exit_criteria (ExitCriteria | Unset): Checked before every step: the enrolment ends when any holds.
        reenrol_after_days (int | None | Unset): null: once ever; N: again N days after the last enrolment.
    """

    name: str
    trigger: (
        BuyingStageTrigger
        | DateFieldTrigger
        | GradeTrigger
        | LeadRecycledTrigger
        | LeadRejectedTrigger
        | ListJoinedTrigger
        | ManualTrigger
        | ScoreTrigger
        | StageEnteredTrigger
        | TouchTrigger
        | Unset
    ) = UNSET
    steps: (
        list[
            AddToList
            | AdjustScore
            | Branch
            | CallWebhook
            | ChangeStage
            | CreateTask
            | EnrolInWorkflow
            | Notify
            | RemoveFromList
            | SendEmail
            | SendNextAsset
            | SetField
            | StartPlay
            | WaitDuration
            | WaitForEvent
            | WaitUntil
        ]
        | Unset
    ) = UNSET
    exit_criteria: ExitCriteria | Unset = UNSET
    reenrol_after_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.add_to_list import AddToList  # noqa: PLC0415
        from ..models.adjust_score import AdjustScore  # noqa: PLC0415
        from ..models.branch import Branch  # noqa: PLC0415
        from ..models.buying_stage_trigger import BuyingStageTrigger  # noqa: PLC0415
        from ..models.call_webhook import CallWebhook  # noqa: PLC0415
        from ..models.change_stage import ChangeStage  # noqa: PLC0415
        from ..models.create_task import CreateTask  # noqa: PLC0415
        from ..models.date_field_trigger import DateFieldTrigger  # noqa: PLC0415
        from ..models.enrol_in_workflow import EnrolInWorkflow  # noqa: PLC0415
        from ..models.grade_trigger import GradeTrigger  # noqa: PLC0415
        from ..models.lead_recycled_trigger import LeadRecycledTrigger  # noqa: PLC0415
        from ..models.lead_rejected_trigger import LeadRejectedTrigger  # noqa: PLC0415
        from ..models.list_joined_trigger import ListJoinedTrigger  # noqa: PLC0415
        from ..models.notify import Notify  # noqa: PLC0415
        from ..models.remove_from_list import RemoveFromList  # noqa: PLC0415
        from ..models.score_trigger import ScoreTrigger  # noqa: PLC0415
        from ..models.send_email import SendEmail  # noqa: PLC0415
        from ..models.set_field import SetField  # noqa: PLC0415
        from ..models.stage_entered_trigger import StageEnteredTrigger  # noqa: PLC0415
        from ..models.start_play import StartPlay  # noqa: PLC0415
        from ..models.touch_trigger import TouchTrigger  # noqa: PLC0415
        from ..models.wait_duration import WaitDuration  # noqa: PLC0415
        from ..models.wait_for_event import WaitForEvent  # noqa: PLC0415
        from ..models.wait_until import WaitUntil  # noqa: PLC0415

        name = self.name

        trigger: dict[str, Any] | Unset
        if isinstance(self.trigger, Unset):
            trigger = UNSET
        elif isinstance(self.trigger, TouchTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, StageEnteredTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, ScoreTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, ListJoinedTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, DateFieldTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, LeadRejectedTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, LeadRecycledTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, BuyingStageTrigger):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, GradeTrigger):
            trigger = self.trigger.to_dict()
        else:
            trigger = self.trigger.to_dict()

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item: dict[str, Any]
                if isinstance(steps_item_data, WaitDuration):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, WaitUntil):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, WaitForEvent):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, Branch):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, SendEmail):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, AddToList):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, RemoveFromList):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, SetField):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, ChangeStage):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, CreateTask):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, Notify):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, CallWebhook):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, EnrolInWorkflow):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, StartPlay):
                    steps_item = steps_item_data.to_dict()
                elif isinstance(steps_item_data, AdjustScore):
                    steps_item = steps_item_data.to_dict()
                else:
                    steps_item = steps_item_data.to_dict()

                steps.append(steps_item)

        exit_criteria: dict[str, Any] | Unset = UNSET
        if not isinstance(self.exit_criteria, Unset):
            exit_criteria = self.exit_criteria.to_dict()

        reenrol_after_days: int | None | Unset
        if isinstance(self.reenrol_after_days, Unset):
            reenrol_after_days = UNSET
        else:
            reenrol_after_days = self.reenrol_after_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if steps is not UNSET:
            field_dict["steps"] = steps
        if exit_criteria is not UNSET:
            field_dict["exit_criteria"] = exit_criteria
        if reenrol_after_days is not UNSET:
            field_dict["reenrol_after_days"] = reenrol_after_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.add_to_list import AddToList  # noqa: PLC0415
        from ..models.adjust_score import AdjustScore  # noqa: PLC0415
        from ..models.branch import Branch  # noqa: PLC0415
        from ..models.buying_stage_trigger import BuyingStageTrigger  # noqa: PLC0415
        from ..models.call_webhook import CallWebhook  # noqa: PLC0415
        from ..models.change_stage import ChangeStage  # noqa: PLC0415
        from ..models.create_task import CreateTask  # noqa: PLC0415
        from ..models.date_field_trigger import DateFieldTrigger  # noqa: PLC0415
        from ..models.enrol_in_workflow import EnrolInWorkflow  # noqa: PLC0415
        from ..models.exit_criteria import ExitCriteria  # noqa: PLC0415
        from ..models.grade_trigger import GradeTrigger  # noqa: PLC0415
        from ..models.lead_recycled_trigger import LeadRecycledTrigger  # noqa: PLC0415
        from ..models.lead_rejected_trigger import LeadRejectedTrigger  # noqa: PLC0415
        from ..models.list_joined_trigger import ListJoinedTrigger  # noqa: PLC0415
        from ..models.manual_trigger import ManualTrigger  # noqa: PLC0415
        from ..models.notify import Notify  # noqa: PLC0415
        from ..models.remove_from_list import RemoveFromList  # noqa: PLC0415
        from ..models.score_trigger import ScoreTrigger  # noqa: PLC0415
        from ..models.send_email import SendEmail  # noqa: PLC0415
        from ..models.send_next_asset import SendNextAsset  # noqa: PLC0415
        from ..models.set_field import SetField  # noqa: PLC0415
        from ..models.stage_entered_trigger import StageEnteredTrigger  # noqa: PLC0415
        from ..models.start_play import StartPlay  # noqa: PLC0415
        from ..models.touch_trigger import TouchTrigger  # noqa: PLC0415
        from ..models.wait_duration import WaitDuration  # noqa: PLC0415
        from ..models.wait_for_event import WaitForEvent  # noqa: PLC0415
        from ..models.wait_until import WaitUntil  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_trigger(
            data: object,
        ) -> (
            BuyingStageTrigger
            | DateFieldTrigger
            | GradeTrigger
            | LeadRecycledTrigger
            | LeadRejectedTrigger
            | ListJoinedTrigger
            | ManualTrigger
            | ScoreTrigger
            | StageEnteredTrigger
            | TouchTrigger
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_0 = TouchTrigger.from_dict(data)

                return trigger_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_1 = StageEnteredTrigger.from_dict(data)

                return trigger_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_2 = ScoreTrigger.from_dict(data)

                return trigger_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_3 = ListJoinedTrigger.from_dict(data)

                return trigger_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_4 = DateFieldTrigger.from_dict(data)

                return trigger_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_5 = LeadRejectedTrigger.from_dict(data)

                return trigger_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_6 = LeadRecycledTrigger.from_dict(data)

                return trigger_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_7 = BuyingStageTrigger.from_dict(data)

                return trigger_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_type_8 = GradeTrigger.from_dict(data)

                return trigger_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            trigger_type_9 = ManualTrigger.from_dict(data)

            return trigger_type_9

        trigger = _parse_trigger(d.pop("trigger", UNSET))

        _steps = d.pop("steps", UNSET)
        steps: (
            list[
                AddToList
                | AdjustScore
                | Branch
                | CallWebhook
                | ChangeStage
                | CreateTask
                | EnrolInWorkflow
                | Notify
                | RemoveFromList
                | SendEmail
                | SendNextAsset
                | SetField
                | StartPlay
                | WaitDuration
                | WaitForEvent
                | WaitUntil
            ]
            | Unset
        ) = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:

                def _parse_steps_item(
                    data: object,
                ) -> (
                    AddToList
                    | AdjustScore
                    | Branch
                    | CallWebhook
                    | ChangeStage
                    | CreateTask
                    | EnrolInWorkflow
                    | Notify
                    | RemoveFromList
                    | SendEmail
                    | SendNextAsset
                    | SetField
                    | StartPlay
                    | WaitDuration
                    | WaitForEvent
                    | WaitUntil
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_0 = WaitDuration.from_dict(data)

                        return steps_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_1 = WaitUntil.from_dict(data)

                        return steps_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_2 = WaitForEvent.from_dict(data)

                        return steps_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_3 = Branch.from_dict(data)

                        return steps_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_4 = SendEmail.from_dict(data)

                        return steps_item_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_5 = AddToList.from_dict(data)

                        return steps_item_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_6 = RemoveFromList.from_dict(data)

                        return steps_item_type_6
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_7 = SetField.from_dict(data)

                        return steps_item_type_7
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_8 = ChangeStage.from_dict(data)

                        return steps_item_type_8
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_9 = CreateTask.from_dict(data)

                        return steps_item_type_9
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_10 = Notify.from_dict(data)

                        return steps_item_type_10
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_11 = CallWebhook.from_dict(data)

                        return steps_item_type_11
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_12 = EnrolInWorkflow.from_dict(data)

                        return steps_item_type_12
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_13 = StartPlay.from_dict(data)

                        return steps_item_type_13
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        steps_item_type_14 = AdjustScore.from_dict(data)

                        return steps_item_type_14
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    steps_item_type_15 = SendNextAsset.from_dict(data)

                    return steps_item_type_15

                steps_item = _parse_steps_item(steps_item_data)

                steps.append(steps_item)

        _exit_criteria = d.pop("exit_criteria", UNSET)
        exit_criteria: ExitCriteria | Unset
        if isinstance(_exit_criteria, Unset):
            exit_criteria = UNSET
        else:
            exit_criteria = ExitCriteria.from_dict(_exit_criteria)

        def _parse_reenrol_after_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reenrol_after_days = _parse_reenrol_after_days(d.pop("reenrol_after_days", UNSET))

        workflow_write = cls(
            name=name,
            trigger=trigger,
            steps=steps,
            exit_criteria=exit_criteria,
            reenrol_after_days=reenrol_after_days,
        )

        return workflow_write
