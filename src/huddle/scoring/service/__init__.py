"""Scoring's rules and state changes: definitions, rescoring, grading, qualification,
explanations, account roll-ups and back-tests."""

from huddle.scoring.models import criteria_label
from huddle.scoring.service.accounts import account_scores, buying_group, roll_up
from huddle.scoring.service.backtest import backtest
from huddle.scoring.service.catalog import (
    CONDITION_SCOPES,
    FieldChoice,
    check_condition,
    check_model_rules,
    condition_fields,
    describe_rule,
    fields_json,
)
from huddle.scoring.service.definitions import (
    ActiveCriteria,
    active_criteria,
    check_model,
    check_profile_criteria,
    delete_model,
    delete_persona,
    describe_criteria,
    get_criteria,
    get_model,
    list_models,
    list_profiles,
    save_criteria,
    save_model,
    save_profile,
    score_names,
)
from huddle.scoring.service.explain import explain_scores
from huddle.scoring.service.grading import grade_for
from huddle.scoring.service.matching import (
    condition_errors,
    contact_matches,
    describe_condition,
    segment_members,
)
from huddle.scoring.service.predicted import predicted_score_model, write_predicted_scores
from huddle.scoring.service.rescoring import (
    RESCORE_JOB,
    Lane,
    latest_runs,
    open_run,
    request_rescore,
    rescore_all,
    rescore_chunk,
    reset_behaviour,
    score_contacts,
)

__all__ = [
    "CONDITION_SCOPES",
    "RESCORE_JOB",
    "ActiveCriteria",
    "FieldChoice",
    "Lane",
    "account_scores",
    "active_criteria",
    "backtest",
    "buying_group",
    "check_condition",
    "check_model",
    "check_model_rules",
    "check_profile_criteria",
    "condition_errors",
    "condition_fields",
    "contact_matches",
    "criteria_label",
    "delete_model",
    "delete_persona",
    "describe_condition",
    "describe_criteria",
    "describe_rule",
    "explain_scores",
    "fields_json",
    "get_criteria",
    "get_model",
    "grade_for",
    "latest_runs",
    "list_models",
    "list_profiles",
    "open_run",
    "predicted_score_model",
    "request_rescore",
    "rescore_all",
    "rescore_chunk",
    "reset_behaviour",
    "roll_up",
    "save_criteria",
    "save_model",
    "save_profile",
    "score_contacts",
    "score_names",
    "segment_members",
    "write_predicted_scores",
]
