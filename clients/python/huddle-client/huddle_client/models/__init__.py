"""Contains all the data models used in inputs/outputs"""

from .acceptance_read import AcceptanceRead
from .account_create import AccountCreate
from .account_create_custom_type_0 import AccountCreateCustomType0
from .account_owner_conditions import AccountOwnerConditions
from .account_page import AccountPage
from .account_read import AccountRead
from .account_read_custom import AccountReadCustom
from .account_rollup import AccountRollup
from .account_rollup_method import AccountRollupMethod
from .account_score_read import AccountScoreRead
from .account_sort import AccountSort
from .account_summary import AccountSummary
from .account_update import AccountUpdate
from .account_update_custom_type_0 import AccountUpdateCustomType0
from .activity_write import ActivityWrite
from .activity_write_kind import ActivityWriteKind
from .add_to_list import AddToList
from .adjust_score import AdjustScore
from .adjustment_read import AdjustmentRead
from .all_of import AllOf
from .allowed_transitions_update import AllowedTransitionsUpdate
from .any_of import AnyOf
from .api_token_create import ApiTokenCreate
from .api_token_create_scopes_item import ApiTokenCreateScopesItem
from .api_token_issued_read import ApiTokenIssuedRead
from .api_token_read import ApiTokenRead
from .asset_read import AssetRead
from .asset_read_kind import AssetReadKind
from .asset_read_status import AssetReadStatus
from .asset_status_write import AssetStatusWrite
from .asset_status_write_status import AssetStatusWriteStatus
from .asset_write import AssetWrite
from .asset_write_kind import AssetWriteKind
from .at_risk_list import AtRiskList
from .at_risk_read import AtRiskRead
from .attribution_model import AttributionModel
from .attribution_report import AttributionReport
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .audit_entry_read_changes_additional_property_type_5 import AuditEntryReadChangesAdditionalPropertyType5
from .audit_page import AuditPage
from .backtest_contact import BacktestContact
from .backtest_figures import BacktestFigures
from .backtest_read import BacktestRead
from .backtest_request import BacktestRequest
from .backtest_request_target import BacktestRequestTarget
from .behaviour_rule import BehaviourRule
from .between_comparison import BetweenComparison
from .board_card import BoardCard
from .board_column import BoardColumn
from .board_totals import BoardTotals
from .branch import Branch
from .breakdown import Breakdown
from .buying_group_member import BuyingGroupMember
from .buying_group_read import BuyingGroupRead
from .buying_journey_read import BuyingJourneyRead
from .buying_stage_read import BuyingStageRead
from .buying_stage_trigger import BuyingStageTrigger
from .calendar_read import CalendarRead
from .calendar_write import CalendarWrite
from .call_webhook import CallWebhook
from .campaign_credit import CampaignCredit
from .campaign_detail import CampaignDetail
from .campaign_read import CampaignRead
from .campaign_write import CampaignWrite
from .campaign_write_channel import CampaignWriteChannel
from .candidate import Candidate
from .change_stage import ChangeStage
from .change_stage_stage import ChangeStageStage
from .channel_credit import ChannelCredit
from .clock_event_read import ClockEventRead
from .clock_read import ClockRead
from .clock_read_state import ClockReadState
from .clock_read_term_kind import ClockReadTermKind
from .column_preview import ColumnPreview
from .column_preview_inferred_type import ColumnPreviewInferredType
from .column_read import ColumnRead
from .compliance_by import ComplianceBy
from .condition import Condition
from .condition_match import ConditionMatch
from .condition_rule import ConditionRule
from .consent_change_read import ConsentChangeRead
from .consent_update import ConsentUpdate
from .consent_update_field import ConsentUpdateField
from .contact_changed_data import ContactChangedData
from .contact_changed_payload import ContactChangedPayload
from .contact_column import ContactColumn
from .contact_create import ContactCreate
from .contact_create_custom_type_0 import ContactCreateCustomType0
from .contact_create_email_opt_in_type_0 import ContactCreateEmailOptInType0
from .contact_create_lifecycle_stage import ContactCreateLifecycleStage
from .contact_created_data import ContactCreatedData
from .contact_created_payload import ContactCreatedPayload
from .contact_erased_data import ContactErasedData
from .contact_erased_payload import ContactErasedPayload
from .contact_filters import ContactFilters
from .contact_filters_stage_item import ContactFiltersStageItem
from .contact_list_read import ContactListRead
from .contact_list_write import ContactListWrite
from .contact_merged_data import ContactMergedData
from .contact_merged_payload import ContactMergedPayload
from .contact_page import ContactPage
from .contact_read import ContactRead
from .contact_read_custom import ContactReadCustom
from .contact_reference import ContactReference
from .contact_role import ContactRole
from .contact_role_read import ContactRoleRead
from .contact_row import ContactRow
from .contact_scores_read import ContactScoresRead
from .contact_sort import ContactSort
from .contact_update import ContactUpdate
from .contact_update_custom_type_0 import ContactUpdateCustomType0
from .contact_update_email_opt_in import ContactUpdateEmailOptIn
from .contact_win_read import ContactWinRead
from .contacts_export_csv_stage_item import ContactsExportCsvStageItem
from .contacts_list_stage_item import ContactsListStageItem
from .cost_read import CostRead
from .cost_write import CostWrite
from .create_task import CreateTask
from .criteria_read import CriteriaRead
from .criteria_stage import CriteriaStage
from .criteria_write import CriteriaWrite
from .custom_field_definition_create import CustomFieldDefinitionCreate
from .custom_field_definition_create_entity import CustomFieldDefinitionCreateEntity
from .custom_field_definition_create_field_type import CustomFieldDefinitionCreateFieldType
from .custom_field_definition_read import CustomFieldDefinitionRead
from .custom_field_definition_update import CustomFieldDefinitionUpdate
from .custom_fields_list_entity_type_0 import CustomFieldsListEntityType0
from .custom_term import CustomTerm
from .custom_term_measure import CustomTermMeasure
from .custom_term_period_type_0 import CustomTermPeriodType0
from .customer_response_term import CustomerResponseTerm
from .dashboard_owner_tally import DashboardOwnerTally
from .dashboard_team_tally import DashboardTeamTally
from .dashboard_term_tally import DashboardTermTally
from .date_comparison import DateComparison
from .date_comparison_op import DateComparisonOp
from .date_field_trigger import DateFieldTrigger
from .deal_closed_data import DealClosedData
from .deal_imports_create_body import DealImportsCreateBody
from .deal_lost_payload import DealLostPayload
from .deal_of_contact import DealOfContact
from .deal_won_payload import DealWonPayload
from .delivery_event import DeliveryEvent
from .delivery_event_type import DeliveryEventType
from .delivery_events import DeliveryEvents
from .delivery_events_result import DeliveryEventsResult
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .email_sends_list_status_type_0 import EmailSendsListStatusType0
from .enrol_in_workflow import EnrolInWorkflow
from .enrol_write import EnrolWrite
from .enrolment_read import EnrolmentRead
from .enrolment_read_status import EnrolmentReadStatus
from .equality_comparison import EqualityComparison
from .equality_comparison_op import EqualityComparisonOp
from .erasure_read import ErasureRead
from .error_body import ErrorBody
from .event_batch_result import EventBatchResult
from .event_failure import EventFailure
from .event_filter import EventFilter
from .event_point import EventPoint
from .event_point_event import EventPointEvent
from .event_type_create import EventTypeCreate
from .event_type_create_category import EventTypeCreateCategory
from .event_type_read import EventTypeRead
from .event_type_update import EventTypeUpdate
from .event_type_update_category import EventTypeUpdateCategory
from .events_ingest_event_batch import EventsIngestEventBatch
from .events_ingest_event_batch_event_in import EventsIngestEventBatchEventIn
from .events_ingest_event_batch_event_in_properties import EventsIngestEventBatchEventInProperties
from .exit_criteria import ExitCriteria
from .exit_criteria_stages_item import ExitCriteriaStagesItem
from .exit_row import ExitRow
from .factor_read import FactorRead
from .feature_read import FeatureRead
from .feature_report_row import FeatureReportRow
from .feature_write import FeatureWrite
from .feedback_item_create import FeedbackItemCreate
from .feedback_item_create_kind import FeedbackItemCreateKind
from .feedback_item_read import FeedbackItemRead
from .feedback_loop_read import FeedbackLoopRead
from .field_problem import FieldProblem
from .field_problem_ctx_type_0 import FieldProblemCtxType0
from .field_resolution import FieldResolution
from .field_resolution_kept import FieldResolutionKept
from .file_import_read import FileImportRead
from .file_import_read_dates_read import FileImportReadDatesRead
from .fit_rule import FitRule
from .follow_up_term import FollowUpTerm
from .form_create import FormCreate
from .form_field import FormField
from .form_field_type import FormFieldType
from .form_read import FormRead
from .form_update import FormUpdate
from .funnel_read import FunnelRead
from .funnel_row import FunnelRow
from .funnel_step import FunnelStep
from .funnel_view import FunnelView
from .goal_detail import GoalDetail
from .goal_detail_metric import GoalDetailMetric
from .goal_read import GoalRead
from .goal_read_metric import GoalReadMetric
from .goal_write import GoalWrite
from .goal_write_metric import GoalWriteMetric
from .goal_write_owner_teams_item import GoalWriteOwnerTeamsItem
from .goals_plan_csv_target_metric import GoalsPlanCsvTargetMetric
from .goals_plan_target_metric import GoalsPlanTargetMetric
from .goals_suggestion_metric import GoalsSuggestionMetric
from .grade_read import GradeRead
from .grade_trigger import GradeTrigger
from .grade_trigger_grade import GradeTriggerGrade
from .handed_off_data import HandedOffData
from .handoff_accepted_payload import HandoffAcceptedPayload
from .handoff_decided_data import HandoffDecidedData
from .handoff_notice_data import HandoffNoticeData
from .handoff_notification_payload import HandoffNotificationPayload
from .handoff_notification_payload_kind import HandoffNotificationPayloadKind
from .handoff_packet import HandoffPacket
from .handoff_read import HandoffRead
from .handoff_read_status import HandoffReadStatus
from .handoff_rejected_payload import HandoffRejectedPayload
from .home_read import HomeRead
from .hours_term import HoursTerm
from .hours_term_kind import HoursTermKind
from .icp_discovery_read import IcpDiscoveryRead
from .icp_segment_read import IcpSegmentRead
from .import_dry_run import ImportDryRun
from .import_dry_run_dates_read import ImportDryRunDatesRead
from .import_dry_run_mapping import ImportDryRunMapping
from .import_dry_run_request import ImportDryRunRequest
from .import_dry_run_request_mapping import ImportDryRunRequestMapping
from .import_job_read import ImportJobRead
from .import_job_read_date_formats import ImportJobReadDateFormats
from .import_job_read_mapping import ImportJobReadMapping
from .import_mapping_create import ImportMappingCreate
from .import_mapping_create_mapping import ImportMappingCreateMapping
from .import_mapping_read import ImportMappingRead
from .import_mapping_read_mapping import ImportMappingReadMapping
from .import_mapping_update import ImportMappingUpdate
from .import_mapping_update_mapping import ImportMappingUpdateMapping
from .import_preview import ImportPreview
from .import_preview_suggested_mapping import ImportPreviewSuggestedMapping
from .import_start_request import ImportStartRequest
from .import_start_request_mapping import ImportStartRequestMapping
from .imports_create_body import ImportsCreateBody
from .imports_create_body_key import ImportsCreateBodyKey
from .imports_preview_body import ImportsPreviewBody
from .indicator import Indicator
from .kpi_card import KpiCard
from .kpi_card_goal_status_type_0 import KpiCardGoalStatusType0
from .kpi_card_metric import KpiCardMetric
from .kpi_dashboard import KpiDashboard
from .kpi_read import KpiRead
from .lead_handed_off_payload import LeadHandedOffPayload
from .lead_recycled_data import LeadRecycledData
from .lead_recycled_payload import LeadRecycledPayload
from .lead_recycled_trigger import LeadRecycledTrigger
from .lead_rejected_trigger import LeadRejectedTrigger
from .list_joined_trigger import ListJoinedTrigger
from .list_member_write import ListMemberWrite
from .lost_reason_row import LostReasonRow
from .manual_trigger import ManualTrigger
from .many_comparison import ManyComparison
from .many_comparison_op import ManyComparisonOp
from .member_read import MemberRead
from .member_write import MemberWrite
from .merge_item_data import MergeItemData
from .merge_item_data_resolution_type_0 import MergeItemDataResolutionType0
from .merge_record_read import MergeRecordRead
from .merge_record_read_merged_snapshot import MergeRecordReadMergedSnapshot
from .merge_record_read_merged_snapshot_additional_property_type_5 import (
    MergeRecordReadMergedSnapshotAdditionalPropertyType5,
)
from .merge_record_read_resolution import MergeRecordReadResolution
from .merge_request import MergeRequest
from .merge_request_choices import MergeRequestChoices
from .merge_request_choices_additional_property import MergeRequestChoicesAdditionalProperty
from .metric_read import MetricRead
from .metric_read_key import MetricReadKey
from .metric_read_kind import MetricReadKind
from .metrics_read import MetricsRead
from .model_breakdown import ModelBreakdown
from .model_report import ModelReport
from .model_version_read import ModelVersionRead
from .mql_acceptance_term import MqlAcceptanceTerm
from .mql_acceptance_term_period import MqlAcceptanceTermPeriod
from .mql_volume_term import MqlVolumeTerm
from .mql_volume_term_period import MqlVolumeTermPeriod
from .negative_rule import NegativeRule
from .new_contact_data import NewContactData
from .new_contact_data_lifecycle_stage import NewContactDataLifecycleStage
from .no_conditions import NoConditions
from .no_rollup import NoRollup
from .no_value_comparison import NoValueComparison
from .no_value_comparison_op import NoValueComparisonOp
from .not_of import NotOf
from .note_body import NoteBody
from .note_create import NoteCreate
from .note_item_data import NoteItemData
from .note_read import NoteRead
from .notification_page import NotificationPage
from .notification_read import NotificationRead
from .notified_user import NotifiedUser
from .notify import Notify
from .objective import Objective
from .occurrence_read import OccurrenceRead
from .opportunities_list_pipeline_stage_type_0 import OpportunitiesListPipelineStageType0
from .opportunities_list_status_type_0 import OpportunitiesListStatusType0
from .opportunity_close import OpportunityClose
from .opportunity_closed_read import OpportunityClosedRead
from .opportunity_closed_read_pipeline_stage import OpportunityClosedReadPipelineStage
from .opportunity_closed_read_status import OpportunityClosedReadStatus
from .opportunity_create import OpportunityCreate
from .opportunity_create_pipeline_stage import OpportunityCreatePipelineStage
from .opportunity_detail import OpportunityDetail
from .opportunity_detail_pipeline_stage import OpportunityDetailPipelineStage
from .opportunity_detail_status import OpportunityDetailStatus
from .opportunity_move import OpportunityMove
from .opportunity_move_pipeline_stage import OpportunityMovePipelineStage
from .opportunity_page import OpportunityPage
from .opportunity_read import OpportunityRead
from .opportunity_read_pipeline_stage import OpportunityReadPipelineStage
from .opportunity_read_status import OpportunityReadStatus
from .opportunity_update import OpportunityUpdate
from .order_comparison import OrderComparison
from .order_comparison_op import OrderComparisonOp
from .outcome_figures import OutcomeFigures
from .owner_compliance import OwnerCompliance
from .pacing_point import PacingPoint
from .pacing_read import PacingRead
from .packet_consumed import PacketConsumed
from .packet_first_touch import PacketFirstTouch
from .packet_prediction import PacketPrediction
from .packet_qualification import PacketQualification
from .packet_rule import PacketRule
from .packet_score import PacketScore
from .password_change import PasswordChange
from .past_stage import PastStage
from .past_stage_stage import PastStageStage
from .personal_account import PersonalAccount
from .personal_data_export import PersonalDataExport
from .personal_touch import PersonalTouch
from .personal_touch_properties import PersonalTouchProperties
from .pipeline_board import PipelineBoard
from .plan import Plan
from .plan_request import PlanRequest
from .plan_request_target_metric import PlanRequestTargetMetric
from .plan_stage import PlanStage
from .plan_target_metric import PlanTargetMetric
from .play_notification_payload import PlayNotificationPayload
from .play_read import PlayRead
from .play_read_status import PlayReadStatus
from .play_start_write import PlayStartWrite
from .play_step import PlayStep
from .play_step_owner import PlayStepOwner
from .play_task_data import PlayTaskData
from .play_write import PlayWrite
from .pool_read import PoolRead
from .pool_write import PoolWrite
from .prediction_read import PredictionRead
from .preview_read import PreviewRead
from .preview_request import PreviewRequest
from .product_report_read import ProductReportRead
from .profile_criterion import ProfileCriterion
from .profile_read import ProfileRead
from .profile_read_kind import ProfileReadKind
from .profile_write import ProfileWrite
from .profile_write_kind import ProfileWriteKind
from .progress import Progress
from .progress_metric import ProgressMetric
from .progress_status import ProgressStatus
from .properties_schema import PropertiesSchema
from .properties_schema_properties import PropertiesSchemaProperties
from .property_filter import PropertyFilter
from .property_filter_op import PropertyFilterOp
from .property_spec import PropertySpec
from .property_spec_type import PropertySpecType
from .proposal_create import ProposalCreate
from .proposal_read import ProposalRead
from .proposed_sla import ProposedSla
from .queue_entry_read import QueueEntryRead
from .queue_news_read import QueueNewsRead
from .quote_read import QuoteRead
from .refusal_reason import RefusalReason
from .reject_request import RejectRequest
from .reject_write import RejectWrite
from .rejection_reason_create import RejectionReasonCreate
from .rejection_reason_read import RejectionReasonRead
from .remap_queued import RemapQueued
from .remove_from_list import RemoveFromList
from .rescore_run_read import RescoreRunRead
from .review_term import ReviewTerm
from .role_on_deal import RoleOnDeal
from .row_problem_read import RowProblemRead
from .rule_breakdown import RuleBreakdown
from .rule_read import RuleRead
from .rule_read_kind import RuleReadKind
from .rule_write import RuleWrite
from .rule_write_kind import RuleWriteKind
from .run_progress_read import RunProgressRead
from .run_progress_read_status import RunProgressReadStatus
from .run_read import RunRead
from .run_read_status import RunReadStatus
from .run_step_read import RunStepRead
from .run_step_read_status import RunStepReadStatus
from .saved_view_create import SavedViewCreate
from .saved_view_read import SavedViewRead
from .score_bucket import ScoreBucket
from .score_model_read import ScoreModelRead
from .score_model_write import ScoreModelWrite
from .score_trigger import ScoreTrigger
from .send_email import SendEmail
from .send_next_asset import SendNextAsset
from .send_outcome_read import SendOutcomeRead
from .send_read import SendRead
from .send_request import SendRequest
from .set_field import SetField
from .setting_read import SettingRead
from .signature_read import SignatureRead
from .signature_read_side import SignatureReadSide
from .signature_write import SignatureWrite
from .signature_write_side import SignatureWriteSide
from .site_create import SiteCreate
from .site_read import SiteRead
from .site_update import SiteUpdate
from .sla_alert_data import SlaAlertData
from .sla_breached_data import SlaBreachedData
from .sla_breached_payload import SlaBreachedPayload
from .sla_dashboard_read import SlaDashboardRead
from .sla_draft_read import SlaDraftRead
from .sla_escalated_data import SlaEscalatedData
from .sla_escalated_payload import SlaEscalatedPayload
from .sla_notification_payload import SlaNotificationPayload
from .sla_notification_payload_kind import SlaNotificationPayloadKind
from .sla_period import SlaPeriod
from .sla_review_read import SlaReviewRead
from .sla_warning_data import SlaWarningData
from .sla_warning_payload import SlaWarningPayload
from .stage_change_item_data import StageChangeItemData
from .stage_change_read import StageChangeRead
from .stage_change_request import StageChangeRequest
from .stage_change_request_to_stage import StageChangeRequestToStage
from .stage_changed_data import StageChangedData
from .stage_changed_data_from_stage_type_0 import StageChangedDataFromStageType0
from .stage_changed_data_to_stage import StageChangedDataToStage
from .stage_changed_payload import StageChangedPayload
from .stage_count import StageCount
from .stage_entered_trigger import StageEnteredTrigger
from .stage_entered_trigger_stage import StageEnteredTriggerStage
from .stage_entry_read import StageEntryRead
from .stage_flow import StageFlow
from .stage_history_import import StageHistoryImport
from .stage_point import StagePoint
from .stage_read import StageRead
from .stage_transition_read import StageTransitionRead
from .start_play import StartPlay
from .status_write import StatusWrite
from .status_write_status import StatusWriteStatus
from .step_counts import StepCounts
from .suggestion import Suggestion
from .suggestion_metric import SuggestionMetric
from .suggestion_period import SuggestionPeriod
from .suggestion_read import SuggestionRead
from .suppression_read import SuppressionRead
from .suppression_write import SuppressionWrite
from .suppression_write_reason import SuppressionWriteReason
from .tally import Tally
from .target_option import TargetOption
from .team_compliance import TeamCompliance
from .template_read import TemplateRead
from .template_write import TemplateWrite
from .term_compliance import TermCompliance
from .term_scope import TermScope
from .term_summary import TermSummary
from .territory_conditions import TerritoryConditions
from .territory_conditions_segments_type_0_item import TerritoryConditionsSegmentsType0Item
from .text_comparison import TextComparison
from .text_comparison_op import TextComparisonOp
from .theme_confirm import ThemeConfirm
from .theme_read import ThemeRead
from .theme_read_sources import ThemeReadSources
from .threshold_point_read import ThresholdPointRead
from .timeline_item import TimelineItem
from .timeline_item_kind import TimelineItemKind
from .timeline_page import TimelinePage
from .touch_attempts_term import TouchAttemptsTerm
from .touch_base import TouchBase
from .touch_base_properties import TouchBaseProperties
from .touch_conflict import TouchConflict
from .touch_create import TouchCreate
from .touch_create_properties import TouchCreateProperties
from .touch_imports_create_body import TouchImportsCreateBody
from .touch_item_data import TouchItemData
from .touch_item_data_properties import TouchItemDataProperties
from .touch_point import TouchPoint
from .touch_read import TouchRead
from .touch_read_properties import TouchReadProperties
from .touch_trigger import TouchTrigger
from .touched import Touched
from .trait_lift import TraitLift
from .transition_pair import TransitionPair
from .transition_pair_from_stage import TransitionPairFromStage
from .transition_pair_to_stage import TransitionPairToStage
from .trend_week import TrendWeek
from .user_create import UserCreate
from .user_read import UserRead
from .user_read_working_hours import UserReadWorkingHours
from .user_update import UserUpdate
from .utm_rule_read import UtmRuleRead
from .utm_rule_read_field import UtmRuleReadField
from .utm_rule_read_operator import UtmRuleReadOperator
from .utm_rule_write import UtmRuleWrite
from .utm_rule_write_field import UtmRuleWriteField
from .utm_rule_write_operator import UtmRuleWriteOperator
from .validation_error_body import ValidationErrorBody
from .velocity_pair import VelocityPair
from .velocity_read import VelocityRead
from .version_read import VersionRead
from .version_read_status import VersionReadStatus
from .version_summary import VersionSummary
from .version_write import VersionWrite
from .wait_duration import WaitDuration
from .wait_for_event import WaitForEvent
from .wait_until import WaitUntil
from .webhook_actor import WebhookActor
from .webhook_actor_kind import WebhookActorKind
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_event_read import WebhookEventRead
from .webhook_read import WebhookRead
from .webhook_read_events_item import WebhookReadEventsItem
from .webhook_update import WebhookUpdate
from .webhook_update_events_item import WebhookUpdateEventsItem
from .webhooks_test_event_type_0 import WebhooksTestEventType0
from .weekly_hours import WeeklyHours
from .workflow_detail import WorkflowDetail
from .workflow_detail_status import WorkflowDetailStatus
from .workflow_notice_data import WorkflowNoticeData
from .workflow_notification_payload import WorkflowNotificationPayload
from .workflow_notification_payload_kind import WorkflowNotificationPayloadKind
from .workflow_read import WorkflowRead
from .workflow_read_status import WorkflowReadStatus
from .workflow_step_item_data import WorkflowStepItemData
from .workflow_write import WorkflowWrite
from .working_week import WorkingWeek

__all__ = (
    "AcceptanceRead",
    "AccountCreate",
    "AccountCreateCustomType0",
    "AccountOwnerConditions",
    "AccountPage",
    "AccountRead",
    "AccountReadCustom",
    "AccountRollup",
    "AccountRollupMethod",
    "AccountScoreRead",
    "AccountSort",
    "AccountSummary",
    "AccountUpdate",
    "AccountUpdateCustomType0",
    "ActivityWrite",
    "ActivityWriteKind",
    "AddToList",
    "AdjustmentRead",
    "AdjustScore",
    "AllOf",
    "AllowedTransitionsUpdate",
    "AnyOf",
    "ApiTokenCreate",
    "ApiTokenCreateScopesItem",
    "ApiTokenIssuedRead",
    "ApiTokenRead",
    "AssetRead",
    "AssetReadKind",
    "AssetReadStatus",
    "AssetStatusWrite",
    "AssetStatusWriteStatus",
    "AssetWrite",
    "AssetWriteKind",
    "AtRiskList",
    "AtRiskRead",
    "AttributionModel",
    "AttributionReport",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "AuditEntryReadChangesAdditionalPropertyType5",
    "AuditPage",
    "BacktestContact",
    "BacktestFigures",
    "BacktestRead",
    "BacktestRequest",
    "BacktestRequestTarget",
    "BehaviourRule",
    "BetweenComparison",
    "BoardCard",
    "BoardColumn",
    "BoardTotals",
    "Branch",
    "Breakdown",
    "BuyingGroupMember",
    "BuyingGroupRead",
    "BuyingJourneyRead",
    "BuyingStageRead",
    "BuyingStageTrigger",
    "CalendarRead",
    "CalendarWrite",
    "CallWebhook",
    "CampaignCredit",
    "CampaignDetail",
    "CampaignRead",
    "CampaignWrite",
    "CampaignWriteChannel",
    "Candidate",
    "ChangeStage",
    "ChangeStageStage",
    "ChannelCredit",
    "ClockEventRead",
    "ClockRead",
    "ClockReadState",
    "ClockReadTermKind",
    "ColumnPreview",
    "ColumnPreviewInferredType",
    "ColumnRead",
    "ComplianceBy",
    "Condition",
    "ConditionMatch",
    "ConditionRule",
    "ConsentChangeRead",
    "ConsentUpdate",
    "ConsentUpdateField",
    "ContactChangedData",
    "ContactChangedPayload",
    "ContactColumn",
    "ContactCreate",
    "ContactCreateCustomType0",
    "ContactCreatedData",
    "ContactCreatedPayload",
    "ContactCreateEmailOptInType0",
    "ContactCreateLifecycleStage",
    "ContactErasedData",
    "ContactErasedPayload",
    "ContactFilters",
    "ContactFiltersStageItem",
    "ContactListRead",
    "ContactListWrite",
    "ContactMergedData",
    "ContactMergedPayload",
    "ContactPage",
    "ContactRead",
    "ContactReadCustom",
    "ContactReference",
    "ContactRole",
    "ContactRoleRead",
    "ContactRow",
    "ContactScoresRead",
    "ContactsExportCsvStageItem",
    "ContactsListStageItem",
    "ContactSort",
    "ContactUpdate",
    "ContactUpdateCustomType0",
    "ContactUpdateEmailOptIn",
    "ContactWinRead",
    "CostRead",
    "CostWrite",
    "CreateTask",
    "CriteriaRead",
    "CriteriaStage",
    "CriteriaWrite",
    "CustomerResponseTerm",
    "CustomFieldDefinitionCreate",
    "CustomFieldDefinitionCreateEntity",
    "CustomFieldDefinitionCreateFieldType",
    "CustomFieldDefinitionRead",
    "CustomFieldDefinitionUpdate",
    "CustomFieldsListEntityType0",
    "CustomTerm",
    "CustomTermMeasure",
    "CustomTermPeriodType0",
    "DashboardOwnerTally",
    "DashboardTeamTally",
    "DashboardTermTally",
    "DateComparison",
    "DateComparisonOp",
    "DateFieldTrigger",
    "DealClosedData",
    "DealImportsCreateBody",
    "DealLostPayload",
    "DealOfContact",
    "DealWonPayload",
    "DeliveryEvent",
    "DeliveryEvents",
    "DeliveryEventsResult",
    "DeliveryEventType",
    "DeliveryRead",
    "DeliveryReadStatus",
    "EmailSendsListStatusType0",
    "EnrolInWorkflow",
    "EnrolmentRead",
    "EnrolmentReadStatus",
    "EnrolWrite",
    "EqualityComparison",
    "EqualityComparisonOp",
    "ErasureRead",
    "ErrorBody",
    "EventBatchResult",
    "EventFailure",
    "EventFilter",
    "EventPoint",
    "EventPointEvent",
    "EventsIngestEventBatch",
    "EventsIngestEventBatchEventIn",
    "EventsIngestEventBatchEventInProperties",
    "EventTypeCreate",
    "EventTypeCreateCategory",
    "EventTypeRead",
    "EventTypeUpdate",
    "EventTypeUpdateCategory",
    "ExitCriteria",
    "ExitCriteriaStagesItem",
    "ExitRow",
    "FactorRead",
    "FeatureRead",
    "FeatureReportRow",
    "FeatureWrite",
    "FeedbackItemCreate",
    "FeedbackItemCreateKind",
    "FeedbackItemRead",
    "FeedbackLoopRead",
    "FieldProblem",
    "FieldProblemCtxType0",
    "FieldResolution",
    "FieldResolutionKept",
    "FileImportRead",
    "FileImportReadDatesRead",
    "FitRule",
    "FollowUpTerm",
    "FormCreate",
    "FormField",
    "FormFieldType",
    "FormRead",
    "FormUpdate",
    "FunnelRead",
    "FunnelRow",
    "FunnelStep",
    "FunnelView",
    "GoalDetail",
    "GoalDetailMetric",
    "GoalRead",
    "GoalReadMetric",
    "GoalsPlanCsvTargetMetric",
    "GoalsPlanTargetMetric",
    "GoalsSuggestionMetric",
    "GoalWrite",
    "GoalWriteMetric",
    "GoalWriteOwnerTeamsItem",
    "GradeRead",
    "GradeTrigger",
    "GradeTriggerGrade",
    "HandedOffData",
    "HandoffAcceptedPayload",
    "HandoffDecidedData",
    "HandoffNoticeData",
    "HandoffNotificationPayload",
    "HandoffNotificationPayloadKind",
    "HandoffPacket",
    "HandoffRead",
    "HandoffReadStatus",
    "HandoffRejectedPayload",
    "HomeRead",
    "HoursTerm",
    "HoursTermKind",
    "IcpDiscoveryRead",
    "IcpSegmentRead",
    "ImportDryRun",
    "ImportDryRunDatesRead",
    "ImportDryRunMapping",
    "ImportDryRunRequest",
    "ImportDryRunRequestMapping",
    "ImportJobRead",
    "ImportJobReadDateFormats",
    "ImportJobReadMapping",
    "ImportMappingCreate",
    "ImportMappingCreateMapping",
    "ImportMappingRead",
    "ImportMappingReadMapping",
    "ImportMappingUpdate",
    "ImportMappingUpdateMapping",
    "ImportPreview",
    "ImportPreviewSuggestedMapping",
    "ImportsCreateBody",
    "ImportsCreateBodyKey",
    "ImportsPreviewBody",
    "ImportStartRequest",
    "ImportStartRequestMapping",
    "Indicator",
    "KpiCard",
    "KpiCardGoalStatusType0",
    "KpiCardMetric",
    "KpiDashboard",
    "KpiRead",
    "LeadHandedOffPayload",
    "LeadRecycledData",
    "LeadRecycledPayload",
    "LeadRecycledTrigger",
    "LeadRejectedTrigger",
    "ListJoinedTrigger",
    "ListMemberWrite",
    "LostReasonRow",
    "ManualTrigger",
    "ManyComparison",
    "ManyComparisonOp",
    "MemberRead",
    "MemberWrite",
    "MergeItemData",
    "MergeItemDataResolutionType0",
    "MergeRecordRead",
    "MergeRecordReadMergedSnapshot",
    "MergeRecordReadMergedSnapshotAdditionalPropertyType5",
    "MergeRecordReadResolution",
    "MergeRequest",
    "MergeRequestChoices",
    "MergeRequestChoicesAdditionalProperty",
    "MetricRead",
    "MetricReadKey",
    "MetricReadKind",
    "MetricsRead",
    "ModelBreakdown",
    "ModelReport",
    "ModelVersionRead",
    "MqlAcceptanceTerm",
    "MqlAcceptanceTermPeriod",
    "MqlVolumeTerm",
    "MqlVolumeTermPeriod",
    "NegativeRule",
    "NewContactData",
    "NewContactDataLifecycleStage",
    "NoConditions",
    "NoRollup",
    "NoteBody",
    "NoteCreate",
    "NoteItemData",
    "NoteRead",
    "NotificationPage",
    "NotificationRead",
    "NotifiedUser",
    "Notify",
    "NotOf",
    "NoValueComparison",
    "NoValueComparisonOp",
    "Objective",
    "OccurrenceRead",
    "OpportunitiesListPipelineStageType0",
    "OpportunitiesListStatusType0",
    "OpportunityClose",
    "OpportunityClosedRead",
    "OpportunityClosedReadPipelineStage",
    "OpportunityClosedReadStatus",
    "OpportunityCreate",
    "OpportunityCreatePipelineStage",
    "OpportunityDetail",
    "OpportunityDetailPipelineStage",
    "OpportunityDetailStatus",
    "OpportunityMove",
    "OpportunityMovePipelineStage",
    "OpportunityPage",
    "OpportunityRead",
    "OpportunityReadPipelineStage",
    "OpportunityReadStatus",
    "OpportunityUpdate",
    "OrderComparison",
    "OrderComparisonOp",
    "OutcomeFigures",
    "OwnerCompliance",
    "PacingPoint",
    "PacingRead",
    "PacketConsumed",
    "PacketFirstTouch",
    "PacketPrediction",
    "PacketQualification",
    "PacketRule",
    "PacketScore",
    "PasswordChange",
    "PastStage",
    "PastStageStage",
    "PersonalAccount",
    "PersonalDataExport",
    "PersonalTouch",
    "PersonalTouchProperties",
    "PipelineBoard",
    "Plan",
    "PlanRequest",
    "PlanRequestTargetMetric",
    "PlanStage",
    "PlanTargetMetric",
    "PlayNotificationPayload",
    "PlayRead",
    "PlayReadStatus",
    "PlayStartWrite",
    "PlayStep",
    "PlayStepOwner",
    "PlayTaskData",
    "PlayWrite",
    "PoolRead",
    "PoolWrite",
    "PredictionRead",
    "PreviewRead",
    "PreviewRequest",
    "ProductReportRead",
    "ProfileCriterion",
    "ProfileRead",
    "ProfileReadKind",
    "ProfileWrite",
    "ProfileWriteKind",
    "Progress",
    "ProgressMetric",
    "ProgressStatus",
    "PropertiesSchema",
    "PropertiesSchemaProperties",
    "PropertyFilter",
    "PropertyFilterOp",
    "PropertySpec",
    "PropertySpecType",
    "ProposalCreate",
    "ProposalRead",
    "ProposedSla",
    "QueueEntryRead",
    "QueueNewsRead",
    "QuoteRead",
    "RefusalReason",
    "RejectionReasonCreate",
    "RejectionReasonRead",
    "RejectRequest",
    "RejectWrite",
    "RemapQueued",
    "RemoveFromList",
    "RescoreRunRead",
    "ReviewTerm",
    "RoleOnDeal",
    "RowProblemRead",
    "RuleBreakdown",
    "RuleRead",
    "RuleReadKind",
    "RuleWrite",
    "RuleWriteKind",
    "RunProgressRead",
    "RunProgressReadStatus",
    "RunRead",
    "RunReadStatus",
    "RunStepRead",
    "RunStepReadStatus",
    "SavedViewCreate",
    "SavedViewRead",
    "ScoreBucket",
    "ScoreModelRead",
    "ScoreModelWrite",
    "ScoreTrigger",
    "SendEmail",
    "SendNextAsset",
    "SendOutcomeRead",
    "SendRead",
    "SendRequest",
    "SetField",
    "SettingRead",
    "SignatureRead",
    "SignatureReadSide",
    "SignatureWrite",
    "SignatureWriteSide",
    "SiteCreate",
    "SiteRead",
    "SiteUpdate",
    "SlaAlertData",
    "SlaBreachedData",
    "SlaBreachedPayload",
    "SlaDashboardRead",
    "SlaDraftRead",
    "SlaEscalatedData",
    "SlaEscalatedPayload",
    "SlaNotificationPayload",
    "SlaNotificationPayloadKind",
    "SlaPeriod",
    "SlaReviewRead",
    "SlaWarningData",
    "SlaWarningPayload",
    "StageChangedData",
    "StageChangedDataFromStageType0",
    "StageChangedDataToStage",
    "StageChangedPayload",
    "StageChangeItemData",
    "StageChangeRead",
    "StageChangeRequest",
    "StageChangeRequestToStage",
    "StageCount",
    "StageEnteredTrigger",
    "StageEnteredTriggerStage",
    "StageEntryRead",
    "StageFlow",
    "StageHistoryImport",
    "StagePoint",
    "StageRead",
    "StageTransitionRead",
    "StartPlay",
    "StatusWrite",
    "StatusWriteStatus",
    "StepCounts",
    "Suggestion",
    "SuggestionMetric",
    "SuggestionPeriod",
    "SuggestionRead",
    "SuppressionRead",
    "SuppressionWrite",
    "SuppressionWriteReason",
    "Tally",
    "TargetOption",
    "TeamCompliance",
    "TemplateRead",
    "TemplateWrite",
    "TermCompliance",
    "TermScope",
    "TermSummary",
    "TerritoryConditions",
    "TerritoryConditionsSegmentsType0Item",
    "TextComparison",
    "TextComparisonOp",
    "ThemeConfirm",
    "ThemeRead",
    "ThemeReadSources",
    "ThresholdPointRead",
    "TimelineItem",
    "TimelineItemKind",
    "TimelinePage",
    "TouchAttemptsTerm",
    "TouchBase",
    "TouchBaseProperties",
    "TouchConflict",
    "TouchCreate",
    "TouchCreateProperties",
    "Touched",
    "TouchImportsCreateBody",
    "TouchItemData",
    "TouchItemDataProperties",
    "TouchPoint",
    "TouchRead",
    "TouchReadProperties",
    "TouchTrigger",
    "TraitLift",
    "TransitionPair",
    "TransitionPairFromStage",
    "TransitionPairToStage",
    "TrendWeek",
    "UserCreate",
    "UserRead",
    "UserReadWorkingHours",
    "UserUpdate",
    "UtmRuleRead",
    "UtmRuleReadField",
    "UtmRuleReadOperator",
    "UtmRuleWrite",
    "UtmRuleWriteField",
    "UtmRuleWriteOperator",
    "ValidationErrorBody",
    "VelocityPair",
    "VelocityRead",
    "VersionRead",
    "VersionReadStatus",
    "VersionSummary",
    "VersionWrite",
    "WaitDuration",
    "WaitForEvent",
    "WaitUntil",
    "WebhookActor",
    "WebhookActorKind",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookEventRead",
    "WebhookRead",
    "WebhookReadEventsItem",
    "WebhooksTestEventType0",
    "WebhookUpdate",
    "WebhookUpdateEventsItem",
    "WeeklyHours",
    "WorkflowDetail",
    "WorkflowDetailStatus",
    "WorkflowNoticeData",
    "WorkflowNotificationPayload",
    "WorkflowNotificationPayloadKind",
    "WorkflowRead",
    "WorkflowReadStatus",
    "WorkflowStepItemData",
    "WorkflowWrite",
    "WorkingWeek",
)
