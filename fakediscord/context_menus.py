"""Message commands: a context-menu command (type 3) run on a message, as a member does from
the message's "Apps" menu. The interaction carries the message as ``data.target_id`` and in
``data.resolved.messages``, as Discord sends it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import messages
from .interactions import (
    APPLICATION_COMMAND,
    InteractionState,
    command_interaction,
    unavailable,
)
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
    return command_interaction(
        world, guild, channel, user, member, command["name"], APPLICATION_COMMAND, data
    )
