"""The feedback domain's services: the feedback loop, product feedback and themes."""

from huddle.feedback.service.loop import (
    apply_proposal,
    dismiss_proposal,
    feedback_loop,
    list_proposals,
    propose_scoring,
    propose_sla,
    sla_capacity,
)
from huddle.feedback.service.product import (
    create_feature,
    feedback_on,
    get_feature,
    list_features,
    log_feedback,
    product_report,
    update_feature,
)
from huddle.feedback.service.themes import confirm_theme, suggested_themes

__all__ = [
    "apply_proposal",
    "confirm_theme",
    "create_feature",
    "dismiss_proposal",
    "feedback_loop",
    "feedback_on",
    "get_feature",
    "list_features",
    "list_proposals",
    "log_feedback",
    "product_report",
    "propose_scoring",
    "propose_sla",
    "sla_capacity",
    "suggested_themes",
    "update_feature",
]
