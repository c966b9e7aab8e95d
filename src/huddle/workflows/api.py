"""Workflows' JSON API (under /api/v1): workflows with their graph (the editor's same typed
shape), their status, enrolling a contact by hand, the enrolments, and static lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from huddle.auth.deps import CurrentActor
from huddle.web.deps import SessionDep
from huddle.workflows import service
from huddle.workflows.models import Workflow
from huddle.workflows.schemas import (
    ContactListRead,
    ContactListWrite,
    EnrolmentRead,
    EnrolWrite,
    ListMemberWrite,
    StatusWrite,
    WorkflowDetail,
    WorkflowRead,
    WorkflowWrite,
)

router = APIRouter(tags=["workflows"])
WORKFLOW = "/workflows/{workflow_id:int}"


def _detail(session: SessionDep, workflow: Workflow, actor: CurrentActor) -> WorkflowDetail:
    return WorkflowDetail(
        **WorkflowRead.model_validate(workflow).model_dump(),
        counts=service.step_counts(session, workflow.id, actor=actor),
    )


@router.get("/workflows", operation_id="workflows.list", response_model=list[WorkflowRead])
def list_workflows(actor: CurrentActor, session: SessionDep) -> list[WorkflowRead]:
    """Every workflow by name, with its trigger, steps and exit criteria."""
    return [WorkflowRead.model_validate(w) for w in service.list_workflows(session, actor=actor)]


@router.post(
    "/workflows",
    operation_id="workflows.create",
    response_model=WorkflowDetail,
    status_code=status.HTTP_201_CREATED,
)
def create_workflow(
    actor: CurrentActor, session: SessionDep, data: WorkflowWrite
) -> WorkflowDetail:
    """A draft workflow. Refused (422, each reason with its path) when a step cannot be
    reached, a loop has no wait, or a step names a list, webhook, user, workflow or field
    that does not exist."""
    return _detail(session, service.create_workflow(session, data, actor=actor), actor)


@router.get(WORKFLOW, operation_id="workflows.get", response_model=WorkflowDetail)
def get_workflow(workflow_id: int, actor: CurrentActor, session: SessionDep) -> WorkflowDetail:
    """A workflow with, per step, the contacts waiting there, gone through and exited."""
    return _detail(session, service.get_workflow(session, workflow_id, actor=actor).workflow, actor)


@router.put(WORKFLOW, operation_id="workflows.update", response_model=WorkflowDetail)
def update_workflow(
    workflow_id: int, actor: CurrentActor, session: SessionDep, data: WorkflowWrite
) -> WorkflowDetail:
    return _detail(session, service.update_workflow(session, workflow_id, data, actor=actor), actor)


@router.post(
    f"{WORKFLOW}/status", operation_id="workflows.set_status", response_model=WorkflowDetail
)
def set_status(
    workflow_id: int, actor: CurrentActor, session: SessionDep, data: StatusWrite
) -> WorkflowDetail:
    """Activate (triggers enrol from now on), pause (enrolments wait) or back to draft."""
    workflow = service.set_status(session, workflow_id, data.status, actor=actor)
    return _detail(session, workflow, actor)


@router.post(
    f"{WORKFLOW}/enrolments",
    operation_id="workflow_enrolments.create",
    response_model=EnrolmentRead,
    status_code=status.HTTP_201_CREATED,
)
def enrol(
    workflow_id: int, actor: CurrentActor, session: SessionDep, data: EnrolWrite
) -> EnrolmentRead:
    """Enrol a contact in an active workflow now (409 when its re-enrolment policy says
    no); the worker runs its first step at once."""
    enrolment = service.enrol_by_hand(session, workflow_id, data.contact_id, actor=actor)
    return EnrolmentRead.model_validate(enrolment)


@router.get(
    f"{WORKFLOW}/enrolments",
    operation_id="workflow_enrolments.list",
    response_model=list[EnrolmentRead],
)
def list_enrolments(
    workflow_id: int,
    actor: CurrentActor,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[EnrolmentRead]:
    """The newest enrolments first."""
    found = service.enrolments(session, workflow_id, actor=actor, limit=limit)
    return [EnrolmentRead.model_validate(e) for e in found]


@router.get(
    "/contact-lists", operation_id="contact_lists.list", response_model=list[ContactListRead]
)
def list_lists(actor: CurrentActor, session: SessionDep) -> list[ContactListRead]:
    """Static lists, with how many contacts each holds."""
    return [
        ContactListRead(id=found.id, name=found.name, members=members)
        for found, members in service.list_lists(session, actor=actor)
    ]


@router.post(
    "/contact-lists",
    operation_id="contact_lists.create",
    response_model=ContactListRead,
    status_code=status.HTTP_201_CREATED,
)
def create_list(
    actor: CurrentActor, session: SessionDep, data: ContactListWrite
) -> ContactListRead:
    made = service.create_list(session, data, actor=actor)
    return ContactListRead(id=made.id, name=made.name, members=0)


@router.post(
    "/contact-lists/{list_id:int}/members",
    operation_id="contact_list_members.create",
    status_code=status.HTTP_204_NO_CONTENT,
)
def add_member(
    list_id: int, actor: CurrentActor, session: SessionDep, data: ListMemberWrite
) -> None:
    """Put a contact on the list: the workflows its joining triggers enrol it."""
    service.add_to_list_by_hand(session, list_id, data.contact_id, actor=actor)
