"""Imports every domain's models so the metadata is complete (Alembic, tests)."""

from huddle.analytics import models as analytics_models
from huddle.assets import models as asset_models
from huddle.attribution import models as attribution_models
from huddle.audit import models as audit_models
from huddle.auth import models as auth_models
from huddle.campaigns import models as campaign_models
from huddle.contacts import models as contact_models
from huddle.contacts.importing import models as import_models
from huddle.core import deferred_indexes as deferred_index_models
from huddle.core import jobs as job_models
from huddle.core.models import Base
from huddle.feedback import models as feedback_models
from huddle.goals import models as goal_models
from huddle.lifecycle import models as lifecycle_models
from huddle.mailing import models as mailing_models
from huddle.notifications import models as notification_models
from huddle.predictive import models as predictive_models
from huddle.routing import models as routing_models
from huddle.scoring import models as scoring_models
from huddle.sla import models as sla_models
from huddle.tracking import models as tracking_models
from huddle.workflows import models as workflow_models

__all__ = [
    "Base",
    "analytics_models",
    "asset_models",
    "attribution_models",
    "audit_models",
    "auth_models",
    "campaign_models",
    "contact_models",
    "deferred_index_models",
    "feedback_models",
    "goal_models",
    "import_models",
    "job_models",
    "lifecycle_models",
    "mailing_models",
    "notification_models",
    "predictive_models",
    "routing_models",
    "scoring_models",
    "sla_models",
    "tracking_models",
    "workflow_models",
]
