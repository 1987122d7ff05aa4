"""The page's WebSocket: who is who at its start ("hello"), the channels' past events, then
each new one as it happens."""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass

from aiohttp import WSMsgType, web

from fakediscord.models import Channel, JsonDict

from .actions import Actions
from .feed import Event, Feed
from .guild import BOT_NAME, Server
from .web_requests import ACTIONS


@dataclass(frozen=True)
class Cooldown:
    """The commands each person may run per period on the page, for the page to say.

    ``server`` is the configured cooldown (or the default), when the page's replaces it.
    """

    rate: int
    seconds: float
    configured: bool
    server: tuple[int, float] | None = None


FEED = web.AppKey("feed", Feed)
COOLDOWN = web.AppKey("cooldown", Cooldown)


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


async def events(request: web.Request) -> web.StreamResponse:
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
