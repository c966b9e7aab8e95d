"""Sites, forms and the event-type registry: what marketing ops configures."""

from __future__ import annotations

import secrets
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from huddle.contacts import service as contacts
from huddle.core.actor import Actor
from huddle.core.errors import FieldError, ResourceAlreadyExists, ResourceNotFound, ValidationFailed
from huddle.core.events import publish
from huddle.core.permissions import Action, require
from huddle.tracking import repository
from huddle.tracking.events import TrackingConfigured
from huddle.tracking.models import EventType, Form, Site
from huddle.tracking.schemas import (
    EventTypeCreate,
    EventTypeUpdate,
    FormCreate,
    FormUpdate,
    SiteCreate,
    SiteUpdate,
)

T = TypeVar("T")
# The types a property may declare (``schemas.PropertyType``): touch properties are flat.
SCHEMA_TYPES = {"string", "number", "integer", "boolean", "array"}


def _found(row: T | None, what: str, key: object) -> T:
    if row is None:
        raise ResourceNotFound(f"{what} {key} not found")
    return row


def new_key(prefix: str) -> str:
    """A random public key: unguessable, so nobody can write to a site they do not know."""
    return f"{prefix}_{secrets.token_urlsafe(15)}"


# --- sites -----------------------------------------------------------------------------------


def list_sites(session: Session) -> list[Site]:
    return repository.sites(session)


def get_site(session: Session, site_id: int) -> Site:
    return _found(repository.site(session, site_id), "site", site_id)


def create_site(session: Session, data: SiteCreate, *, actor: Actor) -> Site:
    require(actor, Action.TRACKING_CONFIGURE)
    site = Site(
        name=data.name,
        site_key=new_key("site"),
        allowed_origins=_unique(data.allowed_origins),
        allowed_redirects=_unique(data.allowed_redirects),
    )
    repository.add(session, site)
    publish(session, TrackingConfigured(kind="site", id=site.id, actor=actor))
    return site


def update_site(session: Session, site_id: int, data: SiteUpdate, *, actor: Actor) -> Site:
    require(actor, Action.TRACKING_CONFIGURE)
    site = get_site(session, site_id)
    if data.name is not None:
        site.name = data.name
    if data.allowed_origins is not None:
        site.allowed_origins = _unique(data.allowed_origins)
    if data.allowed_redirects is not None:
        redirects = _unique(data.allowed_redirects)
        stranded = [
            f.name for f in repository.forms(session, site.id) if f.thank_you_url not in redirects
        ]
        if stranded:
            raise ValidationFailed(
                "forms still send people to a URL this removes",
                [
                    FieldError(
                        "allowed_redirects", f"still the thank-you URL of: {', '.join(stranded)}"
                    )
                ],
            )
        site.allowed_redirects = redirects
    session.flush()
    publish(session, TrackingConfigured(kind="site", id=site.id, actor=actor))
    return site


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


# --- forms -----------------------------------------------------------------------------------


def list_forms(session: Session, site_id: int | None = None) -> list[Form]:
    return repository.forms(session, site_id)


def get_form(session: Session, form_id: int) -> Form:
    return _found(repository.form(session, form_id), "form", form_id)


def get_form_by_key(session: Session, form_key: str) -> Form:
    return _found(repository.form_by_key(session, form_key), "form", form_key)


def create_form(session: Session, data: FormCreate, *, actor: Actor) -> Form:
    require(actor, Action.TRACKING_CONFIGURE)
    site = repository.site(session, data.site_id)
    if site is None:
        raise ValidationFailed(
            "bad form", [FieldError("site_id", f"no site with id {data.site_id}")]
        )
    fields = [f.model_dump() for f in data.fields]
    _check_form(site, fields, data.consent_field, data.thank_you_url, data.honeypot_field)
    form = Form(
        site_id=site.id,
        name=data.name,
        form_key=new_key("form"),
        fields=fields,
        consent_field=data.consent_field,
        consent_text=data.consent_text,
        thank_you_url=data.thank_you_url,
        honeypot_field=data.honeypot_field,
        min_fill_seconds=data.min_fill_seconds,
    )
    repository.add(session, form)
    publish(session, TrackingConfigured(kind="form", id=form.id, actor=actor))
    return form


def update_form(session: Session, form_id: int, data: FormUpdate, *, actor: Actor) -> Form:
    require(actor, Action.TRACKING_CONFIGURE)
    form = get_form(session, form_id)
    given = data.model_dump(exclude_unset=True)
    if "fields" in given:
        given["fields"] = [f.model_dump() for f in data.fields or []]
    merged = {
        name: given.get(name, getattr(form, name))
        for name in ("fields", "consent_field", "thank_you_url", "honeypot_field")
    }
    _check_form(get_site(session, form.site_id), **merged)
    for name, value in given.items():
        setattr(form, name, value)
    session.flush()
    publish(session, TrackingConfigured(kind="form", id=form.id, actor=actor))
    return form


def _check_form(
    site: Site,
    fields: list[dict[str, Any]],
    consent_field: str | None,
    thank_you_url: str,
    honeypot_field: str,
) -> None:
    by_name = {f["name"]: f for f in fields}
    errors = []
    if len(by_name) != len(fields):
        errors.append(FieldError("fields", "two fields have the same name"))
    if by_name.get("email", {}).get("type") != "email":
        errors.append(FieldError("fields", "a form needs a field named email of type email"))
    if consent_field is not None and by_name.get(consent_field, {}).get("type") != "checkbox":
        errors.append(
            FieldError("consent_field", f"'{consent_field}' is not a checkbox of this form")
        )
    if honeypot_field in by_name:
        errors.append(FieldError("honeypot_field", "must not be one of the form's fields"))
    if thank_you_url not in site.allowed_redirects:
        errors.append(FieldError("thank_you_url", "not one of the site's allowed redirect URLs"))
    if errors:
        raise ValidationFailed("bad form", errors)


# --- event types -----------------------------------------------------------------------------


def list_event_types(session: Session) -> list[EventType]:
    return repository.event_types(session)


def event_type_activity(session: Session, *, actor: Actor) -> dict[str, contacts.TouchActivity]:
    """Whether each registered type's touches are arriving (an integration that went quiet
    shows here first): the latest one and the last 24 hours' count, per type name."""
    require(actor, Action.TRACKING_CONFIGURE)
    return contacts.touch_activity(session, [t.name for t in repository.event_types(session)])


def get_event_type(session: Session, event_type_id: int) -> EventType:
    return _found(repository.event_type(session, event_type_id), "event type", event_type_id)


def create_event_type(session: Session, data: EventTypeCreate, *, actor: Actor) -> EventType:
    require(actor, Action.TRACKING_CONFIGURE)
    if repository.event_type_by_name(session, data.name) is not None:
        raise ResourceAlreadyExists(f"event type {data.name} exists already")
    check_properties_schema(data.properties_schema)
    event_type = EventType(**data.model_dump())
    repository.add(session, event_type)
    publish(session, TrackingConfigured(kind="event_type", id=event_type.id, actor=actor))
    return event_type


def update_event_type(
    session: Session, event_type_id: int, data: EventTypeUpdate, *, actor: Actor
) -> EventType:
    require(actor, Action.TRACKING_CONFIGURE)
    event_type = get_event_type(session, event_type_id)
    given = data.model_dump(exclude_unset=True, exclude_none=True)
    if "properties_schema" in given:
        check_properties_schema(given["properties_schema"])
    for name, value in given.items():
        setattr(event_type, name, value)
    session.flush()
    publish(session, TrackingConfigured(kind="event_type", id=event_type.id, actor=actor))
    return event_type


def check_properties_schema(schema: dict[str, Any]) -> None:
    """The JSON-schema subset Huddle checks events against: an object's property types and
    which properties are required."""
    if not schema:
        return
    errors = []
    if schema.get("type", "object") != "object":
        errors.append(FieldError("properties_schema.type", "must be object"))
    properties = schema.get("properties", {})
    if not isinstance(properties, dict):
        errors.append(FieldError("properties_schema.properties", "must be an object"))
        properties = {}
    for name, spec in properties.items():
        if not isinstance(spec, dict) or spec.get("type") not in SCHEMA_TYPES:
            errors.append(
                FieldError(
                    f"properties_schema.properties.{name}",
                    f"type must be one of {', '.join(sorted(SCHEMA_TYPES))}",
                )
            )
    required = schema.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        errors.append(FieldError("properties_schema.required", "must be a list of names"))
    if errors:
        raise ValidationFailed("bad properties schema", errors)
