"""Workflows' rules: definitions and their validation, enrolling, the runner, the triggers'
reactions, the timeline's source."""

from huddle.workflows.service.definitions import (
    SETTABLE_FIELDS,
    Definition,
    add_step,
    as_write,
    create_list,
    create_workflow,
    definition,
    get_list,
    get_workflow,
    list_lists,
    list_workflows,
    remove_member,
    remove_step,
    set_status,
    step_counts,
    update_workflow,
)
from huddle.workflows.service.engine import BATCH, PassResult, exit_reason_for, run_due
from huddle.workflows.service.enrolling import (
    RUN_DUE_JOB,
    enrol,
    join_list,
    queue_run,
    workflow_actor,
)
from huddle.workflows.service.manual import add_to_list_by_hand, enrol_by_hand, enrolments
from huddle.workflows.service.timeline import timeline_source
from huddle.workflows.service.triggers import date_fields_due

__all__ = [
    "BATCH",
    "RUN_DUE_JOB",
    "SETTABLE_FIELDS",
    "Definition",
    "PassResult",
    "add_step",
    "add_to_list_by_hand",
    "as_write",
    "create_list",
    "create_workflow",
    "date_fields_due",
    "definition",
    "enrol",
    "enrol_by_hand",
    "enrolments",
    "exit_reason_for",
    "get_list",
    "get_workflow",
    "join_list",
    "list_lists",
    "list_workflows",
    "queue_run",
    "remove_member",
    "remove_step",
    "run_due",
    "set_status",
    "step_counts",
    "timeline_source",
    "update_workflow",
    "workflow_actor",
]
