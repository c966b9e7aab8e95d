"""The small pieces of markup a table repeats on every row (a time, a stage badge, an owner,
a contact's first cell), made in Python rather than as Jinja macros.

A page of the contact list shows 50 rows of about ten such pieces; as macros they took most
of the page's rendering time (bench/list.py), each call to a macro costing far more than the
markup it makes (and ``Markup.format`` costs as much again: these escape each value into
an f-string). ``_ui.html`` exports them under the macros' names (``ui.time``,
``ui.owner``...), so every template calls them as before. Everything shown is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from markupsafe import escape as e

from huddle.core.permissions import Action, may
from huddle.web import format as fmt

_DASH = Markup('<span class="faint">—</span>')


def _html(built: str) -> Markup:
    """Markup built by an f-string in which every value went through ``e`` (escape): four
    times as fast as ``Markup.format``, and the one place here that marks HTML safe."""
    return Markup(built)  # noqa: S704


def avatar(name: str | None, cls: str = "") -> Markup:
    return _html(f'<span class="avatar {e(cls)}" aria-hidden="true">{e(fmt.initials(name))}</span>')


def time(value: datetime | None) -> Markup:
    """A moment as people read it ("3 h ago"), the exact one in its tooltip."""
    if not value:
        return Markup('<span class="muted">—</span>')
    moment, exact = e(fmt.iso_time(value)), e(fmt.absolute_time(value))
    return _html(f'<time datetime="{moment}" title="{exact}">{e(fmt.relative_time(value))}</time>')


def stage_badge(stage: str | None) -> Markup:
    return _html(f'<span class="badge stage-{e(stage)}">{e(fmt.stage_label(stage))}</span>')


def score(value: int) -> Markup:
    band = "score-high" if value >= 70 else ("score-mid" if value >= 40 else "score-low")
    return _html(f'<span class="score {band}">{e(value)}</span>')


def owner(users: Mapping[int, Any], owner_id: int | None) -> Markup:
    """The owner's avatar and name (``users``: by id), or "Unassigned"."""
    user = users.get(owner_id) if owner_id else None
    if not user:
        return Markup('<span class="faint">Unassigned</span>')
    return _html(f'<span class="owner">{avatar(user.name)}{e(user.name)}</span>')


def company_link(contact: Any) -> Markup:
    account = contact.account
    if not account:
        return _DASH
    return _html(f'<a href="/accounts/{e(account.id)}">{e(account.name)}</a>')


def last_touch(contact: Any) -> Markup:
    if not contact.last_touch_at:
        return _DASH
    # When above where from, on two lines: the list's widest column would otherwise push the
    # table past a 1,400 px window. A touch with no source (a call logged, an imported
    # activity) says no source: "direct" would be web traffic's word.
    source = contact.last_touch_source
    where = f'<span class="muted sub">{e(source)}</span>' if source else ""
    return _html(f'<span class="two-line">{time(contact.last_touch_at)}{where}</span>')


def sees_personal(context: Any) -> bool:
    """Whether the page's reader may see contacts' personal data (emails)."""
    actor = getattr(context["request"].state, "actor", None)
    return actor is not None and may(actor, Action.CONTACT_READ_PERSONAL)


def person(record: Any, *, personal: bool) -> str:
    """A contact's or user's name; the email stands in only for readers who may see it
    (``personal``)."""
    if personal or getattr(record, "name", None):
        return fmt.person_name(record)
    parts = [getattr(record, "first_name", None), getattr(record, "last_name", None)]
    return " ".join(p for p in parts if p) or f"Contact #{getattr(record, 'id', '?')}"


@pass_context
def contact_cell(context: Any, contact: Any, second: str | None = None) -> Markup:
    """A contact as the first cell of a table row or a list item: avatar, linked name and a
    second line (``second``, else the email for readers who may see it)."""
    personal = sees_personal(context)
    name = person(contact, personal=personal)
    if second is not None:
        below = f"<small>{e(second)}</small>"
    elif personal:
        email = contact.email or ""
        below = f'<small title="{e(email)}">{e(email)}</small>'
    else:
        below = "<small></small>"
    link = f'<a href="/contacts/{e(contact.id)}">{e(name)}</a>'
    return _html(f'<div class="cell-main">{avatar(name)}<div class="t">{link}{below}</div></div>')


# The names ``_ui.html`` exports them under (the macros they replaced).
CELLS = {
    "avatar": avatar,
    "time": time,
    "stage_badge": stage_badge,
    "score": score,
    "owner": owner,
    "company_link": company_link,
    "last_touch": last_touch,
    "contact_cell": contact_cell,
}
