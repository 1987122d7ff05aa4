"""Where discord.py sends its REST calls and opens its gateway connection."""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl


def use_endpoints(api_base: str, gateway_url: str) -> None:
    """Point discord.py's REST API at ``api_base`` and its gateway at ``gateway_url``.

    Why: to run the unmodified bot against another Discord-compatible server (the fake
    Discord of the end-to-end tests, or a proxy) by changing only the address.
    discord.py builds every REST URL, interaction callbacks and webhooks included, from
    ``Route.BASE``, and opens the gateway at ``DiscordWebSocket.DEFAULT_GATEWAY`` on the
    first connection and again after an invalid session. RESUMEs go to the
    ``resume_gateway_url`` the server sends in READY, and sharded clients use the URL
    from ``GET /gateway/bot``, so those follow the server. Process-wide: every client in
    this interpreter is affected.
    """
    api = yarl.URL(api_base)
    gateway = yarl.URL(gateway_url)
    if api.scheme not in ("http", "https") or not api.host:
        raise ValueError(f"api_base must be an http(s) URL, got {api_base!r}")
    if gateway.scheme not in ("ws", "wss") or not gateway.host:
        raise ValueError(f"gateway_url must be a ws(s) URL, got {gateway_url!r}")
    discord.http.Route.BASE = api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
