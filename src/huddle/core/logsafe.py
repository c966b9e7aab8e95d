"""No secret in the logs: every log record's message is redacted when it is created.

Covers the secret key, the database password, and anything logged as ``password=...``,
``token=...``, ``secret=...`` or an ``Authorization`` header, from any library's logger.
SQL parameters never reach the logs either: engines are made with ``hide_parameters``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

REDACTED = "[redacted]"
_NAMED_SECRET = re.compile(
    r"(?P<name>\b(?:password|passwd|pwd|secret|secret_key|token|api_key|apikey|"
    r"authorization|session|csrf_token)\b[\"']?\s*[:=]\s*[\"']?)(?:bearer\s+)?[^\s\"'&,;)}]+",
    re.IGNORECASE,
)
# Signed links carry their token in the path (an access log line would show it).
_LINK_TOKEN = re.compile(r"(/unsubscribe/)[^\s\"'?#]+")
_known: set[str] = set()


def redact(text: str) -> str:
    for secret in sorted(_known, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _LINK_TOKEN.sub(r"\g<1>" + REDACTED, text)
    return _NAMED_SECRET.sub(lambda m: m.group("name") + REDACTED, text)


def install_redaction(secrets: Iterable[str | None] = ()) -> None:
    """Redact ``secrets`` (and named secrets) from every log record from now on. Safe to
    call more than once: the secrets add up, the record factory is wrapped once."""
    _known.update(s for s in secrets if s and len(s) >= 6)
    current = logging.getLogRecordFactory()
    if getattr(current, "huddle_redacting", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: leave it to logging to report
            return record
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return record

    factory.huddle_redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
