"""Formatting for templates: times, money, stage labels, query strings. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from huddle.core import clock
from huddle.core.stages import PIPELINE_STAGES, STAGES

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


def relative_time(value: datetime | None) -> str:
    """'just now', '5 min ago', '3 h ago', 'yesterday', '4 days ago', else the date."""
    if value is None:
        return "—"
    seconds = (clock.now() - value).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "just now"
    for limit, size, unit in ((3600, 60, "min"), (86400, 3600, "h")):
        if seconds < limit:
            amount = int(seconds // size)
            return f"in {amount} {unit}" if future else f"{amount} {unit} ago"
    days = int(seconds // 86400)
    if days == 1:
        return "tomorrow" if future else "yesterday"
    if days < 30:
        return f"in {days} days" if future else f"{days} days ago"
    return short_date(value)


def local_today(time_zone: str) -> date:
    """Today's date where the reader is (a deal closing "today" is not overdue in Tokyo
    while it still is today there). An unknown zone reads as UTC."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return clock.now().astimezone(zone).date()


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    this_year = clock.now().year
    if value.year == this_year:
        return f"{value.day} {value:%b}"
    return f"{value.day} {value:%b %Y}"


def absolute_time(value: datetime | None) -> str:
    """The exact moment, in UTC, for tooltips and detail panels."""
    if value is None:
        return "—"
    value = value.astimezone(UTC)
    return f"{value.day} {value:%b %Y, %H:%M} UTC"


def iso_time(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat() if value is not None else ""


def money(amount: float | int | None, currency: str = "USD") -> str:
    if amount is None:
        return "—"
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def money_short(amount: float | int | None, currency: str = "USD") -> str:
    """$950, $12.5k, $1.2M — for board totals where space is tight."""
    if amount is None:
        return "—"
    for threshold, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if abs(amount) >= threshold:
            scaled = f"{amount / threshold:.1f}".removesuffix(".0")
            symbol = CURRENCY_SYMBOLS.get(currency.upper())
            return f"{symbol}{scaled}{suffix}" if symbol else f"{scaled}{suffix} {currency}"
    return money(amount, currency)


def number(value: int | float | None) -> str:
    return "—" if value is None else f"{value:,}"


def about(value: int) -> str:
    """An estimated count in words that do not pretend to precision: "about 1.2 million",
    "about 48,000" (two significant figures)."""
    if value >= 1_000_000:
        return f"about {value / 1_000_000:.1f} million".replace(".0 ", " ")
    digits = len(str(value))
    rounded = round(value, 2 - digits) if digits > 2 else value
    return f"about {rounded:,}"


def stage_label(stage: str | None) -> str:
    if stage is None:
        return "—"
    return STAGES.get(stage, stage.replace("_", " ").capitalize())


def pipeline_label(stage: str | None) -> str:
    if stage is None:
        return "—"
    entry = PIPELINE_STAGES.get(stage)
    return entry[0] if entry else stage.replace("_", " ").capitalize()


def humanize(key: str | None) -> str:
    """'form_submit' -> 'Form submit'."""
    return "" if not key else key.replace("_", " ").replace(".", " ").capitalize()


def initials(name: str | None) -> str:
    words = [w for w in (name or "").replace("@", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def query_with(params: Mapping[str, Any], **changes: Any) -> str:
    """``params`` as a query string with ``changes`` applied; a None or '' change drops the key."""
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    encoded = urlencode(merged, doseq=True)
    return f"?{encoded}" if encoded else "?"


def is_erased(record: Any) -> bool:
    """A contact whose personal data was erased: its address is the placeholder left."""
    return str(getattr(record, "email", "") or "").endswith("@erased.invalid")


def person_name(record: Any) -> str:
    """A contact's or user's display name: first and last name, else the email."""
    name = getattr(record, "name", None)
    if name:
        return str(name)
    parts = [getattr(record, "first_name", None), getattr(record, "last_name", None)]
    full = " ".join(p for p in parts if p)
    email = str(getattr(record, "email", "") or "")
    if not full and is_erased(record):
        return f"Erased contact #{getattr(record, 'id', '')}".rstrip(" #")
    return full or email or "Unnamed"


PROPERTY_LABELS = {
    "utm_source": "Source",
    "utm_medium": "Medium",
    "utm_campaign": "Campaign",
    "utm_term": "Term",
    "utm_content": "Content",
    "url": "Page",
    "landing_page": "Landing page",
    "referrer": "Referrer",
}


def property_label(key: str) -> str:
    """A touch property's name as people say it ('utm_source' -> 'Source')."""
    return PROPERTY_LABELS.get(key, humanize(key))
