"""Routing rules and team pools: data, ordered, edited by marketing-ops and sales-ops."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from huddle.core import clock
from huddle.core.actor import Actor
from huddle.core.errors import (
    FieldError,
    ResourceAlreadyExists,
    ValidationFailed,
    found,
)
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.routing import repository
from huddle.routing.events import RoutingPoolChanged, RoutingRuleChanged
from huddle.routing.models import RoutingPool, RoutingPoolMember, RoutingRule
from huddle.routing.schemas import SEGMENTS, MemberRead, PoolRead, PoolWrite, RuleWrite
from huddle.scoring import service as scoring

TERRITORY_KEYS = ("countries", "regions", "industries", "segments")
SALES_ROLES = ("sales_rep", "sales_manager")


def list_rules(session: Session) -> list[RoutingRule]:
    return repository.rules(session)


def get_rule(session: Session, rule_id: int) -> RoutingRule:
    return found(session.get(RoutingRule, rule_id), f"routing rule {rule_id}")


def _clean_conditions(session: Session, data: RuleWrite) -> tuple[dict[str, Any], list[FieldError]]:
    """The kind's own conditions, plus ``when`` (any kind): a condition over the lead and
    its account, custom fields included, checked as a fit rule's is."""
    raw = dict(data.conditions or {})
    when = raw.pop("when", None)
    clean, errors = _clean_kind_conditions(data, raw, has_when=when is not None)
    if when is not None:
        errors += scoring.condition_errors(session, when, "conditions.when")
        clean["when"] = when
    return clean, errors


def _clean_kind_conditions(
    data: RuleWrite, raw: dict[str, Any], *, has_when: bool
) -> tuple[dict[str, Any], list[FieldError]]:
    errors: list[FieldError] = []
    if data.kind == "territory":
        unknown = sorted(set(raw) - set(TERRITORY_KEYS))
        if unknown:
            errors.append(
                FieldError(
                    f"conditions.{unknown[0]}",
                    f"unknown territory field; one of {', '.join(TERRITORY_KEYS)}, when",
                )
            )
        clean: dict[str, Any] = {}
        for key in TERRITORY_KEYS:
            values = raw.get(key, [])
            if isinstance(values, str):
                values = [v for v in (p.strip() for p in values.split(",")) if v]
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                errors.append(FieldError(f"conditions.{key}", "a list of words"))
                continue
            clean[key] = [v.strip() for v in values if v.strip()]
        for segment in clean.get("segments", []):
            if segment not in SEGMENTS:
                errors.append(
                    FieldError("conditions.segments", f"{segment!r}: one of {', '.join(SEGMENTS)}")
                )
        if not any(clean.values()) and not has_when:
            errors.append(
                FieldError(
                    "conditions",
                    "a territory needs a country, region, industry, segment or condition",
                )
            )
        return clean, errors
    if data.kind == "account_owner":
        unknown = sorted(set(raw) - {"target_only"})
        if unknown:
            errors.append(
                FieldError(f"conditions.{unknown[0]}", "only target_only and when are allowed")
            )
        return {"target_only": bool(raw.get("target_only", False))}, errors
    if raw:
        errors.append(FieldError("conditions", "round-robin takes no conditions but when"))
    return {}, errors


def _clean_rule(session: Session, data: RuleWrite) -> tuple[dict[str, Any], list[FieldError]]:
    conditions, errors = _clean_conditions(session, data)
    if data.owner_id is not None:
        owner = repository.users(session, [data.owner_id]).get(data.owner_id)
        if owner is None or not owner.is_active or owner.role not in SALES_ROLES:
            errors.append(FieldError("owner_id", "an active sales rep or manager"))
    if data.pool_id is not None and session.get(RoutingPool, data.pool_id) is None:
        errors.append(FieldError("pool_id", f"no team pool with id {data.pool_id}"))
    if data.kind == "round_robin" and data.pool_id is None:
        errors.append(FieldError("pool_id", "round-robin needs a team pool"))
    if data.kind == "territory" and (data.owner_id is None) == (data.pool_id is None):
        errors.append(FieldError("owner_id", "a territory goes to one rep or to one team pool"))
    if data.kind == "account_owner" and data.owner_id is not None:
        errors.append(FieldError("owner_id", "the account's owner decides; leave it empty"))
    return conditions, errors


def save_rule(
    session: Session, data: RuleWrite, *, actor: Actor, rule_id: int | None = None
) -> RoutingRule:
    """Add or change a rule; every mistake is a 422 naming the field, nothing saved."""
    require(actor, Action.ROUTING_EDIT)
    conditions, errors = _clean_rule(session, data)
    if errors:
        raise ValidationFailed("check the routing rule", errors)
    if rule_id is None:
        rule = RoutingRule(version=1)
        session.add(rule)
        change = "added"
    else:
        rule = get_rule(session, rule_id)
        if _rule_unchanged(rule, data, conditions):
            return rule
        rule.version += 1
        change = "changed"
    rule.name, rule.kind, rule.position, rule.active = (
        data.name,
        data.kind,
        data.position,
        data.active,
    )
    rule.conditions, rule.owner_id, rule.pool_id = conditions, data.owner_id, data.pool_id
    rule.respect_hours = data.respect_hours
    session.flush()
    publish(
        session,
        RoutingRuleChanged(
            rule_id=rule.id,
            name=rule.name,
            kind=rule.kind,
            change=change,
            at=clock.now(),
            actor=actor,
        ),
    )
    return rule


def _rule_unchanged(rule: RoutingRule, data: RuleWrite, conditions: dict[str, Any]) -> bool:
    """A PUT that says what the rule says already: no new version, no event."""
    saved = (rule.name, rule.kind, rule.position, rule.active, rule.conditions)
    given = (data.name, data.kind, data.position, data.active, conditions)
    return saved == given and (rule.owner_id, rule.pool_id, rule.respect_hours) == (
        data.owner_id,
        data.pool_id,
        data.respect_hours,
    )


def delete_rule(session: Session, rule_id: int, *, actor: Actor) -> None:
    require(actor, Action.ROUTING_EDIT)
    rule = get_rule(session, rule_id)
    event = RoutingRuleChanged(
        rule_id=rule.id,
        name=rule.name,
        kind=rule.kind,
        change="removed",
        at=clock.now(),
        actor=actor,
    )
    session.delete(rule)
    session.flush()
    publish(session, event)


def list_pools(session: Session) -> list[PoolRead]:
    pools = repository.pools(session)
    members = repository.members_of(session, [p.id for p in pools])
    return [
        PoolRead(
            id=p.id,
            name=p.name,
            manager_id=p.manager_id,
            picks=p.picks,
            members=[MemberRead.model_validate(m) for m in members if m.pool_id == p.id],
        )
        for p in pools
    ]


def get_pool(session: Session, pool_id: int) -> RoutingPool:
    return found(session.get(RoutingPool, pool_id), f"team pool {pool_id}")


def save_pool(
    session: Session, data: PoolWrite, *, actor: Actor, pool_id: int | None = None
) -> RoutingPool:
    """Add or change a team pool: its manager and weighted reps. A rep who stays keeps
    their round-robin credit; new reps start at zero."""
    require(actor, Action.ROUTING_EDIT)
    errors: list[FieldError] = []
    ids = [m.user_id for m in data.members]
    if len(set(ids)) != len(ids):
        errors.append(FieldError("members", "a rep is listed twice"))
    people = repository.users(session, [*ids, *([data.manager_id] if data.manager_id else [])])
    for index, member in enumerate(data.members):
        user = people.get(member.user_id)
        if user is None or not user.is_active or user.role not in SALES_ROLES:
            errors.append(FieldError(f"members.{index}.user_id", "an active sales rep or manager"))
    if data.manager_id is not None and data.manager_id not in people:
        errors.append(FieldError("manager_id", f"no user with id {data.manager_id}"))
    same_name = repository.pool_by_name(session, data.name)
    if same_name is not None and same_name.id != pool_id:
        raise ResourceAlreadyExists(f"a team pool named {data.name!r} exists")
    if errors:
        raise ValidationFailed("check the team pool", errors)
    if pool_id is None:
        pool = RoutingPool(name=data.name, manager_id=data.manager_id, picks=0)
        session.add(pool)
        session.flush()
    else:
        pool = get_pool(session, pool_id)
        pool.name, pool.manager_id = data.name, data.manager_id
    current = {m.user_id: m for m in repository.members(session, pool.id)}
    wanted = {m.user_id: m.weight for m in data.members}
    gone = [uid for uid in current if uid not in wanted]
    if gone:
        session.execute(
            delete(RoutingPoolMember).where(
                RoutingPoolMember.pool_id == pool.id, RoutingPoolMember.user_id.in_(gone)
            )
        )
    for uid, weight in wanted.items():
        if uid in current:
            current[uid].weight = weight
        else:
            session.add(RoutingPoolMember(pool_id=pool.id, user_id=uid, weight=weight, credit=0.0))
    session.flush()
    publish(
        session,
        RoutingPoolChanged(
            pool_id=pool.id,
            name=pool.name,
            members=tuple(sorted(wanted.items())),
            at=clock.now(),
            actor=actor,
        ),
    )
    return pool
