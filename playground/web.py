"""The page's web server: static files, a JSON API for the page's actions, and a
WebSocket of channel events. Listens on 127.0.0.1 only.

Requests must name this server in ``Host`` (and in ``Origin``, when a browser sends one),
so another site open in the same browser cannot post as you or read the channel; the
playground's Discord-compatible server follows the same rule (``fakediscord.loopback``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from aiohttp import WSMsgType, web

from fakediscord.loopback import addressed_to_self
from fakediscord.models import Channel, JsonDict

from .actions import MAX_UPLOAD, ActionError, Actions, upload
from .feed import Event, Feed
from .guild import BOT_NAME, PlaygroundGuild, Server


@dataclass(frozen=True)
class Cooldown:
    """The commands each person may run per period on the page, for the page to say.

    ``server`` is the configured cooldown (or the default), when the page's replaces it.
    """

    rate: int
    seconds: float
    configured: bool
    server: tuple[int, float] | None = None


ACTIONS = web.AppKey("actions", Actions)
FEED = web.AppKey("feed", Feed)
COOLDOWN = web.AppKey("cooldown", Cooldown)
STATIC = resources.files("playground") / "static"
# What the page loads, each at /<name>; nothing else under static/ is served.
PAGE_FILES = (
    "app.js",
    "components.js",
    "composer.js",
    "markdown.js",
    "message-parts.js",
    "messages.js",
    "people.js",
    "sidebar.js",
    "slash-menu.js",
    "state.js",
    "style.css",
    "favicon.ico",
)
CONTENT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".ico": "image/vnd.microsoft.icon",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
SNOWFLAKE = re.compile(r"[0-9]{1,20}")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def build_app(
    actions: Actions, feed: Feed, place: PlaygroundGuild, cooldown: Cooldown
) -> web.Application:
    # Room for a file attached to a message (base64, a third larger), and no more.
    body_limit = 64 * 1024 + (MAX_UPLOAD * 4) // 3
    app = web.Application(middlewares=[_same_origin_only], client_max_size=body_limit)
    app[ACTIONS], app[FEED], app[COOLDOWN] = actions, feed, cooldown
    app.router.add_get("/", _static("index.html"))
    for name in PAGE_FILES:
        app.router.add_get(f"/{name}", _static(name))
    app.router.add_get("/api/commands", _commands)
    app.router.add_post("/api/messages", _post_message)
    app.router.add_post("/api/slash", _slash)
    app.router.add_post("/api/autocomplete", _autocomplete)
    app.router.add_post("/api/components", _component)
    app.router.add_post("/api/forms", _form)
    from playground import web_messages  # its handlers use this module's helpers

    web_messages.add_routes(app)
    app.router.add_get("/api/events", _events)
    return app


@web.middleware
async def _same_origin_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not addressed_to_self(request):
        return web.json_response({"error": "this page only answers to itself"}, status=403)
    response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _static(name: str) -> Handler:
    content_type = CONTENT_TYPES[name[name.rindex(".") :]]

    async def serve(request: web.Request) -> web.Response:
        body = (STATIC / name).read_bytes()
        headers = {"Cache-Control": "no-store"}
        return web.Response(body=body, content_type=content_type, headers=headers)

    return serve


async def _body(request: web.Request) -> JsonDict:
    """The request's JSON object; refused (400) when it is not one, or holds a string that
    is not text (a lone surrogate cannot be encoded, and Discord would refuse it too)."""
    try:
        data = await request.json()
        json.dumps(data, ensure_ascii=False).encode()
    except (ValueError, RecursionError):  # UnicodeError is a ValueError
        raise web.HTTPBadRequest(text="send a JSON object") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="send a JSON object")
    return data


def _text(data: JsonDict, key: str) -> str:
    """``data[key]``, which must be a string if given ("" when it is not)."""
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ActionError(f"{key} must be text")
    return value


def _message_id(data: JsonDict, key: str = "message_id") -> int:
    """A snowflake as Discord writes one: a string of ASCII digits that fits in 64 bits."""
    value = data.get("message_id")
    if not (isinstance(value, str) and SNOWFLAKE.fullmatch(value) and int(value) < 2**64):
        raise ActionError(f"{key} must be {'a message' if key == 'message_id' else 'an'}'s ID")
    return int(value)


def _optional_id(data: JsonDict, key: str) -> int | None:
    """``data[key]`` as a snowflake, or None when it is not given."""
    if data.get(key) is None:
        return None
    return _message_id({"message_id": data[key]}, key)


def _refused(error: ActionError) -> web.Response:
    return web.json_response({"error": str(error)}, status=400)


async def _commands(request: web.Request) -> web.Response:
    actions = request.app[ACTIONS]
    try:
        where = actions.where(request.query.get("server"))
        person = actions.person(request.query.get("as"), where)
    except ActionError as error:
        return _refused(error)
    return web.json_response({"commands": actions.commands(person)})


async def _post_message(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        channel, reply_to = _optional_id(data, "channel_id"), _optional_id(data, "reply_to")
        attached = upload(data.get("file"))
        message = await actions.post(
            person, _text(data, "content"), channel, reply_to, upload=attached
        )
    except ActionError as error:
        return _refused(error)
    return web.json_response({"id": message["id"], "channel_id": message["channel_id"]})


def _options(data: JsonDict) -> dict[str, Any]:
    """The options by name; a file (``{"name", "data"}``) for an attachment option."""
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise ActionError("options must be an object of name: value")
    return {name: upload(v) if isinstance(v, dict) else v for name, v in options.items()}


async def _slash(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        channel = _optional_id(data, "channel_id")
        await actions.slash(person, _text(data, "command"), _options(data), channel)
    except ActionError as error:
        return _refused(error)
    return web.json_response({"ok": True})


async def _autocomplete(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        command, focused = _text(data, "command"), _text(data, "focused")
        choices = await actions.autocomplete(person, command, _options(data), focused)
    except ActionError as error:
        return _refused(error)
    return web.json_response({"choices": choices})


async def _component(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    values = data.get("values")
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        if values is not None and not (
            isinstance(values, list) and all(isinstance(v, str) for v in values)
        ):
            raise ActionError("values must be a list of strings")
        message_id, custom_id = _message_id(data), _text(data, "custom_id")
        form = await actions.use_component(person, message_id, custom_id, values)
    except ActionError as error:
        return _refused(error)
    return web.json_response({"ok": True, "modal": form} if form else {"ok": True})


async def _form(request: web.Request) -> web.Response:
    actions, data = request.app[ACTIONS], await _body(request)
    values = data.get("values")
    try:
        person = actions.person(data.get("as"), actions.where(data.get("server")))
        if not (
            isinstance(values, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in values.items())
        ):
            raise ActionError("values must map each input's id to its text")
        interaction = _text(data, "interaction_id")
        if not SNOWFLAKE.fullmatch(interaction) or int(interaction) >= 2**64:
            raise ActionError("interaction_id must be an interaction's ID")
        await actions.submit_form(person, int(interaction), values)
    except ActionError as error:
        return _refused(error)
    return web.json_response({"ok": True})


def _hello(actions: Actions, cooldown: Cooldown) -> JsonDict:
    """Who is who, for the page to name authors and mentions, colour their names and give
    each a default avatar of their own (Discord's depends on when the account was made, and
    these were all made in the same millisecond); and the cooldown, for the page to say."""
    place, world = actions.place, actions.server.world
    users = {str(world.bot.id): {"name": BOT_NAME, "bot": True, "colour": 0, "avatar": 0}}
    for avatar, person in enumerate(place.people.values(), start=1):
        users[str(person.user.id)] = {
            "name": person.label,
            "bot": False,
            "colour": person.colour,
            "avatar": avatar,
        }
    first = place.first
    return {
        "type": "hello",
        "guild": first.guild.name,
        "channel": _channel(first.channel, first),
        "servers": [
            {
                "key": where.key,
                "name": where.guild.name,
                "channel": _channel(where.channel, where),
                "message_commands": actions.message_commands(where),
            }
            for where in place.servers.values()
        ],
        "channels": [
            _channel(c, where)
            for where in place.servers.values()
            for c in (*where.channels, *(t for t in where.guild.channels.values() if t.is_thread))
        ],
        "message_commands": actions.message_commands(),
        "bot": {"id": str(world.bot.id), "name": BOT_NAME},
        "people": [
            {"key": p.key, "label": p.label, "id": str(p.user.id), "moderates": p.moderates}
            for p in place.people.values()
        ],
        "users": users,
        "roles": {
            str(r.id): r.name
            for where in place.servers.values()
            for r in where.guild.roles.values()
        },
        "cooldown": {
            "rate": cooldown.rate,
            "seconds": cooldown.seconds,
            "configured": cooldown.configured,
            "server": list(cooldown.server) if cooldown.server else None,
        },
    }


def _channel(channel: Channel, where: Server) -> JsonDict:
    """A channel or thread as the page lists it, with the key of its server."""
    return {
        "id": str(channel.id),
        "name": channel.name,
        "type": channel.type,
        "topic": channel.topic,
        "parent_id": str(channel.parent_id) if channel.parent_id else None,
        "server": where.key,
    }


async def _events(request: web.Request) -> web.StreamResponse:
    actions, feed = request.app[ACTIONS], request.app[FEED]
    socket = web.WebSocketResponse(heartbeat=20.0)
    await socket.prepare(request)
    with feed.subscribe() as queue, contextlib.suppress(ConnectionResetError):
        await socket.send_json(_hello(actions, request.app[COOLDOWN]))
        for past in feed.history():
            await socket.send_json(past)
        reader = asyncio.create_task(_drain(socket))
        try:
            while (event := await _next(queue, reader)) is not None:
                await socket.send_str(json.dumps(event))
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
    await socket.close()
    return socket


async def _next(queue: asyncio.Queue[Event | None], reader: asyncio.Task[None]) -> Event | None:
    """The next event for the page, or None once the page has gone or the feed closed."""
    getter = asyncio.ensure_future(queue.get())
    await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
    if getter.done():
        return getter.result()
    getter.cancel()
    return None


async def _drain(socket: web.WebSocketResponse) -> None:
    """The page sends nothing; read until it goes away."""
    async for message in socket:
        if message.type == WSMsgType.ERROR:
            break
