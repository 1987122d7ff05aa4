"""Core REST routes (users, gateway, application, guilds, channels, typing; messages in
``rest_messages``)
and the middleware that authenticates, injects faults and records every request.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import faults, payloads, permissions, rest_messages
from .backend import API_PREFIX, backend, path_id, read_body, route_key
from .journal import RequestRecord, Typing
from .loopback import addressed_to_self
from .models import Guild
from .responses import (
    Reject,
    error,
    json_response,
    method_not_allowed,
    no_content,
    not_found_route,
    unauthorized,
    unknown,
)
from .rest_access import channel_of_request, require

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
GATEWAY_PATHS = ("/gateway", "/gateway-resume")
TOKEN_IN_URL = ("/interactions/", "/webhooks/", "/attachments/")


def _authorised(request: web.Request, route: str, token: str) -> bool:
    """Interaction callbacks and webhooks authenticate by their token in the URL; attachments
    are fetched by their URL alone, as from Discord's CDN."""
    path = route.partition(" ")[2]
    if route == "GET /gateway" or path.startswith(TOKEN_IN_URL):
        return True
    return request.headers.get("Authorization") == f"Bot {token}"


@web.middleware
async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not addressed_to_self(request):  # REST and the gateway alike: see loopback.py
        return error(403, "this server only answers to its own address").response()
    if request.path in GATEWAY_PATHS:
        return await handler(request)
    b = backend(request)
    route, known = route_key(request)
    fault = b.faults.take(route) if known else None
    response: web.StreamResponse | None = None
    if fault is not None:
        response = await faults.apply(fault)
    if response is None:
        try:
            if known and not _authorised(request, route, b.config.token):
                raise unauthorized()
            response = await handler(request)
        except Reject as rejected:
            response = rejected.response()
        except web.HTTPMethodNotAllowed:
            known, response = False, method_not_allowed().response()
        except web.HTTPNotFound:
            known, response = False, not_found_route().response()
        response = faults.garbled(fault, response)
    b.records.requests.append(
        RequestRecord(request.method, request.path_qs, route, response.status, unknown=not known)
    )
    return response


# --- users, gateway, application, guilds ---------------------------------------------


async def get_me(request: web.Request) -> web.Response:
    return json_response(payloads.self_user(backend(request).world.bot))


async def get_user(request: web.Request) -> web.Response:
    user = backend(request).world.users.get(path_id(request, "user_id"))
    if user is None:
        raise unknown("User")
    return json_response(payloads.user(user))


async def create_dm(request: web.Request) -> web.Response:
    """``POST /users/@me/channels`` with ``recipient_id``: the DM channel with that user."""
    b = backend(request)
    body, _ = await read_body(request)
    recipient = b.world.users.get(int(str(body.get("recipient_id") or 0)))
    if recipient is None:
        raise unknown("User")
    return json_response(payloads.dm_channel(b.world.create_dm_channel(recipient), recipient))


async def get_gateway(request: web.Request) -> web.Response:
    return json_response({"url": backend(request).config.gateway_url})


async def get_gateway_bot(request: web.Request) -> web.Response:
    config = backend(request).config
    limit = {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}
    body = {"url": config.gateway_url, "shards": config.shard_count, "session_start_limit": limit}
    return json_response(body)


async def get_application(request: web.Request) -> web.Response:
    b = backend(request)
    return json_response(payloads.application(b.world.application, b.world))


def _guild_of(request: web.Request) -> Guild:
    b = backend(request)
    guild = b.world.guilds.get(path_id(request, "guild_id"))
    if guild is None or b.world.bot.id not in guild.members:
        raise unknown("Guild")
    return guild


async def get_guild(request: web.Request) -> web.Response:
    return json_response(payloads.guild(_guild_of(request)))


async def get_guild_channels(request: web.Request) -> web.Response:
    return json_response([payloads.channel(c) for c in _guild_of(request).channels.values()])


async def get_guild_roles(request: web.Request) -> web.Response:
    return json_response([payloads.role(r) for r in _guild_of(request).roles.values()])


async def get_guild_member(request: web.Request) -> web.Response:
    member = _guild_of(request).members.get(path_id(request, "user_id"))
    if member is None:
        raise unknown("Member")
    return json_response(payloads.member(member))


# --- channels and messages ----------------------------------------------------------


async def get_channel(request: web.Request) -> web.Response:
    b = backend(request)
    channel = channel_of_request(b, request)
    if channel.recipient_id is not None:
        return json_response(payloads.dm_channel(channel, b.world.users[channel.recipient_id]))
    return json_response(payloads.channel(channel))


async def trigger_typing(request: web.Request) -> web.Response:
    b = backend(request)
    channel = channel_of_request(b, request)
    require(b, channel, permissions.SEND_MESSAGES)
    b.records.typing.append(Typing(channel.id, time.monotonic()))
    return no_content()


async def get_attachment(request: web.Request) -> web.Response:
    """An attachment's bytes, as Discord's CDN serves them: no token needed, only the URL."""
    data = backend(request).world.files.get(path_id(request, "attachment_id"))
    if data is None:
        raise error(404, "404: Not Found", 0)
    return web.Response(body=data, content_type="application/octet-stream")


def add_routes(app: web.Application) -> None:
    r = app.router
    p = API_PREFIX
    r.add_get(p + "/users/@me", get_me)
    r.add_post(p + "/users/@me/channels", create_dm)
    r.add_get(p + "/users/{user_id}", get_user)
    r.add_get(p + "/gateway", get_gateway)
    r.add_get(p + "/gateway/bot", get_gateway_bot)
    r.add_get(p + "/oauth2/applications/@me", get_application)
    r.add_get(p + "/applications/@me", get_application)
    r.add_get(p + "/guilds/{guild_id}", get_guild)
    r.add_get(p + "/guilds/{guild_id}/channels", get_guild_channels)
    r.add_get(p + "/guilds/{guild_id}/roles", get_guild_roles)
    r.add_get(p + "/guilds/{guild_id}/members/{user_id}", get_guild_member)
    r.add_get(p + "/channels/{channel_id}", get_channel)
    r.add_post(p + "/channels/{channel_id}/typing", trigger_typing)
    r.add_get(p + "/attachments/{attachment_id}/{filename}", get_attachment)
    rest_messages.add_routes(app)
