"""Saved views: named contact-list filters, private to their owner or shared."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huddle.contacts import repository
from huddle.contacts.models import SavedView
from huddle.contacts.schemas import SavedViewCreate
from huddle.contacts.service.common import require
from huddle.contacts.service.contacts import custom_sorting
from huddle.contacts.service.custom_filters import custom_conditions
from huddle.core.actor import Actor
from huddle.core.errors import NotPermitted


def save_view(session: Session, data: SavedViewCreate, *, actor: Actor) -> SavedView:
    """Save the actor's filters and sort under a name (the sort is kept with the filters).
    Conditions on custom fields must fit the fields (422 naming ``filters.where.<i>``)."""
    custom_conditions(session, data.filters.where, path="filters.where")
    stored = data.filters.model_dump(mode="json", exclude_defaults=True)
    stored["sort"] = data.sort.value
    if data.columns:
        stored["columns"] = [column.value for column in data.columns]
    if data.sort_field:
        custom_sorting(session, data.sort_field)  # 422 unless a sortable custom field
        stored["sort_field"] = data.sort_field
    view = SavedView(name=data.name, owner_id=actor.user_id, shared=data.shared, filters=stored)
    session.add(view)
    session.flush()
    return view


def list_views(session: Session, *, user_id: int | None) -> list[SavedView]:
    """The user's own views and every shared one, by name."""
    return repository.saved_views_visible_to(session, user_id)


def get_view(session: Session, view_id: int, *, user_id: int | None) -> SavedView:
    view = repository.saved_view(session, view_id)
    # Someone else's private view does not exist as far as this user can tell.
    if view is not None and not view.shared and view.owner_id != user_id:
        view = None
    return require(view, "saved view", view_id)


def delete_view(session: Session, view_id: int, *, actor: Actor) -> None:
    """Only its owner deletes a view, shared or not."""
    view = get_view(session, view_id, user_id=actor.user_id)
    if view.owner_id != actor.user_id:
        raise NotPermitted("only the owner of a saved view can delete it")
    repository.delete_row(session, view)
