"""Play the story through the real services, each event at its own historic time.

A :class:`FrozenClock` is installed for the duration and set to every event's time before
the service is called, so created_at, stage-entry times and consent records read as if it
all happened then. Everything goes through the same services a person's clicks would, so
the demo can only contain what the rules allow. Nothing is committed here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huddle import subscribers
from huddle.assets import service as assets
from huddle.assets.schemas import AssetWrite
from huddle.auth import service as auth_service
from huddle.auth.passwords import hash_password
from huddle.auth.schemas import UserCreate
from huddle.campaigns.models import Campaign
from huddle.contacts import service as contacts_service
from huddle.contacts.schemas import (
    AccountCreate,
    AccountUpdate,
    ContactCreate,
    ContactFilters,
    CustomFieldDefinitionCreate,
    TouchCreate,
)
from huddle.core import clock
from huddle.core.actor import SYSTEM, Actor
from huddle.core.stages import FUNNEL
from huddle.demo import catalog, configuration
from huddle.demo.bulk import TouchWriter, edge_touches
from huddle.demo.desk import SalesDesk
from huddle.demo.journey import fresh_days
from huddle.demo.plan import (
    AddContactRole,
    AddNote,
    ChangeConsent,
    CloseOpportunity,
    CreateAccount,
    CreateContact,
    DemoPlan,
    DraftAgreement,
    Event,
    MoveOpportunity,
    OpenOpportunity,
    RecordTouch,
    RejectLead,
    SetAway,
    SignAgreement,
    TransitionStage,
    UpdateAccountCustom,
)
from huddle.demo.story import build_plan
from huddle.demo.timeline import anchor_of
from huddle.lifecycle import service as lifecycle
from huddle.lifecycle.schemas import ContactRole, OpportunityCreate
from huddle.notifications import service as notifications
from huddle.routing import service as routing
from huddle.routing.events import SALES_ACTIVITY_TYPES
from huddle.routing.models import Handoff
from huddle.scoring import service as scoring
from huddle.sla.models import SlaClock


@dataclass
class LoadSummary:
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def load_demo(session: Session, *, seed: int = 2026, contacts: int = 3000) -> LoadSummary:
    """Write the demo company into ``session``, which should hold no contacts yet (the
    caller checks with :func:`has_contacts`, and commits).

    The story ends at the start of today by the current clock, so two loads with the same
    seed on the same day are identical.
    """
    started = time.perf_counter()
    subscribers.register()
    plan = build_plan(seed=seed, contacts=contacts, anchor=anchor_of(clock.now()))
    frozen = clock.FrozenClock(plan.anchor)
    previous = clock.use_clock(frozen)
    try:
        player = _Player(session, plan, frozen)
        player.play()
        # Every touch counted, the last week's bulk ones too, as of the story's end: the
        # leads the MQL criteria qualify then are routed then.
        player.rescore(plan.anchor, reason="demo loaded")
    finally:
        clock.use_clock(previous)
    session.flush()
    # The story's hand-off and SLA emails went out back then; its last week is still unread.
    notifications.settle_history(
        session, delivered_before=plan.anchor, read_before=plan.anchor - timedelta(days=7)
    )
    contacts_service.refresh_statistics(session)
    counts = {
        "users": len(player.users),
        "campaigns": len(player.campaigns),
        "accounts": len(player.accounts),
        "contacts": len(player.contacts),
        "touches": plan.count(RecordTouch),
        "stage changes": plan.count(TransitionStage) + plan.count(RejectLead),
        "rejections": plan.count(RejectLead),
        "opportunities": len(player.opportunities),
        "won": sum(1 for e in plan.events if isinstance(e, CloseOpportunity) and e.won),
        "lost": sum(1 for e in plan.events if isinstance(e, CloseOpportunity) and not e.won),
        "notes": plan.count(AddNote),
        **_handoff_counts(session),
    }
    return LoadSummary(seconds=time.perf_counter() - started, counts=counts)


class _Player:
    """Maps the plan's keys to database ids as it creates things, and calls the services."""

    def __init__(self, session: Session, plan: DemoPlan, frozen: clock.FrozenClock) -> None:
        self.session, self.plan, self.clock = session, plan, frozen
        self.users: dict[str, int] = {}
        # email -> (role, team): demo users act with their real permissions.
        self.roles: dict[str, tuple[str, str]] = {}
        self.campaigns: dict[str, int] = {}
        self.assets: dict[str, int] = {}
        self.accounts: dict[int, int] = {}
        self.contacts: dict[int, int] = {}
        self.opportunities: dict[int, int] = {}
        # opportunity key -> the rep who owns the deal (and so acts on it).
        self.deal_owner: dict[int, str] = {}
        self.account_of: dict[int, int] = {}
        # Holding what we created keeps it in the session's (weak) identity map: each
        # service call then finds its contact, account, owner or campaign without a SELECT.
        self.loaded: list[object] = []
        self.edges = edge_touches(plan.events)
        self.touches = TouchWriter(session)
        self.handlers: dict[type[Event], Callable[[Any], None]] = {
            CreateAccount: self.create_account,
            CreateContact: self.create_contact,
            RecordTouch: self.record_touch,
            TransitionStage: self.transition,
            RejectLead: self.reject,
            ChangeConsent: self.change_consent,
            AddNote: self.add_note,
            OpenOpportunity: self.open_opportunity,
            AddContactRole: self.add_role,
            MoveOpportunity: self.move_opportunity,
            CloseOpportunity: self.close_opportunity,
            UpdateAccountCustom: self.update_account_custom,
            DraftAgreement: lambda event: self.desk.draft(event),
            SignAgreement: lambda event: self.desk.sign(event),
            SetAway: lambda event: self.desk.set_away(event),
        }

    def play(self) -> None:
        # The team and the set-up exist two weeks before the story begins.
        self.clock.set(
            self.plan.events[0].at - timedelta(days=14) if self.plan.events else self.plan.anchor
        )
        self.create_users()
        self.desk = SalesDesk(self.session, self.clock, self.users, self.roles)
        self.create_setup()
        configure_at: datetime | None = min(fresh_days(self.plan.anchor))
        for event in self.plan.events:
            if configure_at is not None and event.at >= configure_at:
                self.configure(configure_at)
                configure_at = None
            self.desk.catch_up(event.at)
            self.clock.set(event.at)
            self.handlers[type(event)](event)
        if configure_at is not None:
            self.configure(configure_at)
        self.desk.catch_up(self.plan.anchor)
        self.touches.flush()

    def configure(self, at: datetime) -> None:
        """Marketing-ops' website, form and scoring, just before the fresh MQLs: their
        hand-off packets carry scores, and the story before stays cheap to play."""
        self.touches.flush()
        self.clock.set(at)
        configuration.configure(self.session, ops=self.actor(catalog.MARKETING_OPS_EMAIL))
        self.route_qualified()

    def rescore(self, at: datetime, *, reason: str) -> None:
        self.touches.flush()
        self.clock.set(at)
        scoring.rescore_all(
            self.session, reason=reason, actor=self.actor(catalog.MARKETING_OPS_EMAIL)
        )
        self.route_qualified()

    def route_qualified(self) -> None:
        """The leads the MQL criteria just qualified go to sales, as any MQL does."""
        self.desk.route_rule_qualified({cid: key for key, cid in self.contacts.items()})

    # --- set-up -----------------------------------------------------------------------------

    def create_users(self) -> None:
        existing = {user.email: user.id for user in auth_service.list_users(self.session)}
        # argon2 is slow on purpose (and slower still on a busy machine): hash the one
        # documented demo password once and give every new demo user that hash.
        shared_hash = hash_password(catalog.DEMO_PASSWORD)
        for planned in self.plan.users:
            self.roles[planned.email] = (planned.role, planned.team)
            if planned.email in existing:
                self.users[planned.email] = existing[planned.email]
                continue
            user = auth_service.create_user(
                self.session,
                UserCreate(
                    email=planned.email,
                    name=planned.name,
                    team=planned.team,
                    role=planned.role,
                    manager_id=self.users.get(planned.manager_email or ""),
                    **catalog.work_pattern(planned.email, planned.role),
                ),
                actor=SYSTEM,
            )
            user.password_hash = shared_hash
            self.users[planned.email] = user.id
            self.loaded.append(user)
        self.session.flush()

    def create_setup(self) -> None:
        ops = self.actor(catalog.MARKETING_OPS_EMAIL)
        for definition in self.plan.custom_fields:
            contacts_service.define_custom_field(
                self.session,
                CustomFieldDefinitionCreate(
                    entity=definition.entity,
                    key=definition.key,
                    label=definition.label,
                    field_type=definition.field_type,
                    choices=list(definition.choices),
                ),
                actor=ops,
            )
        # Campaigns have no service of their own yet: they are plain configuration rows.
        rows = [
            Campaign(
                name=planned.name,
                channel=planned.channel,
                utm_campaign=planned.utm_campaign,
                starts_on=planned.starts_on,
                ends_on=planned.ends_on,
                budget=planned.budget,
            )
            for planned in self.plan.campaigns
        ]
        self.session.add_all(rows)
        self.session.flush()
        self.loaded.extend(rows)
        self.campaigns = {
            planned.key: row.id for planned, row in zip(self.plan.campaigns, rows, strict=True)
        }
        self.assets = self._library(ops, approver=self.actor(catalog.ADMIN_EMAIL))
        self.desk.configure_routing(ops)
        configuration.agree_on_mqls(self.session, ops=ops)

    def _library(self, author: Actor, *, approver: Actor) -> dict[str, int]:
        """The content both teams share, approved, so a download names its asset and the
        "send the next best asset" step has a library to choose from."""
        ids = {}
        for path, title, kind in catalog.ASSETS:
            draft = AssetWrite(title=title, url=catalog.SITE + path, kind=kind)
            made = assets.create_asset(self.session, draft, actor=author)
            assets.set_asset_status(self.session, made.id, "approved", actor=approver)
            ids[title] = made.id
        return ids

    # --- events -----------------------------------------------------------------------------

    def actor(self, who: str | None, contact_key: int | None = None) -> Actor:
        """Who acts; a sales rep acting on a contact is the rep routing gave it to."""
        who = self.desk.rep(who, contact_key)
        return self._actor(who)

    def deal_actor(self, who: str, opportunity_key: int) -> Actor:
        """The deal's owner does what the plan's rep does on a deal."""
        if self.roles.get(who, ("", ""))[0] == "sales_rep":
            who = self.deal_owner[opportunity_key]
        return self._actor(who)

    def _actor(self, who: str | None) -> Actor:
        if who is None or who == "contact":
            return Actor("contact")
        if "@" in who:
            role, team = self.roles[who]
            return Actor.user(self.users[who], role=role, team=team)
        kind, _, label = who.partition(":")
        if kind == "criteria":
            return self._criteria_actor(label)
        return Actor(kind, label=label)  # type: ignore[arg-type]

    def _criteria_actor(self, stage: str) -> Actor:
        """The criteria in force move the contact, named as their own moves name them."""
        active = scoring.active_criteria(self.session, stage)
        if active is None:
            raise ValueError(f"the story moves a contact by {stage} criteria, and none are set")
        return Actor("rule", label=active.label)

    def create_account(self, event: CreateAccount) -> None:
        account, _ = contacts_service.upsert_account(
            self.session,
            AccountCreate(
                name=event.name,
                domain=event.domain,
                industry=event.industry,
                employee_count=event.employee_count,
                annual_revenue=event.annual_revenue,
                country=event.country,
                region=event.region,
                city=event.city,
                technologies=list(event.technologies),
                owner_id=self.users[event.owner],
                is_target=event.is_target,
            ),
            actor=self.actor(catalog.MARKETING_OPS_EMAIL),
        )
        self.accounts[event.key] = account.id
        self.loaded.append(account)

    def create_contact(self, event: CreateContact) -> None:
        contact, _ = contacts_service.upsert_contact(
            self.session,
            ContactCreate(
                email=event.email,
                first_name=event.first_name,
                last_name=event.last_name,
                job_title=event.job_title,
                seniority=event.seniority,
                department=event.department,
                phone=event.phone,
                country=event.country,
                city=event.city,
                account_id=self.accounts[event.account_key],
                owner_id=self.users[event.owner] if event.owner else None,
                lifecycle_stage=event.stage,
                email_opt_in=event.email_opt_in,
                consent_source=event.consent_source,
                consent_text_shown=event.consent_text,
                custom={"persona": event.persona},
            ),
            actor=self.actor(event.actor),
        )
        self.contacts[event.key] = contact.id
        self.account_of[contact.id] = self.accounts[event.account_key]
        self.loaded.append(contact)

    def record_touch(self, event: RecordTouch) -> None:
        data = TouchCreate(
            type=event.type,
            occurred_at=event.occurred_at or event.at,
            properties=event.properties,
            campaign_id=self.campaigns[event.campaign_key] if event.campaign_key else None,
            asset_id=self.assets.get(event.properties.get("asset", "")),
            contact_id=self.contacts[event.contact_key],
        )
        actor = self.actor(event.actor, event.contact_key)
        # A lead's first sales touch after a hand-off goes through the service too: it
        # stops the SLA's first-touch clock.
        first_sales = event.type in SALES_ACTIVITY_TYPES and self.desk.first_sales_touch(
            event.contact_key
        )
        if id(event) in self.edges or first_sales:
            contacts_service.record_touch(self.session, data, actor=actor)
        else:
            assert data.contact_id is not None
            self.touches.add(data, account_id=self.account_of[data.contact_id], actor=actor)

    def transition(self, event: TransitionStage) -> None:
        contact_id = self.contacts[event.contact_key]
        if self._already_past(contact_id, event.to_stage):
            current = contacts_service.get_contact(self.session, contact_id).lifecycle_stage
            if event.to_stage == current == "mql":
                # Qualified by the criteria on a touch: routed as the worker would.
                self.desk.routed(event.contact_key, contact_id)
            return
        actor = self.actor(event.actor, event.contact_key)
        handoff = self.desk.open_handoff(contact_id) if event.to_stage == "sal" else None
        if handoff is not None:
            routing.accept_handoff(self.session, handoff.id, actor=actor)
        else:
            lifecycle.transition_stage(
                self.session, contact_id, event.to_stage, actor=actor, reason=event.reason
            )
        if event.to_stage == "mql":
            self.desk.routed(event.contact_key, contact_id)

    def _already_past(self, contact_id: int, to_stage: str) -> bool:
        """Whether the live rules moved the contact to or past the plan's stage already:
        once scoring is configured, a planned subscriber's download can qualify it before
        the plan's own move to Lead, and the MQL criteria before the plan's own move to MQL,
        which then no longer apply."""
        current = contacts_service.get_contact(self.session, contact_id).lifecycle_stage
        return (
            current in FUNNEL
            and to_stage in FUNNEL
            and FUNNEL.index(current) >= FUNNEL.index(to_stage)
        )

    def reject(self, event: RejectLead) -> None:
        contact_id = self.contacts[event.contact_key]
        actor = self.actor(event.actor, event.contact_key)
        handoff = self.desk.open_handoff(contact_id)
        if handoff is not None:
            routing.reject_handoff(
                self.session,
                handoff.id,
                reason_code=event.reason_code,
                note=event.note,
                actor=actor,
            )
            return
        lifecycle.reject_lead(
            self.session,
            contact_id,
            reason_code=event.reason_code,
            note=event.note,
            actor=actor,
        )

    def change_consent(self, event: ChangeConsent) -> None:
        contacts_service.set_consent(
            self.session,
            self.contacts[event.contact_key],
            field=event.consent_field,
            value=event.value,
            source=event.source,
            text_shown=event.text_shown,
            actor=self.actor(event.actor, event.contact_key),
        )

    def add_note(self, event: AddNote) -> None:
        if event.opportunity_key is not None:
            lifecycle.add_deal_note(
                self.session,
                self.opportunities[event.opportunity_key],
                body=event.body,
                actor=self.deal_actor(event.author, event.opportunity_key),
            )
            return
        contacts_service.add_note(
            self.session,
            contact_id=self.contacts[event.contact_key] if event.contact_key is not None else None,
            account_id=self.accounts[event.account_key] if event.account_key is not None else None,
            body=event.body,
            actor=self.actor(event.author, event.contact_key),
        )

    def open_opportunity(self, event: OpenOpportunity) -> None:
        contact_id = self.contacts[event.primary_contact_key]
        owner = self.desk.rep(event.owner, event.primary_contact_key) or event.owner
        self.deal_owner[event.key] = owner
        opportunity = lifecycle.create_opportunity(
            self.session,
            OpportunityCreate(
                name=event.name,
                account_id=self.accounts[event.account_key],
                primary_contact_id=contact_id,
                amount=event.amount,
                expected_close_date=event.expected_close_date,
                owner_id=self.users[owner],
                contacts=[ContactRole(contact_id=contact_id, role=event.role)],
            ),
            actor=self._actor(owner),
        )
        self.opportunities[event.key] = opportunity.id

    def add_role(self, event: AddContactRole) -> None:
        lifecycle.add_contact_role(
            self.session,
            self.opportunities[event.opportunity_key],
            self.contacts[event.contact_key],
            role=event.role,
            actor=self.deal_actor(event.actor, event.opportunity_key),
        )

    def move_opportunity(self, event: MoveOpportunity) -> None:
        lifecycle.move_opportunity(
            self.session,
            self.opportunities[event.opportunity_key],
            event.pipeline_stage,
            actor=self.deal_actor(event.actor, event.opportunity_key),
        )

    def close_opportunity(self, event: CloseOpportunity) -> None:
        lifecycle.close_opportunity(
            self.session,
            self.opportunities[event.opportunity_key],
            won=event.won,
            reason=event.reason,
            actor=self.deal_actor(event.actor, event.opportunity_key),
        )

    def update_account_custom(self, event: UpdateAccountCustom) -> None:
        contacts_service.update_account(
            self.session,
            self.accounts[event.account_key],
            AccountUpdate(custom=event.custom),
            actor=self.actor(event.actor),
        )


def _handoff_counts(session: Session) -> dict[str, int]:
    statuses = dict(
        session.execute(select(Handoff.status, func.count()).group_by(Handoff.status)).all()
    )
    clocks = dict(
        session.execute(select(SlaClock.state, func.count()).group_by(SlaClock.state)).all()
    )
    return {
        "hand-offs": sum(statuses.values()),
        "open hand-offs": statuses.get("open", 0),
        "SLA clocks met": clocks.get("met", 0),
        "SLA clocks breached": clocks.get("breached", 0),
    }


def has_contacts(session: Session) -> bool:
    return bool(contacts_service.list_contacts(session, ContactFilters(), limit=1).items)
