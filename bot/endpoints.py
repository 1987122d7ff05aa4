"""Where discord.py sends its REST calls and opens its gateway connection."""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl
from pydantic import AnyWebsocketUrl, HttpUrl


def use_endpoints(api_base: HttpUrl | str, gateway_url: AnyWebsocketUrl | str) -> None:
    """Point discord.py's REST API at ``api_base`` and its gateway at ``gateway_url``.

    Why: to run the unmodified bot against another Discord-compatible server (the
    ``fakediscord`` server of the end-to-end tests, or a proxy) by changing only the address.
    discord.py builds every REST URL, interaction callbacks and webhooks included, from
    ``Route.BASE``, and opens the gateway at ``DiscordWebSocket.DEFAULT_GATEWAY`` on the
    first connection and again after an invalid session. RESUMEs go to the
    ``resume_gateway_url`` the server sends in READY, and sharded clients use the URL
    from ``GET /gateway/bot``, so those follow the server. Process-wide: every client in
    this interpreter is affected. The addresses are checked once, by the settings' URL types.
    """
    discord.http.Route.BASE = str(api_base).rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(str(gateway_url))
