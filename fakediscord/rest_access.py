"""What a REST route looks up from its path (the channel, the message) and the bot's
permissions it needs there, refused as Discord refuses them."""

from __future__ import annotations

from aiohttp import web

from . import permissions
from .backend import Backend, path_id
from .models import Channel, JsonDict
from .responses import missing_access, missing_permissions, unknown


def channel_of_request(b: Backend, request: web.Request, *, visible: bool = True) -> Channel:
    channel = b.world.channels.get(path_id(request, "channel_id"))
    if channel is None:
        raise unknown("Channel")
    if visible:
        ensure_visible(b, channel)
    return channel


def ensure_visible(b: Backend, channel: Channel) -> None:
    if not b.world.permissions_in(channel, b.world.bot) & permissions.VIEW_CHANNEL:
        raise missing_access()


def message_of_request(b: Backend, request: web.Request, channel: Channel) -> JsonDict:
    message = b.world.messages.get(path_id(request, "message_id"))
    if message is None or int(message["channel_id"]) != channel.id:
        raise unknown("Message")
    return message


def require(b: Backend, channel: Channel, needed: int) -> int:
    perms = b.world.permissions_in(channel, b.world.bot)
    if perms & needed != needed:
        raise missing_permissions()
    return perms
