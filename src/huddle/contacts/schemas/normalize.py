"""Normalising the dedupe keys: email addresses and company domains."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import idna

from huddle.core.text import UncleanText, refuse_control_characters, refuse_invisible_characters

# Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is not ours
# to judge here; a precise message for what is plainly not an address is.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class InvalidEmail(ValueError):
    pass


def normalize_email(raw: str) -> str:
    """One spelling per mailbox, the dedupe key: trimmed, NFC, lower-cased, an
    internationalised domain in its Unicode form whether it came in Unicode or punycode
    (``ADA@Bücher.example`` and ``ada@xn--bcher-kva.example`` are one person). Raises
    :class:`InvalidEmail` saying what is wrong, control characters and invisible ones
    (a pasted zero-width space) included."""
    trimmed = raw.strip()
    try:
        refuse_invisible_characters(refuse_control_characters(trimmed, single_line=True))
    except UncleanText as exc:
        raise InvalidEmail(f"email {exc}") from None
    email = unicodedata.normalize("NFC", trimmed).lower()
    if not email:
        raise InvalidEmail("email is required")
    if len(email) > 320:
        raise InvalidEmail("email is longer than 320 characters")
    if not _EMAIL.match(email):
        raise InvalidEmail(f"'{trimmed}' is not an email address")
    local, domain = email.rsplit("@", 1)
    if domain.isascii() and "xn--" not in domain:
        return email  # the common case: nothing to map
    return f"{local}@{_unicode_domain(domain, raw=trimmed)}"


def _unicode_domain(domain: str, *, raw: str) -> str:
    """An internationalised domain's canonical Unicode form (IDNA 2008 with UTS #46
    mapping, as browsers and mail servers read it)."""
    try:
        return str(idna.decode(idna.encode(domain, uts46=True)))
    except idna.IDNAError as exc:
        raise InvalidEmail(f"'{raw}' has a domain that is not a valid name ({exc})") from None


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[1]


def normalize_domain(raw: str | None) -> str | None:
    """``https://www.Acme.com/about`` -> ``acme.com``; an internationalised domain in its
    Unicode form, as in emails; None for empty or unparseable input."""
    if not raw:
        return None
    domain = raw.strip().lower()
    domain = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain)
    domain = domain.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].rstrip(".")
    domain = domain.removeprefix("www.")
    if domain.isascii() and "xn--" not in domain:
        return domain if _DOMAIN.match(domain) else None
    try:
        ascii_form = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return None
    return str(idna.decode(ascii_form)) if _DOMAIN.match(ascii_form) else None


@lru_cache(maxsize=1)
def free_mail_domains() -> frozenset[str]:
    text = resources.files("huddle.contacts").joinpath("data/free_mail_domains.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_free_mail(domain: str) -> bool:
    return domain in free_mail_domains()


# Names no real company has (RFC 2606 and 6761): placeholders CRMs fill in for missing
# addresses ("none@example.com", "unknown@lead.invalid"). They never create accounts.
_RESERVED_ENDINGS = (
    "invalid",
    "example",
    "test",
    "localhost",
    "example.com",
    "example.net",
    "example.org",
)


def is_reserved_domain(domain: str) -> bool:
    """Whether ``domain`` is reserved or made up: ``.invalid``, ``.example``, ``.test``,
    ``.localhost``, ``localhost``, example.com/.net/.org, or any name under them."""
    return any(domain == end or domain.endswith("." + end) for end in _RESERVED_ENDINGS)


def company_domain_of(email: str) -> str | None:
    """The domain that identifies the contact's company, or None for free-mail addresses."""
    domain = email_domain(email)
    return None if is_free_mail(domain) else normalize_domain(domain)


def full_name(first: str | None, last: str | None) -> str:
    """ "First Last", either one alone, or "" when neither is known."""
    return " ".join(part for part in (first, last) if part)
