"""What Huddle will send a person to: a whole web address, and nothing else.

Pure (no database, no web stack): the settings' redirect allowlists, the signing of email
click links and the following of them all ask the same question here, so a target that
one refuses the others refuse too.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
MAX_LENGTH = 2000


# Pure and asked again for the same few links: each link of a campaign, in every message.
@lru_cache(maxsize=4096)
def link_problem(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) address a browser may safely be sent to, in
    words that complete "the URL ..."; None when it is one. ``javascript:``, ``data:`` and
    other schemes run or show content instead of opening a page; a relative or
    scheme-relative (``//host``) address is resolved against wherever the link is served,
    which is not what was signed."""
    if not url:
        return "is empty"
    if len(url) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    # Browsers drop or reinterpret these (a backslash is a slash to them), so what they
    # open would differ from what was checked.
    if any(ch <= " " or ch == "\x7f" or ch == "\\" for ch in url):
        return "contains a space, a control character or a backslash"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if not scheme:
        if url.startswith("//"):
            return "is scheme-relative (//host): give the whole address, https://..."
        return "is relative: give a whole address starting with https:// or http://"
    if scheme not in WEB_SCHEMES:
        return f"uses the {scheme}: scheme: only http and https are allowed"
    if not url[len(scheme) + 1 :].startswith("//") or not parts.hostname:
        return "has no host, e.g. https://www.example.com/page"
    if parts.username is not None or parts.password is not None:
        return "carries a user name or password (user@host)"
    try:
        parts.port  # noqa: B018 (raises on a port that is no number or out of range)
    except ValueError:
        return "has an invalid port"
    return None


def check_link(url: str) -> str:
    """``url`` unchanged if it is an absolute http(s) address; ValueError saying why not."""
    problem = link_problem(url)
    if problem is not None:
        raise ValueError(f"the URL {problem}")
    return url
