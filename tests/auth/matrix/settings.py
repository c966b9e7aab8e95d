"""The routes that configure Huddle (custom fields, users, tracking, scoring, routing,
webhooks, the SLA) and read its analytics, by action."""

from __future__ import annotations

import json
from typing import Any

from huddle.core.actor import SYSTEM
from huddle.predictive import service as predictive
from huddle.routing.models import Handoff
from huddle.scoring import service as scoring
from tests.auth.matrix.world import (
    EVENT_TYPE,
    PERSONA_CRITERIA,
    SCORE_RULE,
    SLA_TERMS,
    WEBHOOK,
    Build,
    Call,
    Route,
    World,
    api,
    email,
    key,
    ui,
    unique,
)
from tests.predictive.test_records import _history
from tests.tracking.factories import ORIGIN, THANKS

CONTACT = "/contacts/{contact_id:int}"


# --- custom fields and users --------------------------------------------------------------------

FIELD = {"entity": "contact", "label": "Tier", "field_type": "text"}
FIELDS = "/settings/fields"
FIELD_SETTINGS = [
    api("POST", "/custom-fields", json=lambda w, _: {**FIELD, "key": key("f")}),
    api("PATCH", "/custom-fields/{field_id:int}", "custom_field", {"label": "Tier"}),
    ui("GET", FIELDS),
    ui("POST", FIELDS, data=lambda w, _: {**FIELD, "key": key("f")}),
    ui("POST", f"{FIELDS}/{{field_id:int}}", "custom_field", {"label": "Tier"}),
    ui("POST", f"{FIELDS}/{{field_id:int}}/archive", "custom_field"),
    ui("POST", f"{FIELDS}/{{field_id:int}}/restore", "custom_field"),
]

NEW_USER = {"name": "New Person", "team": "sales", "role": "sales_rep"}
USER = "/users/{user_id:int}"
EDITED_USER = {"name": "Renamed", "team": "marketing", "role": "marketing", "is_active": "on"}
USER_SETTINGS = [
    api("GET", "/users"),
    api("POST", "/users", json=lambda w, _: {**NEW_USER, "email": email()}),
    api("GET", USER, "colleague"),
    api("PATCH", USER, "colleague", {"role": "marketing_ops"}),
    api("POST", f"{USER}/deactivate", "colleague"),
    ui("GET", "/settings/users"),
    ui("POST", "/settings/users", data=lambda w, _: {**NEW_USER, "email": email()}),
    ui("GET", f"/settings{USER}", "colleague"),
    ui("POST", f"/settings{USER}", "colleague", EDITED_USER),
]


# --- tracking ----------------------------------------------------------------------------------

SITE = {"allowed_origins": [ORIGIN], "allowed_redirects": [THANKS]}
SITE_FORM = {"allowed_origins": ORIGIN, "allowed_redirects": THANKS}
FORM_FIELDS = [{"name": "email", "label": "Work email", "type": "email", "required": True}]
FORM_PAGE = {"fields": "email, Work email, email, required", "thank_you_url": THANKS}


def _form(w: World, _: int | None) -> dict[str, Any]:
    site = w.make("site", None)
    return {"site_id": site, "name": unique("Form"), "fields": FORM_FIELDS, "thank_you_url": THANKS}


TRACKING_SETTINGS = [
    api("POST", "/tracking/sites", json=lambda w, _: {**SITE, "name": unique("Site")}),
    api("PATCH", "/tracking/sites/{site_id:int}", "site", {"name": "Renamed"}),
    api("POST", "/tracking/forms", json=_form),
    api("PATCH", "/tracking/forms/{form_id:int}", "form", {"name": "Renamed"}),
    api("POST", "/tracking/event-types", json=lambda w, _: {**EVENT_TYPE, "name": key("signed")}),
    api("PATCH", "/tracking/event-types/{event_type_id:int}", "event_type", {"label": "Won"}),
    ui("POST", "/settings/tracking/sites", data=lambda w, _: {**SITE_FORM, "name": unique("Site")}),
    ui("POST", "/settings/tracking/sites/{site_id}", "site", SITE_FORM),
    ui(
        "POST",
        "/settings/tracking/forms",
        data=lambda w, _: {**FORM_PAGE, "name": unique("Form"), "site_id": w.make("site", None)},
    ),
    ui(
        "POST",
        "/settings/tracking/forms/{form_id}",
        "form",
        lambda w, _: {**FORM_PAGE, "name": "Renamed"},
    ),
    ui(
        "POST",
        "/settings/tracking/event-types",
        data=lambda w, _: {**EVENT_TYPE, "name": key("signed")},
    ),
    ui("POST", "/settings/tracking/event-types/{event_type_id}", "event_type", EVENT_TYPE),
]


def _event(w: World, _: int | None) -> dict[str, Any]:
    event = {"type": "webinar_attended", "idempotency_key": unique("evt"), "email": email()}
    return {"events": [event]}


INGESTS = [api("POST", "/events", json=_event)]


# --- scoring -----------------------------------------------------------------------------------

MODEL, PROFILE = "/scoring/models/{model_id:int}", "/scoring/profiles/{profile_id:int}"
CRITERIA = {"touched": {"types": ["demo"]}}
PERSONA = {"kind": "persona", "criteria": PERSONA_CRITERIA}


def _model(w: World, _: int | None) -> dict[str, Any]:
    return {"name": unique("Model"), "rules": [SCORE_RULE]}


def _model_page(w: World, _: int | None) -> dict[str, Any]:
    return {"name": unique("Model"), "rules": json.dumps([SCORE_RULE])}


def _persona_page(w: World, _: int | None) -> dict[str, Any]:
    return {"kind": "persona", "name": unique("Persona"), "criteria": json.dumps(PERSONA_CRITERIA)}


def _seeded_history(w: World) -> None:
    """Leads with outcomes to learn from (seeded once per world)."""
    if not getattr(w, "_history_seeded", False):
        _history(w.db, count=120)
        w._history_seeded = True  # type: ignore[attr-defined]


def _model_version(url: str) -> Build:
    """Activate a predictive model trained on a small history (trained once per world)."""

    def build(w: World, _: int | None) -> Call:
        trained = getattr(w, "_trained_version", None)
        if trained is None:
            _seeded_history(w)
            trained = predictive.train_from_records(w.db, actor=SYSTEM, target="sql", seed=1).id
            w._trained_version = trained  # type: ignore[attr-defined]
        return Call("POST", url.format(id=trained))

    return build


def _adopt_suggestions(w: World, _: int | None) -> Call:
    """Adopt the first rule suggested from the seeded history."""
    _seeded_history(w)
    name = unique("Suggested")
    first = predictive.suggest_rules(w.db).items[0].key
    return Call(
        "POST",
        "/settings/scoring/predictive/suggestions/adopt",
        data={"name": name, "keys": [first]},
        happened=lambda: any(m.name == name for m in scoring.list_models(w.db)),
    )


SCORING_SETTINGS = [
    api("POST", "/scoring/models", json=_model),
    api("PUT", MODEL, "model", _model),
    api("DELETE", MODEL, "model"),
    api("POST", "/scoring/profiles", json=lambda w, _: {**PERSONA, "name": unique("Persona")}),
    api("PUT", PROFILE, "persona", lambda w, _: {**PERSONA, "name": unique("Persona")}),
    api("DELETE", PROFILE, "persona"),
    api(
        "PUT",
        "/scoring/criteria/{stage}",
        build=lambda w, _: Call(
            "PUT", "/api/v1/scoring/criteria/mql", json={"condition": CRITERIA}
        ),
    ),
    api("POST", "/scoring/backtest", json={"months": 1, "criteria": CRITERIA}),
    ui("POST", "/settings/scoring/models", data=_model_page),
    ui("POST", "/settings/scoring/models/{model_id}", "model", _model_page),
    ui("POST", "/settings/scoring/criteria/mql", data={"condition": json.dumps(CRITERIA)}),
    ui("POST", "/settings/scoring/profiles", data=_persona_page),
    ui("POST", "/settings/scoring/profiles/{profile_id}", "persona", _persona_page),
    ui("POST", "/settings/scoring/profiles/{profile_id}/delete", "persona"),
    ui("POST", "/settings/scoring/models/{model_id}/delete", "model"),
    api(
        "POST",
        "/predictive/models/{version_id:int}/activate",
        build=_model_version("/api/v1/predictive/models/{id}/activate"),
    ),
    ui(
        "POST",
        "/settings/scoring/predictive/{version_id}/activate",
        build=_model_version("/settings/scoring/predictive/{id}/activate"),
    ),
    ui("GET", "/settings/scoring/predictive/suggestions"),
    ui("POST", "/settings/scoring/predictive/suggestions/adopt", build=_adopt_suggestions),
]


# --- routing and webhooks ------------------------------------------------------------------------


def _route_form(w: World, _: int | None) -> Call:
    contact_id = w.make("mql", None)

    def routed() -> bool:
        return w.db.query(Handoff).filter_by(contact_id=contact_id).count() > 0

    return Call("POST", f"/contacts/{contact_id}/route", happened=routed)


RULE = {"kind": "account_owner"}
RULES, POOLS = "/settings/routing/rules", "/settings/routing/pools"
ROUTING_SETTINGS = [
    api("POST", "/routing/rules", json=lambda w, _: {**RULE, "name": unique("Rule")}),
    api(
        "PUT", "/routing/rules/{rule_id:int}", "rule", lambda w, _: {**RULE, "name": unique("Rule")}
    ),
    api("DELETE", "/routing/rules/{rule_id:int}", "rule"),
    api("POST", "/routing/pools", json=lambda w, _: {"name": unique("Pool")}),
    api("PUT", "/routing/pools/{pool_id:int}", "pool", lambda w, _: {"name": unique("Pool")}),
    api("POST", f"{CONTACT}/route", "mql"),
    ui("POST", RULES, data=lambda w, _: {**RULE, "name": unique("Rule"), "active": "on"}),
    ui("POST", f"{RULES}/{{rule_id:int}}", "rule", lambda w, _: {**RULE, "name": unique("Rule")}),
    ui("POST", f"{RULES}/{{rule_id:int}}/delete", "rule"),
    ui("POST", POOLS, data=lambda w, _: {"name": unique("Pool")}),
    ui("POST", f"{POOLS}/{{pool_id:int}}", "pool", lambda w, _: {"name": unique("Pool")}),
    ui("POST", "/contacts/{contact_id:int}/route", build=_route_form),
]

HOOK, HOOKS = "/webhooks/{webhook_id}", "/settings/routing/webhooks"
HOOK_EVENTS = {"events": "deal.won"}  # the page's boxes: at least one ticked
WEBHOOK_SETTINGS = [
    api("POST", "/webhooks", json=lambda w, _: {**WEBHOOK, "name": unique("Hook")}),
    api("PATCH", HOOK, "webhook", {"active": False}),
    api("DELETE", HOOK, "webhook"),
    api("POST", f"{HOOK}/test", "webhook"),
    api("GET", f"{HOOK}/deliveries", "webhook"),
    ui("POST", HOOKS, data=lambda w, _: {**WEBHOOK, "name": unique("Hook"), **HOOK_EVENTS}),
    ui(
        "POST",
        f"{HOOKS}/{{webhook_id:int}}",
        "webhook",
        {"url": WEBHOOK["url"], "active": "on", **HOOK_EVENTS},
    ),
    ui("POST", f"{HOOKS}/{{webhook_id:int}}/delete", "webhook"),
    ui("POST", f"{HOOKS}/{{webhook_id:int}}/test", "webhook"),
]


# --- the SLA -------------------------------------------------------------------------------------

CALENDAR = {"time_zone": "Europe/Berlin", "hours": {"mon": ["09:00", "18:00"]}}
CALENDAR_FORM = {"scope": "company", "time_zone": "UTC", "hours": json.dumps(CALENDAR["hours"])}
VERSION = "/sla/versions/{version_id:int}"
SLA_DRAFTS = [
    api("POST", "/sla/versions", json={"title": "SLA", "terms": SLA_TERMS}),
    api("PUT", VERSION, "sla_draft", {"title": "SLA v2", "terms": SLA_TERMS}),
    api(
        "PUT",
        "/sla/calendars/{scope}",
        build=lambda w, _: Call("PUT", "/api/v1/sla/calendars/team:sales", json=CALENDAR),
    ),
    ui("POST", "/sla/versions", data={"title": "SLA", "terms": json.dumps(SLA_TERMS)}),
    ui(
        "POST",
        "/sla/versions/{version_id}/edit",
        "sla_draft",
        {"title": "SLA v2", "terms": json.dumps(SLA_TERMS)},
    ),
    ui("POST", "/sla/calendars", data=CALENDAR_FORM),
    ui("POST", "/sla/review/draft"),
]


def signing(side: str) -> list[Route]:
    return [
        api("POST", f"{VERSION}/signatures", "sla_draft", {"side": side}),
        ui("POST", "/sla/versions/{version_id}/sign", "sla_draft", {"side": side}),
    ]


QUARTER = {"start": "2026-01-01T00:00:00Z", "end": "2026-04-01T00:00:00Z"}
ANALYTICS = [
    api("GET", "/sla/versions"),
    api(
        "GET",
        "/sla/compliance",
        build=lambda w, _: Call("GET", "/api/v1/sla/compliance", params=QUARTER),
    ),
    api("GET", "/sla/calendars"),
    api("GET", "/sla/dashboard"),
    api("GET", "/sla/pacing"),
    api("GET", "/sla/acceptance"),
    api("GET", "/sla/at-risk"),
    api("GET", "/sla/trend"),
    api("GET", "/sla/review"),
    ui("GET", "/sla"),
    ui("GET", "/sla/versions"),
    ui("GET", "/sla/review"),
]
