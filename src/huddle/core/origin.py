"""Where the current change came from, when it came over HTTP: the client's address and agent.

A tiny ASGI middleware (``web.middleware.RequestOriginMiddleware``) sets it per request; the
audit trail reads it. Services stay free of the web stack: outside a request it is ``None``.

The client's address is the TCP peer's, unless the peer is one of the installation's trusted
reverse proxies (``HUDDLE_TRUSTED_PROXIES``): then it is read from ``X-Forwarded-For``
(``client_address``). Nothing else in Huddle reads that header, so the audit trail, the
sign-in lockout and every rate limit see the same address.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

Network = IPv4Network | IPv6Network


@dataclass(frozen=True)
class RequestOrigin:
    ip: str | None
    user_agent: str | None


_current: ContextVar[RequestOrigin | None] = ContextVar("huddle_request_origin", default=None)


def current_origin() -> RequestOrigin | None:
    return _current.get()


@contextmanager
def origin_scope(origin: RequestOrigin) -> Iterator[None]:
    token = _current.set(origin)
    try:
        yield
    finally:
        _current.reset(token)


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """IPs and CIDRs ("10.0.0.5", "10.0.0.0/8", "fd00::/8"); a bad entry raises ValueError
    naming it. Host bits are allowed ("10.0.0.5/8" is 10.0.0.0/8)."""
    networks = []
    for entry in entries:
        try:
            networks.append(ip_network(entry.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"{entry!r} is not an IP address or CIDR range") from exc
    return tuple(networks)


def client_address(
    peer: str | None, forwarded_for: Sequence[str], *, trusted: Sequence[Network]
) -> str | None:
    """The client's address. ``peer`` is the TCP peer; ``forwarded_for`` the
    X-Forwarded-For header values in order. They count only when the peer is a trusted
    proxy: then the right-most address that is not itself a trusted proxy is the client
    (each proxy appends who it heard from, so addresses further left are the client's own
    say and can be anything). Where every hop is a trusted proxy, the left-most is taken;
    a hop that is not an address ends the walk at the last trusted one."""
    if peer is None or not _is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    address = peer
    for hop in reversed(hops):
        parsed = _address(hop)
        if parsed is None:
            break
        address = str(parsed)
        if not _is_trusted(address, trusted):
            break
    return address


def forwarded_scheme(
    peer: str | None, forwarded_proto: str | None, *, trusted: Sequence[Network]
) -> str | None:
    """``http`` or ``https`` from X-Forwarded-Proto (its last value, the nearest proxy's),
    only when the peer is a trusted proxy; else None (keep the connection's own)."""
    if peer is None or not forwarded_proto or not _is_trusted(peer, trusted):
        return None
    scheme = forwarded_proto.split(",")[-1].strip().lower()
    return scheme if scheme in ("http", "https") else None


def _is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    parsed = _address(address)
    return parsed is not None and any(parsed in network for network in trusted)


def _address(text: str) -> IPv4Address | IPv6Address | None:
    """An address as proxies write it: bare, "[v6]:port" or "v4:port"; None if not one."""
    candidate = text.strip()
    if candidate.startswith("["):
        candidate = candidate[1:].partition("]")[0]
    elif candidate.count(":") == 1:
        candidate = candidate.partition(":")[0]
    try:
        parsed = ip_address(candidate)
    except ValueError:
        return None
    # An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    if isinstance(parsed, IPv6Address) and parsed.ipv4_mapped is not None:
        return parsed.ipv4_mapped
    return parsed
