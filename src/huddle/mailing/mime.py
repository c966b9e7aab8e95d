"""A marketing message's bytes, assembled directly: headers, then a multipart/alternative
of a plain-text and an HTML part, both UTF-8 and quoted-printable. Pure.

The ``email`` package's ``EmailMessage`` with policy SMTP parses and re-folds every header
it is given and re-encodes each part through its content manager: several milliseconds a
message, more than rendering it. What a marketing message needs is small and fixed, so it
is written here; what this does not handle (an address that is not ASCII) is left to the
``email`` package (``compose`` answers None).
"""

from __future__ import annotations

import binascii
import random
from email.header import Header

_CRLF = "\r\n"


def compose(headers: list[tuple[str, str]], text: str, html: str) -> bytes | None:
    """The message's bytes (CRLF line ends, not yet dot-stuffed), or None when an address
    header is not plain ASCII. Each header value is one line: a value holding a line break
    is refused (``ValueError``), never written as a second header."""
    lines = []
    for name, value in headers:
        if "\r" in value or "\n" in value:
            raise ValueError(f"the {name} header holds a line break")
        if not value.isascii():
            if name in ("From", "To"):
                return None
            value = Header(value, "utf-8").encode(linesep=_CRLF)  # folded encoded words
        lines.append(f"{name}: {value}")
    # QP output never holds "=_" ("=" is written "=3D"), so no part can hold the boundary;
    # its random part need not be secret (``secrets`` would read the OS's randomness, a
    # system call that hands the interpreter to the SMTP thread mid-message).
    boundary = f"=_huddle_{random.getrandbits(96):024x}"
    lines += [
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
        "",
        _part(boundary, "plain", text),
        _part(boundary, "html", html),
        f"--{boundary}--",
        "",
    ]
    return _CRLF.join(lines).encode("ascii")


def _part(boundary: str, subtype: str, body: str) -> str:
    return _CRLF.join(
        [
            f"--{boundary}",
            f'Content-Type: text/{subtype}; charset="utf-8"',
            "Content-Transfer-Encoding: quoted-printable",
            "",
            _quoted_printable(body),
        ]
    )


def _quoted_printable(body: str) -> str:
    lines = body.replace("\r\n", "\n").replace("\r", "\n")
    if not lines.endswith("\n"):
        lines += "\n"
    encoded = binascii.b2a_qp(lines.encode("utf-8"), quotetabs=False, istext=True)
    return encoded.decode("ascii").replace("\n", _CRLF).removesuffix(_CRLF)
