"""What text Huddle accepts: no control characters, no invisible ones where a key is matched.

A NUL byte or an escape sequence in a name is never what a person meant: it breaks CSV
exports, terminals and PostgreSQL (which cannot store NUL in text at all), and it makes two
spellings of one person look different. Tabs and line breaks are text in a note or an
agreement, but not in a name or an email.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# Kept in multi-line text (notes, descriptions, SLA terms); refused in single-line fields.
LINE_BREAKS_AND_TABS = frozenset("\t\n\r")


class UncleanText(ValueError):
    """Text with a character it may not hold; the message says which and where."""


# Control characters have no Unicode name; these are the ones people meet.
_CONTROL_NAMES = {0: "null", 9: "tab", 10: "line feed", 13: "carriage return", 27: "escape"}


def _describe(char: str, position: int) -> str:
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "")
    named = f" ({name.lower()})" if name else ""
    return f"U+{ord(char):04X}{named} at position {position + 1}"


def refuse_control_characters(text: str, *, single_line: bool = False) -> str:
    """``text`` unchanged, or :class:`UncleanText` naming the first control character
    (C0 and C1 controls, DEL, lone surrogates; tabs and line breaks too if ``single_line``)."""
    if text.isprintable():
        return text  # the common case, checked in C: no Cc or Cs character at all
    for position, char in enumerate(text):
        if char in LINE_BREAKS_AND_TABS and not single_line:
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise UncleanText(f"contains a control character {_describe(char, position)}")
    return text


def without_control_characters(text: str) -> str:
    """``text`` on one line with its control characters gone (line breaks and tabs become
    spaces): for text Huddle records but nobody typed into Huddle, such as a web page's
    title sent by the tracking snippet, where refusing would lose the page view."""
    if text.isprintable():
        return text
    return "".join(
        " " if char in LINE_BREAKS_AND_TABS else char
        for char in text
        if char in LINE_BREAKS_AND_TABS or unicodedata.category(char) not in ("Cc", "Cs")
    )


def refuse_invisible_characters(text: str) -> str:
    """``text`` unchanged, or :class:`UncleanText` naming the first format character: a
    zero-width space, joiner, soft hyphen, byte-order or direction mark. A pasted one makes
    ``ada@acme.example\u200b`` a second Ada, so keys (emails) refuse them; other text keeps
    them, as scripts and emoji need the zero-width joiner."""
    if text.isascii():
        return text  # the common case, checked in C: every format character is beyond ASCII
    for position, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            raise UncleanText(f"contains an invisible character {_describe(char, position)}")
    return text


def unclean_part(value: Any, path: str = "") -> str | None:
    """Where a control character is inside ``value`` (a string, or dicts and lists of
    them, keys included) and which: ``"utm.source contains a control character ..."``;
    None when there is none. For bodies whose shape no schema fixes (event properties)."""
    if isinstance(value, str):
        if value.isprintable():
            return None
        try:
            refuse_control_characters(value)
        except UncleanText as exc:
            return f"{path} {exc}" if path else str(exc)
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            found = unclean_part(key, inner) or unclean_part(item, inner)
            if found:
                return found
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            found = unclean_part(item, f"{path}[{index}]")
            if found:
                return found
    return None
