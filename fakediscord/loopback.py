"""Who a server on 127.0.0.1 answers: requests addressed to it by its own loopback name,
sent by no web page (the bot, a test, curl) or by its own.

A browser names the page that makes a request in ``Origin`` (always for a WebSocket and
for a cross-origin fetch), and the name it asked for in ``Host``. Refusing other origins
keeps pages from other sites, or from other ports on this machine, out; refusing other
host names defeats DNS rebinding, where a site's own name is made to point at 127.0.0.1.
The fake Discord and the playground's page both follow this rule.
"""

from __future__ import annotations

from aiohttp import web

LOOPBACK_NAMES = ("127.0.0.1", "localhost")


def own_addresses(request: web.Request) -> frozenset[str]:
    """``host:port`` for each name this server answers to, on the port it listens on."""
    transport = request.transport
    sock = transport.get_extra_info("sockname") if transport else None
    if not sock:
        return frozenset()
    return frozenset(f"{name}:{sock[1]}" for name in LOOPBACK_NAMES)


def addressed_to_self(request: web.Request) -> bool:
    here = own_addresses(request)
    origin = request.headers.get("Origin")
    return request.host in here and (origin is None or origin in {f"http://{h}" for h in here})
