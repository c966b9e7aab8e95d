"""Redirect targets from user input are never trusted: only same-site paths pass."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_local_path(target: str | None, default: str = "/") -> str:
    """``target`` if it is a path on this site, else ``default``.

    Refuses absolute URLs, scheme-relative ``//host`` and ``/\\host`` forms that browsers
    treat as another host, and control characters.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ord(ch) < 32 for ch in target) or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
