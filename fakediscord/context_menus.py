"""Message commands: a context-menu command (type 3) run on a message, as a member does from
the message's "Apps" menu. The interaction carries the message as ``data.target_id`` and in
``data.resolved.messages``, as Discord sends it."""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from typing import Any

from . import messages, payloads
from .interactions import APPLICATION_COMMAND, InteractionState, unavailable
from .models import Channel, JsonDict, User, World

MESSAGE_COMMAND = 3


def build(
    world: World, command: JsonDict, channel: Channel, user: User, message: Mapping[str, Any]
) -> tuple[JsonDict, InteractionState]:
    """The INTERACTION_CREATE body for ``user`` running ``command`` on ``message``."""
    if int(command["type"]) != MESSAGE_COMMAND:
        raise ValueError(f"{command['name']!r} is not a message command")
    if int(message["channel_id"]) != channel.id:
        raise ValueError("the message is not in that channel")
    guild = world.guild_of(channel)
    member = guild.members.get(user.id)
    if member is None:
        raise ValueError(f"{user.username} is not a member of {guild.name}")
    reason = unavailable(world, command, channel, user)
    if reason is not None:
        raise PermissionError(reason)
    target = messages.gateway_form(world, message)
    target.pop("member", None)
    data: JsonDict = {
        "id": command["id"],
        "name": command["name"],
        "type": MESSAGE_COMMAND,
        "target_id": str(message["id"]),
        "resolved": {"messages": {str(message["id"]): target}},
    }
    state = InteractionState(
        id=world.snowflakes.next(),
        token=f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(48)}",
        type=APPLICATION_COMMAND,
        channel_id=channel.id,
        guild_id=guild.id,
        user_id=user.id,
        command_name=command["name"],
        created=time.monotonic(),
    )
    payload: JsonDict = {
        "id": str(state.id),
        "application_id": str(world.application.id),
        "type": APPLICATION_COMMAND,
        "data": data,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
        "channel_id": str(channel.id),
        "channel": payloads.channel(channel),
        "member": payloads.member(member, permissions=world.permissions_in(channel, user)),
        "token": state.token,
        "version": 1,
        "app_permissions": str(world.permissions_in(channel, world.bot)),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    return payload, state
