"""Contains all the data models used in inputs/outputs"""

from .acceptance_read import AcceptanceRead
from .account_create import AccountCreate
from .account_create_custom_type_0 import AccountCreateCustomType0
from .account_page import AccountPage
from .account_read import AccountRead
from .account_read_custom import AccountReadCustom
from .account_score_read import AccountScoreRead
from .account_sort import AccountSort
from .account_summary import AccountSummary
from .account_update import AccountUpdate
from .account_update_custom_type_0 import AccountUpdateCustomType0
from .activity_write import ActivityWrite
from .activity_write_kind import ActivityWriteKind
from .allowed_transitions_update import AllowedTransitionsUpdate
from .api_token_create import ApiTokenCreate
from .api_token_create_scopes_item import ApiTokenCreateScopesItem
from .api_token_issued_read import ApiTokenIssuedRead
from .api_token_read import ApiTokenRead
from .at_risk_list import AtRiskList
from .at_risk_read import AtRiskRead
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .audit_page import AuditPage
from .backtest_figures import BacktestFigures
from .backtest_read import BacktestRead
from .backtest_request import BacktestRequest
from .backtest_request_criteria_type_0 import BacktestRequestCriteriaType0
from .board_card import BoardCard
from .board_column import BoardColumn
from .board_totals import BoardTotals
from .body_create_import_api_v1_imports_post import BodyCreateImportApiV1ImportsPost
from .buying_group_member import BuyingGroupMember
from .buying_group_read import BuyingGroupRead
from .calendar_read import CalendarRead
from .calendar_read_hours import CalendarReadHours
from .calendar_write import CalendarWrite
from .calendar_write_hours import CalendarWriteHours
from .clock_event_read import ClockEventRead
from .clock_read import ClockRead
from .compliance_read import ComplianceRead
from .consent_change_read import ConsentChangeRead
from .consent_update import ConsentUpdate
from .consent_update_field import ConsentUpdateField
from .contact_changed_data import ContactChangedData
from .contact_changed_payload import ContactChangedPayload
from .contact_create import ContactCreate
from .contact_create_custom_type_0 import ContactCreateCustomType0
from .contact_created_data import ContactCreatedData
from .contact_created_payload import ContactCreatedPayload
from .contact_erased_data import ContactErasedData
from .contact_erased_payload import ContactErasedPayload
from .contact_filters import ContactFilters
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
from .criteria_read import CriteriaRead
from .criteria_read_condition import CriteriaReadCondition
from .criteria_write import CriteriaWrite
from .criteria_write_condition import CriteriaWriteCondition
from .custom_field_definition_create import CustomFieldDefinitionCreate
from .custom_field_definition_create_entity import CustomFieldDefinitionCreateEntity
from .custom_field_definition_create_field_type import CustomFieldDefinitionCreateFieldType
from .custom_field_definition_read import CustomFieldDefinitionRead
from .custom_field_definition_update import CustomFieldDefinitionUpdate
from .deal_closed_data import DealClosedData
from .deal_lost_payload import DealLostPayload
from .deal_won_payload import DealWonPayload
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .erasure_read import ErasureRead
from .error_body import ErrorBody
from .event_batch_result import EventBatchResult
from .event_failure import EventFailure
from .event_type_create import EventTypeCreate
from .event_type_create_category import EventTypeCreateCategory
from .event_type_create_properties_schema import EventTypeCreatePropertiesSchema
from .event_type_read import EventTypeRead
from .event_type_read_properties_schema import EventTypeReadPropertiesSchema
from .event_type_update import EventTypeUpdate
from .event_type_update_category_type_0 import EventTypeUpdateCategoryType0
from .event_type_update_properties_schema_type_0 import EventTypeUpdatePropertiesSchemaType0
from .form_create import FormCreate
from .form_field import FormField
from .form_field_type import FormFieldType
from .form_read import FormRead
from .form_read_fields_item import FormReadFieldsItem
from .form_update import FormUpdate
from .funnel_step import FunnelStep
from .grade_read import GradeRead
from .handed_off_data import HandedOffData
from .handoff_accepted_payload import HandoffAcceptedPayload
from .handoff_decided_data import HandoffDecidedData
from .handoff_read import HandoffRead
from .handoff_read_candidates_item import HandoffReadCandidatesItem
from .handoff_read_packet import HandoffReadPacket
from .handoff_rejected_payload import HandoffRejectedPayload
from .home_read import HomeRead
from .http_validation_error import HTTPValidationError
from .import_job_read import ImportJobRead
from .import_job_read_mapping import ImportJobReadMapping
from .ingest_events_api_v1_events_post_event_batch import IngestEventsApiV1EventsPostEventBatch
from .ingest_events_api_v1_events_post_event_batch_event_in import IngestEventsApiV1EventsPostEventBatchEventIn
from .ingest_events_api_v1_events_post_event_batch_event_in_properties import (
    IngestEventsApiV1EventsPostEventBatchEventInProperties,
)
from .lead_handed_off_payload import LeadHandedOffPayload
from .lead_recycled_data import LeadRecycledData
from .lead_recycled_payload import LeadRecycledPayload
from .list_custom_fields_api_v1_custom_fields_get_entity_type_0 import ListCustomFieldsApiV1CustomFieldsGetEntityType0
from .member_read import MemberRead
from .member_write import MemberWrite
from .merge_request import MergeRequest
from .merge_request_choices import MergeRequestChoices
from .merge_request_choices_additional_property import MergeRequestChoicesAdditionalProperty
from .model_breakdown import ModelBreakdown
from .my_notifications_api_v1_notifications_get_response_my_notifications_api_v1_notifications_get import (
    MyNotificationsApiV1NotificationsGetResponseMyNotificationsApiV1NotificationsGet,
)
from .new_contact_data import NewContactData
from .new_contact_data_lifecycle_stage import NewContactDataLifecycleStage
from .note_body import NoteBody
from .note_create import NoteCreate
from .note_read import NoteRead
from .notification_payload import NotificationPayload
from .notification_payload_data import NotificationPayloadData
from .notified_user import NotifiedUser
from .occurrence_read import OccurrenceRead
from .opportunity_close import OpportunityClose
from .opportunity_create import OpportunityCreate
from .opportunity_detail import OpportunityDetail
from .opportunity_move import OpportunityMove
from .opportunity_page import OpportunityPage
from .opportunity_read import OpportunityRead
from .opportunity_update import OpportunityUpdate
from .owner_compliance import OwnerCompliance
from .pacing_read import PacingRead
from .password_change import PasswordChange
from .personal_data_export import PersonalDataExport
from .personal_data_export_account_type_0 import PersonalDataExportAccountType0
from .personal_data_export_consent_history_item import PersonalDataExportConsentHistoryItem
from .personal_data_export_contact import PersonalDataExportContact
from .personal_data_export_deal_roles_item import PersonalDataExportDealRolesItem
from .personal_data_export_merged_records_item import PersonalDataExportMergedRecordsItem
from .personal_data_export_notes_item import PersonalDataExportNotesItem
from .personal_data_export_stage_history_item import PersonalDataExportStageHistoryItem
from .personal_data_export_touches_item import PersonalDataExportTouchesItem
from .pipeline_board import PipelineBoard
from .pool_read import PoolRead
from .pool_write import PoolWrite
from .profile_read import ProfileRead
from .profile_read_criteria_item import ProfileReadCriteriaItem
from .profile_write import ProfileWrite
from .queue_entry_read import QueueEntryRead
from .queue_news_read import QueueNewsRead
from .reject_request import RejectRequest
from .reject_write import RejectWrite
from .rejection_reason_create import RejectionReasonCreate
from .rejection_reason_read import RejectionReasonRead
from .rescore_run_read import RescoreRunRead
from .review_term import ReviewTerm
from .role_on_deal import RoleOnDeal
from .rule_breakdown import RuleBreakdown
from .rule_read import RuleRead
from .rule_read_conditions import RuleReadConditions
from .rule_write import RuleWrite
from .rule_write_conditions import RuleWriteConditions
from .rule_write_kind import RuleWriteKind
from .saved_view_create import SavedViewCreate
from .saved_view_read import SavedViewRead
from .score_model_read import ScoreModelRead
from .score_model_read_account_rollup import ScoreModelReadAccountRollup
from .score_model_read_rules_item import ScoreModelReadRulesItem
from .score_model_write import ScoreModelWrite
from .score_model_write_account_rollup import ScoreModelWriteAccountRollup
from .signature_read import SignatureRead
from .signature_write import SignatureWrite
from .site_create import SiteCreate
from .site_read import SiteRead
from .site_update import SiteUpdate
from .sla_breached_data import SlaBreachedData
from .sla_breached_payload import SlaBreachedPayload
from .sla_dashboard_read import SlaDashboardRead
from .sla_escalated_data import SlaEscalatedData
from .sla_escalated_payload import SlaEscalatedPayload
from .sla_period import SlaPeriod
from .sla_review_read import SlaReviewRead
from .sla_warning_data import SlaWarningData
from .sla_warning_payload import SlaWarningPayload
from .stage_change_request import StageChangeRequest
from .stage_changed_data import StageChangedData
from .stage_changed_data_from_stage_type_0 import StageChangedDataFromStageType0
from .stage_changed_data_to_stage import StageChangedDataToStage
from .stage_changed_payload import StageChangedPayload
from .stage_entry_read import StageEntryRead
from .stage_flow import StageFlow
from .stage_read import StageRead
from .stage_transition_read import StageTransitionRead
from .suggestion_read import SuggestionRead
from .tally import Tally
from .team_compliance import TeamCompliance
from .term_compliance import TermCompliance
from .term_summary import TermSummary
from .test_webhook_api_v1_webhooks_webhook_id_test_post_event_type_0 import (
    TestWebhookApiV1WebhooksWebhookIdTestPostEventType0,
)
from .timeline_item import TimelineItem
from .timeline_item_data import TimelineItemData
from .timeline_item_kind import TimelineItemKind
from .timeline_page import TimelinePage
from .touch_base import TouchBase
from .touch_base_properties import TouchBaseProperties
from .touch_conflict import TouchConflict
from .touch_create import TouchCreate
from .touch_create_properties import TouchCreateProperties
from .touch_read import TouchRead
from .touch_read_properties import TouchReadProperties
from .transition_pair import TransitionPair
from .trend_week import TrendWeek
from .user_create import UserCreate
from .user_create_working_hours import UserCreateWorkingHours
from .user_read import UserRead
from .user_read_working_hours import UserReadWorkingHours
from .user_update import UserUpdate
from .user_update_working_hours_type_0 import UserUpdateWorkingHoursType0
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .version_read import VersionRead
from .version_summary import VersionSummary
from .version_write import VersionWrite
from .webhook_actor import WebhookActor
from .webhook_actor_kind import WebhookActorKind
from .webhook_create import WebhookCreate
from .webhook_create_events_item import WebhookCreateEventsItem
from .webhook_event_read import WebhookEventRead
from .webhook_read import WebhookRead
from .webhook_read_events_item import WebhookReadEventsItem
from .webhook_update import WebhookUpdate
from .webhook_update_events_type_0_item import WebhookUpdateEventsType0Item

__all__ = (
    "AcceptanceRead",
    "AccountCreate",
    "AccountCreateCustomType0",
    "AccountPage",
    "AccountRead",
    "AccountReadCustom",
    "AccountScoreRead",
    "AccountSort",
    "AccountSummary",
    "AccountUpdate",
    "AccountUpdateCustomType0",
    "ActivityWrite",
    "ActivityWriteKind",
    "AllowedTransitionsUpdate",
    "ApiTokenCreate",
    "ApiTokenCreateScopesItem",
    "ApiTokenIssuedRead",
    "ApiTokenRead",
    "AtRiskList",
    "AtRiskRead",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "AuditPage",
    "BacktestFigures",
    "BacktestRead",
    "BacktestRequest",
    "BacktestRequestCriteriaType0",
    "BoardCard",
    "BoardColumn",
    "BoardTotals",
    "BodyCreateImportApiV1ImportsPost",
    "BuyingGroupMember",
    "BuyingGroupRead",
    "CalendarRead",
    "CalendarReadHours",
    "CalendarWrite",
    "CalendarWriteHours",
    "ClockEventRead",
    "ClockRead",
    "ComplianceRead",
    "ConsentChangeRead",
    "ConsentUpdate",
    "ConsentUpdateField",
    "ContactChangedData",
    "ContactChangedPayload",
    "ContactCreate",
    "ContactCreateCustomType0",
    "ContactCreatedData",
    "ContactCreatedPayload",
    "ContactErasedData",
    "ContactErasedPayload",
    "ContactFilters",
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
    "ContactSort",
    "ContactUpdate",
    "ContactUpdateCustomType0",
    "CriteriaRead",
    "CriteriaReadCondition",
    "CriteriaWrite",
    "CriteriaWriteCondition",
    "CustomFieldDefinitionCreate",
    "CustomFieldDefinitionCreateEntity",
    "CustomFieldDefinitionCreateFieldType",
    "CustomFieldDefinitionRead",
    "CustomFieldDefinitionUpdate",
    "DealClosedData",
    "DealLostPayload",
    "DealWonPayload",
    "DeliveryRead",
    "DeliveryReadStatus",
    "ErasureRead",
    "ErrorBody",
    "EventBatchResult",
    "EventFailure",
    "EventTypeCreate",
    "EventTypeCreateCategory",
    "EventTypeCreatePropertiesSchema",
    "EventTypeRead",
    "EventTypeReadPropertiesSchema",
    "EventTypeUpdate",
    "EventTypeUpdateCategoryType0",
    "EventTypeUpdatePropertiesSchemaType0",
    "FormCreate",
    "FormField",
    "FormFieldType",
    "FormRead",
    "FormReadFieldsItem",
    "FormUpdate",
    "FunnelStep",
    "GradeRead",
    "HandedOffData",
    "HandoffAcceptedPayload",
    "HandoffDecidedData",
    "HandoffRead",
    "HandoffReadCandidatesItem",
    "HandoffReadPacket",
    "HandoffRejectedPayload",
    "HomeRead",
    "HTTPValidationError",
    "ImportJobRead",
    "ImportJobReadMapping",
    "IngestEventsApiV1EventsPostEventBatch",
    "IngestEventsApiV1EventsPostEventBatchEventIn",
    "IngestEventsApiV1EventsPostEventBatchEventInProperties",
    "LeadHandedOffPayload",
    "LeadRecycledData",
    "LeadRecycledPayload",
    "ListCustomFieldsApiV1CustomFieldsGetEntityType0",
    "MemberRead",
    "MemberWrite",
    "MergeRequest",
    "MergeRequestChoices",
    "MergeRequestChoicesAdditionalProperty",
    "ModelBreakdown",
    "MyNotificationsApiV1NotificationsGetResponseMyNotificationsApiV1NotificationsGet",
    "NewContactData",
    "NewContactDataLifecycleStage",
    "NoteBody",
    "NoteCreate",
    "NoteRead",
    "NotificationPayload",
    "NotificationPayloadData",
    "NotifiedUser",
    "OccurrenceRead",
    "OpportunityClose",
    "OpportunityCreate",
    "OpportunityDetail",
    "OpportunityMove",
    "OpportunityPage",
    "OpportunityRead",
    "OpportunityUpdate",
    "OwnerCompliance",
    "PacingRead",
    "PasswordChange",
    "PersonalDataExport",
    "PersonalDataExportAccountType0",
    "PersonalDataExportConsentHistoryItem",
    "PersonalDataExportContact",
    "PersonalDataExportDealRolesItem",
    "PersonalDataExportMergedRecordsItem",
    "PersonalDataExportNotesItem",
    "PersonalDataExportStageHistoryItem",
    "PersonalDataExportTouchesItem",
    "PipelineBoard",
    "PoolRead",
    "PoolWrite",
    "ProfileRead",
    "ProfileReadCriteriaItem",
    "ProfileWrite",
    "QueueEntryRead",
    "QueueNewsRead",
    "RejectionReasonCreate",
    "RejectionReasonRead",
    "RejectRequest",
    "RejectWrite",
    "RescoreRunRead",
    "ReviewTerm",
    "RoleOnDeal",
    "RuleBreakdown",
    "RuleRead",
    "RuleReadConditions",
    "RuleWrite",
    "RuleWriteConditions",
    "RuleWriteKind",
    "SavedViewCreate",
    "SavedViewRead",
    "ScoreModelRead",
    "ScoreModelReadAccountRollup",
    "ScoreModelReadRulesItem",
    "ScoreModelWrite",
    "ScoreModelWriteAccountRollup",
    "SignatureRead",
    "SignatureWrite",
    "SiteCreate",
    "SiteRead",
    "SiteUpdate",
    "SlaBreachedData",
    "SlaBreachedPayload",
    "SlaDashboardRead",
    "SlaEscalatedData",
    "SlaEscalatedPayload",
    "SlaPeriod",
    "SlaReviewRead",
    "SlaWarningData",
    "SlaWarningPayload",
    "StageChangedData",
    "StageChangedDataFromStageType0",
    "StageChangedDataToStage",
    "StageChangedPayload",
    "StageChangeRequest",
    "StageEntryRead",
    "StageFlow",
    "StageRead",
    "StageTransitionRead",
    "SuggestionRead",
    "Tally",
    "TeamCompliance",
    "TermCompliance",
    "TermSummary",
    "TestWebhookApiV1WebhooksWebhookIdTestPostEventType0",
    "TimelineItem",
    "TimelineItemData",
    "TimelineItemKind",
    "TimelinePage",
    "TouchBase",
    "TouchBaseProperties",
    "TouchConflict",
    "TouchCreate",
    "TouchCreateProperties",
    "TouchRead",
    "TouchReadProperties",
    "TransitionPair",
    "TrendWeek",
    "UserCreate",
    "UserCreateWorkingHours",
    "UserRead",
    "UserReadWorkingHours",
    "UserUpdate",
    "UserUpdateWorkingHoursType0",
    "ValidationError",
    "ValidationErrorContext",
    "VersionRead",
    "VersionSummary",
    "VersionWrite",
    "WebhookActor",
    "WebhookActorKind",
    "WebhookCreate",
    "WebhookCreateEventsItem",
    "WebhookEventRead",
    "WebhookRead",
    "WebhookReadEventsItem",
    "WebhookUpdate",
    "WebhookUpdateEventsType0Item",
)
