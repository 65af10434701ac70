"""Who is asking: the client's address behind a trusted proxy, and the group the throttle counts it in.

Behind a proxy, REMOTE_ADDR is the proxy for everyone; counting wrong codes on it would let ten wrong
codes from anyone shut the code page for everyone. X-Forwarded-For is believed only when REMOTE_ADDR
is a configured trusted proxy, since anyone else can write whatever they like in it.
"""

import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# A home connection or a phone gets a whole /64 and may pick any address in it: one client.
IPV6_CLIENT_PREFIX = 64


def parse_address(text: str) -> IPAddress | None:
    """An IP address (an IPv4-mapped IPv6 address as IPv4), or None when `text` is not one."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress, proxies: Sequence[Network]) -> bool:
    return any(address in network for network in proxies)


def client_address_from(remote_addr: str, forwarded_for: str | None, trusted_proxies: Sequence[Network]) -> str:
    """REMOTE_ADDR, unless it is a trusted proxy: then the right-most address in X-Forwarded-For that is
    not itself a trusted proxy (the left part of the header is the client's own writing). A header whose
    part to be read is malformed is ignored."""
    remote = parse_address(remote_addr)
    if remote is None:
        return remote_addr.strip()
    if not forwarded_for or not _is_trusted(remote, trusted_proxies):
        return str(remote)
    client = remote
    for hop in reversed(forwarded_for.split(",")):
        address = parse_address(hop)
        if address is None:
            return str(remote)
        client = address
        if not _is_trusted(address, trusted_proxies):
            break
    return str(client)


def address_group(address: str) -> str:
    """What the throttle counts as one client: an IPv4 address, or the /64 network of an IPv6 address."""
    parsed = parse_address(address)
    if parsed is None:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, IPV6_CLIENT_PREFIX), strict=False))
    return str(parsed)


def client_address(request: HttpRequest) -> str:
    """The client's address, read behind a trusted proxy (TRUSTED_PROXIES) from X-Forwarded-For."""
    return client_address_from(
        str(request.META.get("REMOTE_ADDR") or ""), request.META.get("HTTP_X_FORWARDED_FOR"), settings.TRUSTED_PROXIES
    )
