"""Mappings saved by name: the columns of a file the team imports again and again (this
month's webinar list, the partner's export), mapped once. Shared by everyone who imports."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy.orm import Session

from huddle.contacts.importing import wizard_repository as repository
from huddle.contacts.importing.mapping import manual_mapping
from huddle.contacts.importing.models import ImportMapping
from huddle.contacts.importing.schemas import ImportMappingCreate, ImportMappingUpdate
from huddle.contacts.service import list_custom_fields
from huddle.core import permissions
from huddle.core.actor import Actor
from huddle.core.errors import (
    FieldError,
    ResourceAlreadyExists,
    ResourceNotFound,
    ValidationFailed,
)
from huddle.core.permissions import Action

MAX_NAME = 120


def list_mappings(session: Session, *, actor: Actor) -> list[ImportMapping]:
    """Every saved mapping, by name."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    return repository.mappings(session)


def get_mapping(session: Session, mapping_id: int, *, actor: Actor) -> ImportMapping:
    permissions.require(actor, Action.CONTACT_IMPORT)
    found = repository.mapping(session, mapping_id)
    if found is None:
        raise ResourceNotFound(f"import mapping {mapping_id} not found")
    return found


def create_mapping(session: Session, data: ImportMappingCreate, *, actor: Actor) -> ImportMapping:
    """Save a mapping under a name no other mapping has; its fields are checked as an
    import checks them (a known field or an existing custom field, each at most once)."""
    permissions.require(actor, Action.CONTACT_IMPORT)
    _check_name_free(session, data.name)
    saved = ImportMapping(
        name=data.name, mapping=check_mapping(session, data.mapping), by_user_id=actor.user_id
    )
    session.add(saved)
    session.flush()
    return saved


def update_mapping(
    session: Session, mapping_id: int, data: ImportMappingUpdate, *, actor: Actor
) -> ImportMapping:
    saved = get_mapping(session, mapping_id, actor=actor)
    if data.name is not None and data.name != saved.name:
        _check_name_free(session, data.name)
        saved.name = data.name
    if data.mapping is not None:
        saved.mapping = check_mapping(session, data.mapping)
    session.flush()
    return saved


def save_mapping_as(
    session: Session, name: str, mapping: Mapping[str, str | None], *, actor: Actor
) -> ImportMapping:
    """Save ``mapping`` under ``name``, replacing the one of that name if there is one."""
    name = check_name(name)
    existing = repository.mapping_named(session, name)
    if existing is None:
        return create_mapping(
            session, ImportMappingCreate(name=name, mapping=dict(mapping)), actor=actor
        )
    return update_mapping(
        session, existing.id, ImportMappingUpdate(mapping=dict(mapping)), actor=actor
    )


def check_name(name: str) -> str:
    """The name to save a mapping under, trimmed; ValidationFailed if it cannot be one."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME:
        raise ValidationFailed(
            "the name cannot be used",
            [FieldError("save_as", f"a name of 1 to {MAX_NAME} characters")],
        )
    return name


def delete_mapping(session: Session, mapping_id: int, *, actor: Actor) -> None:
    get_mapping(session, mapping_id, actor=actor)
    repository.delete_mapping(session, mapping_id)


def matching_mappings(
    session: Session, header: Collection[str], *, actor: Actor
) -> list[ImportMapping]:
    """The saved mappings a file with ``header`` can use: it has every column they map."""
    present = set(header)
    return [
        saved
        for saved in list_mappings(session, actor=actor)
        if {h for h, target in saved.mapping.items() if target} <= present
    ]


def check_mapping(session: Session, mapping: Mapping[str, str | None]) -> dict[str, str | None]:
    """The mapping with its skipped columns as null; ValidationFailed naming each problem."""
    keys = [d.key for d in list_custom_fields(session, "contact")]
    manual_mapping(list(mapping), mapping, custom_keys=keys)
    return {header: target or None for header, target in mapping.items()}


def _check_name_free(session: Session, name: str) -> None:
    if repository.mapping_named(session, name) is not None:
        raise ResourceAlreadyExists(f"a mapping named '{name}' already exists")
