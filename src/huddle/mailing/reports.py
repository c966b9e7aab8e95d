"""Reading the reports mail servers send back: delivery status notifications (RFC 3464:
a bounce) and feedback-loop reports (RFC 5965, ARF: a complaint). Pure: bytes in, the
addresses to suppress out."""

from __future__ import annotations

from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message
from email.utils import getaddresses


@dataclass(frozen=True)
class Report:
    """An address that bounced for good or complained, and what the report said."""

    email: str
    reason: str  # "bounce" or "complaint"
    detail: str


def read_report(raw: bytes) -> list[Report]:
    """What a report delivered to the bounce or feedback address says. Only permanent
    failures count as bounces (``Action: failed``); a delay or a success is no report.
    Anything that is no report gives an empty list."""
    message = message_from_bytes(raw, policy=policy.compat32)
    if message.get_content_type() != "multipart/report":
        return []
    report_type = (message.get_param("report-type") or "").lower()  # type: ignore[union-attr]
    if report_type == "delivery-status":
        return _bounces(message)
    if report_type == "feedback-report":
        return _complaints(message)
    return []


def _parts(message: Message, content_type: str) -> list[Message]:
    return [part for part in message.walk() if part.get_content_type() == content_type]


def _messages(payload: object) -> list[Message]:
    """The messages a ``message/*`` part holds (its payload is a list of them)."""
    return [m for m in payload if isinstance(m, Message)] if isinstance(payload, list) else []


def _bounces(message: Message) -> list[Report]:
    found: list[Report] = []
    for status in _parts(message, "message/delivery-status"):
        # The first block is about the message, each next one about a recipient.
        for block in _messages(status.get_payload())[1:]:
            action = str(block.get("Action", "")).strip().lower()
            address = _address(block.get("Final-Recipient") or block.get("Original-Recipient"))
            if action != "failed" or address is None:
                continue
            code = str(block.get("Status", "")).strip()
            diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
            detail = f"{code} {diagnostic}".strip() or "permanent failure"
            found.append(Report(email=address, reason="bounce", detail=detail[:500]))
    return found


def _complaints(message: Message) -> list[Report]:
    found: list[Report] = []
    for feedback in _parts(message, "message/feedback-report"):
        fields = next(iter(_messages(feedback.get_payload())), feedback)
        kind = str(fields.get("Feedback-Type", "abuse")).strip().lower()
        address = _address(fields.get("Original-Rcpt-To"))
        if address is None:
            address = _original_recipient(message)
        if address is not None:
            found.append(Report(email=address, reason="complaint", detail=f"feedback: {kind}"))
    return found


def _original_recipient(message: Message) -> str | None:
    for kind in ("message/rfc822", "text/rfc822-headers"):
        for part in _parts(message, kind):
            payload = part.get_payload()
            original = next(iter(_messages(payload)), None)
            if original is None and isinstance(payload, str):
                original = message_from_bytes(payload.encode(), policy=policy.compat32)
            if original is not None:
                found = _address(original.get("To"))
                if found is not None:
                    return found
    return None


def _address(field: object) -> str | None:
    """The address of ``rfc822; someone@example.com`` or of a plain address field."""
    if field is None:
        return None
    text = str(field)
    if ";" in text:
        text = text.split(";", 1)[1]
    addresses = [a for _, a in getaddresses([text.strip()]) if "@" in a]
    return addresses[0].lower() if addresses else None
