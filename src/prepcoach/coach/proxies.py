"""Who is the client, when requests may arrive through trusted proxies.

A proxy's X-Forwarded-For is believed only when the peer that sent the request is one of the
trusted proxies; the chain is then walked from the right (the hop nearest the server), past
every trusted proxy, and the first address that is not one is the client. Anything else (no
trusted proxy, a peer that is not one, a malformed entry) stops the walk at the last address
that can be vouched for, so a client can never choose its own address by sending the header.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network
type Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(items: Iterable[str]) -> tuple[Network, ...]:
    """Addresses ("10.0.0.5", "::1") and networks ("10.0.0.0/8") as networks; raise ValueError
    naming the first item that is neither."""
    networks = []
    for item in items:
        text = item.strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            raise ValueError(
                f"{text!r} is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8)"
            ) from None
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """An address as a proxy writes it: bare, [IPv6], with a port, or quoted; None if not."""
    value = text.strip().strip('"')
    if value.startswith("["):  # [2001:db8::1] or [2001:db8::1]:443
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped  # ::ffff:10.0.0.5 from a dual-stack socket is 10.0.0.5
    return address


def is_trusted(address: Address | None, trusted: Sequence[Network]) -> bool:
    return address is not None and any(address in network for network in trusted)


@dataclass(frozen=True)
class Client:
    """The client's address, and whether the request came through a trusted proxy (only then
    are the proxy's X-Forwarded-* headers believed)."""

    address: str
    via_trusted_proxy: bool


def client_of(peer: str, forwarded_for: str, trusted: Sequence[Network]) -> Client:
    """The client behind `peer` (the socket's address), reading `forwarded_for` (the
    X-Forwarded-For header, "" when absent) only if `peer` is a trusted proxy."""
    peer_address = parse_address(peer)
    if not is_trusted(peer_address, trusted):
        return Client(address=str(peer_address) if peer_address else peer, via_trusted_proxy=False)
    client = str(peer_address)
    for hop in reversed([part for part in forwarded_for.split(",") if part.strip()]):
        address = parse_address(hop)
        if address is None:
            break  # garbage: the last trusted hop is all that can be vouched for
        client = str(address)
        if not is_trusted(address, trusted):
            break
    return Client(address=client, via_trusted_proxy=True)
