"""Deals: their pipeline, their contacts, and the lifecycle moves they cause.

A deal moves the people on it: linked on creation, a contact in SQL/SAL (any stage from
which "opportunity" is allowed) becomes an Opportunity; when the deal is won its
contacts become Customers, through the stages the configuration requires on the way
(``winning``); when lost, those in "opportunity" become Lost. A contact whose move the
configured transitions do not allow stays where it is; that never blocks the deal, and
winning says which contacts stayed and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from huddle.auth import service as auth_service
from huddle.contacts import service as contacts_service
from huddle.core import clock, permissions
from huddle.core.actor import Actor
from huddle.core.errors import (
    Conflict,
    FieldError,
    ResourceNotFound,
    ValidationFailed,
)
from huddle.core.events import publish
from huddle.core.pagination import Page, decode_cursor, encode_cursor
from huddle.core.permissions import Action
from huddle.core.stages import OPEN_PIPELINE_STAGES, PIPELINE_STAGES
from huddle.lifecycle import repository
from huddle.lifecycle.events import (
    OpportunityClosed,
    OpportunityCreated,
    OpportunityDeleted,
    OpportunityMoved,
    OpportunityUpdated,
)
from huddle.lifecycle.models import Opportunity, OpportunityContact
from huddle.lifecycle.schemas import (
    BoardCard,
    BoardColumn,
    BoardTotals,
    OpportunityCreate,
    OpportunityFilters,
    OpportunityUpdate,
    PipelineBoard,
)
from huddle.lifecycle.service.transitions import transition_stage
from huddle.lifecycle.service.winning import ClosedDeal, win_contacts


def get_opportunity(session: Session, opportunity_id: int) -> Opportunity:
    opportunity = repository.find_opportunity(session, opportunity_id)
    if opportunity is None:
        raise ResourceNotFound(f"opportunity {opportunity_id} not found")
    return opportunity


def contact_roles(session: Session, opportunity_id: int) -> list[OpportunityContact]:
    """The contacts on a deal with their roles, in the order they were added."""
    get_opportunity(session, opportunity_id)
    return repository.roles_of(session, opportunity_id)


def create_opportunity(session: Session, data: OpportunityCreate, *, actor: Actor) -> Opportunity:
    """A new open deal with an account, optionally a primary contact and contact roles.
    Sales reps create deals for themselves (or unassigned ones)."""
    permissions.require_owned(actor, Action.DEAL_EDIT, data.owner_id)
    errors = _open_stage_errors(data.pipeline_stage)
    errors += _reference_errors(
        session,
        account_id=data.account_id,
        owner_id=data.owner_id,
        contacts={"primary_contact_id": data.primary_contact_id}
        | {f"contacts.{i}.contact_id": role.contact_id for i, role in enumerate(data.contacts)},
    )
    seen: set[int] = set()
    for index, role in enumerate(data.contacts):
        if role.contact_id in seen:
            errors.append(FieldError(f"contacts.{index}.contact_id", "listed twice"))
        seen.add(role.contact_id)
    if errors:
        raise ValidationFailed("the opportunity is not valid", errors)
    opportunity = Opportunity(
        name=data.name.strip(),
        account_id=data.account_id,
        primary_contact_id=data.primary_contact_id,
        amount=data.amount,
        currency=data.currency,
        expected_close_date=data.expected_close_date,
        pipeline_stage=data.pipeline_stage,
        owner_id=data.owner_id,
        status="open",
    )
    session.add(opportunity)
    session.flush()
    now = clock.now()
    repository.add_roles(
        session,
        [
            {
                "opportunity_id": opportunity.id,
                "contact_id": role.contact_id,
                "role": role.role.strip(),
                "added_at": now,
            }
            for role in data.contacts
        ],
    )
    publish(
        session,
        OpportunityCreated(
            opportunity_id=opportunity.id, account_id=opportunity.account_id, at=now, actor=actor
        ),
    )
    _engage(session, opportunity, repository.linked_contact_ids(session, opportunity), actor)
    return opportunity


def update_opportunity(
    session: Session, opportunity_id: int, data: OpportunityUpdate, *, actor: Actor
) -> Opportunity:
    """Change the fields sent. Stage and status change only through move and close.
    Sales reps give a deal to nobody but themselves."""
    opportunity = _deal_to_change(session, opportunity_id, actor)
    given = data.model_fields_set
    if "owner_id" in given:
        permissions.require_owned(actor, Action.DEAL_EDIT, data.owner_id)
    errors = [
        FieldError(field, "cannot be empty")
        for field in ("name", "amount", "currency")
        if field in given and getattr(data, field) is None
    ]
    errors += _reference_errors(
        session,
        owner_id=data.owner_id if "owner_id" in given else None,
        contacts={"primary_contact_id": data.primary_contact_id}
        if "primary_contact_id" in given
        else {},
    )
    if errors:
        raise ValidationFailed("the opportunity is not valid", errors)
    values = data.model_dump(include=given)
    if values.get("name"):
        values["name"] = values["name"].strip()
    changed = tuple(
        field for field, value in values.items() if getattr(opportunity, field) != value
    )
    if not changed:
        return opportunity
    for field in changed:
        setattr(opportunity, field, values[field])
    session.flush()
    publish(
        session,
        OpportunityUpdated(
            opportunity_id=opportunity.id, changed=changed, at=clock.now(), actor=actor
        ),
    )
    if "primary_contact_id" in changed and opportunity.primary_contact_id is not None:
        _engage(session, opportunity, [opportunity.primary_contact_id], actor)
    return opportunity


def move_opportunity(
    session: Session, opportunity_id: int, pipeline_stage: str, *, actor: Actor
) -> Opportunity:
    """Move an open deal to another open pipeline stage (closing goes through close)."""
    errors = _open_stage_errors(pipeline_stage)
    if errors:
        raise ValidationFailed("not an open pipeline stage", errors)
    _deal_to_change(session, opportunity_id, actor)
    opportunity = _open_opportunity(session, opportunity_id)
    from_stage = opportunity.pipeline_stage
    if from_stage == pipeline_stage:
        raise Conflict(f"opportunity {opportunity_id} is already in {pipeline_stage}")
    opportunity.pipeline_stage = pipeline_stage
    session.flush()
    publish(
        session,
        OpportunityMoved(
            opportunity_id=opportunity.id,
            from_stage=from_stage,
            to_stage=pipeline_stage,
            at=clock.now(),
            actor=actor,
        ),
    )
    return opportunity


def close_opportunity(
    session: Session,
    opportunity_id: int,
    *,
    won: bool,
    reason: str | None = None,
    actor: Actor,
) -> ClosedDeal:
    """Win or lose an open deal; a lost deal needs a reason (422 without).

    Its contacts become Customers when it is won, through the stages in between
    (``win_contacts``; those the configuration gives no way are in the result's
    ``not_moved``, with why). When it is lost, its contacts in stage "opportunity"
    become Lost, unless another open deal still involves them.
    """
    reason = reason.strip() if reason else None
    if not won and not reason:
        raise ValidationFailed(
            "a lost deal needs a reason", [FieldError("reason", "say why the deal was lost")]
        )
    _deal_to_change(session, opportunity_id, actor)
    opportunity = _open_opportunity(session, opportunity_id)
    now = clock.now()
    opportunity.status = "won" if won else "lost"
    opportunity.pipeline_stage = "closed_won" if won else "closed_lost"
    opportunity.closed_at = now
    opportunity.lost_reason = None if won else reason
    session.flush()
    publish(
        session,
        OpportunityClosed(
            opportunity_id=opportunity.id, won=won, reason=reason, at=now, actor=actor
        ),
    )
    contact_ids = repository.linked_contact_ids(session, opportunity)
    if won:
        deal_actor = moved_by_deal(opportunity.id, actor)
        wins = win_contacts(session, contact_ids, actor=deal_actor, reason=reason or "deal won")
        return ClosedDeal(opportunity, tuple(wins))
    still_open = repository.contacts_on_other_open_deals(
        session, contact_ids, besides=opportunity.id
    )
    remaining = [c for c in contact_ids if c not in still_open]
    _move_linked(session, opportunity, remaining, "lost", actor, f"deal lost: {reason}")
    return ClosedDeal(opportunity)


def add_contact_role(
    session: Session, opportunity_id: int, contact_id: int, *, role: str, actor: Actor
) -> OpportunityContact:
    """Put a contact on a deal in a role, or change the role it has there."""
    opportunity = _deal_to_change(session, opportunity_id, actor)
    role = role.strip()
    errors = _reference_errors(session, contacts={"contact_id": contact_id})
    if errors:
        raise ValidationFailed("unknown contact", errors)
    link = repository.find_role(session, opportunity_id, contact_id)
    if link is None:
        link = OpportunityContact(
            opportunity_id=opportunity_id, contact_id=contact_id, role=role, added_at=clock.now()
        )
        session.add(link)
    elif link.role == role:
        return link
    link.role = role
    session.flush()
    publish(
        session,
        OpportunityUpdated(
            opportunity_id=opportunity_id, changed=("contacts",), at=clock.now(), actor=actor
        ),
    )
    _engage(session, opportunity, [contact_id], actor)
    return link


def remove_contact_role(
    session: Session, opportunity_id: int, contact_id: int, *, actor: Actor
) -> None:
    """Take a contact off a deal; its lifecycle stage stays as it is."""
    _deal_to_change(session, opportunity_id, actor)
    link = repository.find_role(session, opportunity_id, contact_id)
    if link is None:
        raise ResourceNotFound(f"contact {contact_id} has no role on opportunity {opportunity_id}")
    session.delete(link)
    session.flush()
    publish(
        session,
        OpportunityUpdated(
            opportunity_id=opportunity_id, changed=("contacts",), at=clock.now(), actor=actor
        ),
    )


def delete_opportunity(session: Session, opportunity_id: int, *, actor: Actor) -> None:
    """Remove a deal entered by mistake, with its contact roles and notes. The contacts'
    stage history stays: it records what happened to them. Only roles with DEAL_DELETE
    (admins, sales managers), whoever owns the deal: a rep closes a deal as lost."""
    permissions.require(actor, Action.DEAL_DELETE)
    opportunity = get_opportunity(session, opportunity_id)
    permissions.require_owned(actor, Action.DEAL_DELETE, opportunity.owner_id)
    publish(session, OpportunityDeleted(opportunity_id=opportunity_id, at=clock.now(), actor=actor))
    session.delete(opportunity)
    session.flush()


def list_opportunities(
    session: Session, filters: OpportunityFilters, *, cursor: str | None = None, limit: int = 50
) -> Page[Opportunity]:
    """Newest first, a keyset page at a time."""
    before_id: int | None = None
    if cursor:
        values = decode_cursor(cursor)
        if len(values) != 1 or not isinstance(values[0], int):
            raise ValidationFailed("invalid cursor", [FieldError("cursor", "malformed cursor")])
        before_id = values[0]
    rows = repository.page_of_opportunities(
        session, **filters.model_dump(), before_id=before_id, limit=limit
    )
    items = rows[:limit]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].id]) if more else None)


def pipeline_board(
    session: Session, *, owner_id: int | None = None, cards_per_column: int = 50
) -> PipelineBoard:
    """Open deals by pipeline stage, with count, amount and probability-weighted amount per
    column and overall. Two queries whatever the number of deals: the totals, and the cards
    closing soonest in each column."""
    stages = OPEN_PIPELINE_STAGES
    totals = {
        row.pipeline_stage: (row.deals, row.amount, row.currency)
        for row in repository.board_totals(session, stages=stages, owner_id=owner_id)
    }
    cards: dict[str, list[BoardCard]] = {stage: [] for stage in stages}
    for card in repository.board_cards(
        session, stages=stages, owner_id=owner_id, per_stage=cards_per_column
    ):
        cards[card.pipeline_stage].append(BoardCard.model_validate(card))
    columns = []
    for stage in stages:
        label, probability = PIPELINE_STAGES[stage]
        deals, amount, currency = totals.get(stage, (0, 0.0, None))
        column_totals = BoardTotals(
            count=deals,
            amount=round(amount, 2),
            weighted_amount=round(amount * probability / 100, 2),
            currency=currency,
        )
        columns.append(
            BoardColumn(
                stage=stage,
                label=label,
                probability=probability,
                totals=column_totals,
                cards=cards[stage],
            )
        )
    # One currency overall when every column with deals has the same one.
    currencies = {c.totals.currency for c in columns if c.totals.count}
    overall = BoardTotals(
        count=sum(c.totals.count for c in columns),
        amount=round(sum(c.totals.amount for c in columns), 2),
        weighted_amount=round(sum(c.totals.weighted_amount for c in columns), 2),
        currency=currencies.pop() if len(currencies) == 1 else None,
    )
    return PipelineBoard(columns=columns, totals=overall)


# --- helpers ----------------------------------------------------------------------------


def _open_opportunity(session: Session, opportunity_id: int) -> Opportunity:
    opportunity = get_opportunity(session, opportunity_id)
    if opportunity.status != "open":
        raise Conflict(f"opportunity {opportunity_id} is already {opportunity.status}")
    return opportunity


def _open_stage_errors(stage: str) -> list[FieldError]:
    if stage in OPEN_PIPELINE_STAGES:
        return []
    hint = " (close the deal instead)" if stage in PIPELINE_STAGES else ""
    return [
        FieldError(
            "pipeline_stage",
            f"not an open pipeline stage{hint}; one of {', '.join(OPEN_PIPELINE_STAGES)}",
        )
    ]


def _reference_errors(
    session: Session,
    *,
    account_id: int | None = None,
    owner_id: int | None = None,
    contacts: dict[str, int | None] | None = None,
) -> list[FieldError]:
    """Name every field that points at something that does not exist."""
    errors = []
    if account_id is not None and not _exists(contacts_service.get_account, session, account_id):
        errors.append(FieldError("account_id", f"no account {account_id}"))
    if owner_id is not None:
        owner = auth_service.find_user(session, owner_id)
        if owner is None or not owner.is_active:
            errors.append(FieldError("owner_id", f"no active user {owner_id}"))
    for field, contact_id in (contacts or {}).items():
        if contact_id is not None and not _exists(
            contacts_service.get_contact, session, contact_id
        ):
            errors.append(FieldError(field, f"no contact {contact_id}"))
    return errors


def _exists(getter: Callable[[Session, int], object], session: Session, key: int) -> bool:
    try:
        getter(session, key)
    except ResourceNotFound:
        return False
    return True


def _deal_to_change(session: Session, opportunity_id: int, actor: Actor) -> Opportunity:
    """The deal, if the actor may change it (sales reps: their own or unassigned deals)."""
    permissions.require(actor, Action.DEAL_EDIT)
    opportunity = get_opportunity(session, opportunity_id)
    permissions.require_owned(actor, Action.DEAL_EDIT, opportunity.owner_id)
    return opportunity


def moved_by_deal(opportunity_id: int, actor: Actor) -> Actor:
    """Who moves a deal's contacts: the deal (a rule), keeping the person (or import) whose
    action on the deal made it."""
    return Actor("rule", user_id=actor.user_id, label=f"opportunity #{opportunity_id}")


def _engage(
    session: Session, opportunity: Opportunity, contact_ids: Iterable[int], actor: Actor
) -> None:
    if opportunity.status == "open":
        _move_linked(
            session,
            opportunity,
            contact_ids,
            "opportunity",
            actor,
            f"on opportunity {opportunity.name}",
            from_any=True,
        )


def _move_linked(
    session: Session,
    opportunity: Opportunity,
    contact_ids: Iterable[int],
    to_stage: str,
    actor: Actor,
    reason: str,
    *,
    from_any: bool = False,
) -> None:
    """Move each contact the configuration lets move; leave the others as they are.

    Without ``from_any`` only contacts currently in "opportunity" move: a closed deal says
    nothing about people who were never engaged in it (an existing customer stays one).
    """
    allowed = repository.allowed_pairs(session)
    deal_actor = moved_by_deal(opportunity.id, actor)
    for contact_id in contact_ids:
        stage = contacts_service.get_contact(session, contact_id).lifecycle_stage
        if not from_any and stage != "opportunity":
            continue
        if (stage, to_stage) in allowed:
            transition_stage(session, contact_id, to_stage, actor=deal_actor, reason=reason)
