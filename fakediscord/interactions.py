"""INTERACTION_CREATE payloads for slash commands and autocomplete, built from the
command schema the bot synced, so option types, subcommands and ``resolved`` data
match what Discord would send for that command.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import payloads, permissions
from .models import Channel, Guild, JsonDict, Member, Role, Upload, User, World

APPLICATION_COMMAND = 2
AUTOCOMPLETE = 4
GUILD_CONTEXT = 0

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10
ATTACHMENT = 11


@dataclass(eq=False)
class InteractionState:
    """Server-side life of one interaction: 3 s to answer, then followups by token."""

    id: int
    token: str
    type: int
    channel_id: int
    guild_id: int
    user_id: int
    command_name: str
    created: float
    response_type: int | None = None
    original_id: int | None = None
    message_id: int | None = None  # a component's message, which responses 6 and 7 update


@dataclass(frozen=True)
class Invocation:
    """What ``invoke_slash``/``invoke_autocomplete`` sent; pass it to ``wait_for_reply``."""

    id: int
    token: str
    channel_id: int
    user_id: int
    payload: JsonDict
    mark: int


class _Builder:
    def __init__(self, world: World, guild: Guild, channel: Channel, invoker: Member) -> None:
        self.world, self.guild, self.channel, self.invoker = world, guild, channel, invoker
        self.resolved: dict[str, dict[str, JsonDict]] = {}

    def options(
        self, schema: list[JsonDict], given: Mapping[str, Any], focused: str | None
    ) -> list[JsonDict]:
        by_name = {option["name"]: option for option in schema}
        unknown = set(given) - set(by_name)
        if unknown:
            raise ValueError(
                f"no such option(s) {sorted(unknown)}; the command has {sorted(by_name)}"
            )
        if focused is not None and focused not in given:
            known = sorted(by_name)
            raise ValueError(
                f"the option being typed, {focused!r}, needs its text so far in the options; "
                f"the command has {known}"
            )
        required = {n for n, o in by_name.items() if o.get("required")}
        missing = required - set(given) - ({focused} if focused else set())
        if missing and focused is None:
            raise ValueError(f"required option(s) missing: {sorted(missing)}")
        built = []
        for name, raw in given.items():
            option = by_name[name]
            if name == focused:
                built.append(
                    {"name": name, "type": option["type"], "value": str(raw), "focused": True}
                )
                continue
            value = self.value(option, raw)
            choices = [choice["value"] for choice in option.get("choices") or []]
            if choices and value not in choices:
                raise ValueError(f"{name}={value!r} is not one of the choices {choices}")
            built.append({"name": name, "type": option["type"], "value": value})
        return built

    def value(self, option: JsonDict, raw: Any) -> Any:
        kind, name = option["type"], option["name"]
        if kind == STRING and isinstance(raw, str):
            return raw
        if kind == INTEGER and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if kind == NUMBER and isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        if kind == BOOLEAN and isinstance(raw, bool):
            return raw
        if kind in (USER, MENTIONABLE) and isinstance(raw, User | Member):
            return self._resolve_user(raw.user if isinstance(raw, Member) else raw)
        if kind in (ROLE, MENTIONABLE) and isinstance(raw, Role):
            self.resolved.setdefault("roles", {})[str(raw.id)] = payloads.role(raw)
            return str(raw.id)
        if kind == CHANNEL and isinstance(raw, Channel):
            perms = self.world.permissions_in(raw, self.invoker.user)
            data = {**payloads.channel(raw), "permissions": str(perms)}
            self.resolved.setdefault("channels", {})[str(raw.id)] = data
            return str(raw.id)
        if kind == ATTACHMENT and isinstance(raw, Upload):
            attachment = self.world.attach(raw)
            self.resolved.setdefault("attachments", {})[attachment["id"]] = attachment
            return attachment["id"]
        raise TypeError(f"option {name!r} (type {kind}) cannot take {raw!r}")

    def _resolve_user(self, user: User) -> str:
        self.resolved.setdefault("users", {})[str(user.id)] = payloads.user(user)
        member = self.guild.members.get(user.id)
        if member is not None:
            perms = self.world.permissions_in(self.channel, user)
            data = payloads.member(member, with_user=False, permissions=perms)
            self.resolved.setdefault("members", {})[str(user.id)] = data
        return str(user.id)


def unavailable(world: World, command: JsonDict, channel: Channel, user: User) -> str | None:
    """Why Discord would not offer ``command`` to ``user`` in ``channel``, or None if it would.

    Discord only offers a command in allowed contexts, to members with its permissions.
    """
    contexts = command.get("contexts")
    if contexts is not None and GUILD_CONTEXT not in contexts:
        return f"/{command['name']} is not available in guilds"
    required = command.get("default_member_permissions")
    if required is None:
        return None
    perms, needed = world.permissions_in(channel, user), int(required)
    if perms & permissions.ADMINISTRATOR or (needed and perms & needed == needed):
        return None
    return (
        f"Discord would not offer /{command['name']} to {user.username}: "
        f"default_member_permissions={required}"
    )


def _check_available(world: World, command: JsonDict, channel: Channel, user: User) -> None:
    reason = unavailable(world, command, channel, user)
    if reason is not None:
        raise PermissionError(reason)


def build(
    world: World,
    command: JsonDict,
    channel: Channel,
    user: User,
    path: list[str],
    given: Mapping[str, Any],
    *,
    focused: str | None = None,
) -> tuple[JsonDict, InteractionState]:
    """The INTERACTION_CREATE body for ``/name sub... option=value``, and its server state."""
    guild = world.guild_of(channel)
    invoker = guild.members.get(user.id)
    if invoker is None:
        raise ValueError(f"{user.username} is not a member of {guild.name}")
    _check_available(world, command, channel, user)
    builder = _Builder(world, guild, channel, invoker)
    schema: list[JsonDict] = command.get("options") or []
    nesting: list[JsonDict] = []
    for name in path:
        sub = next((o for o in schema if o["name"] == name and o["type"] in (1, 2)), None)
        if sub is None:
            raise ValueError(f"/{command['name']} has no subcommand {name!r}")
        nesting.append({"name": name, "type": sub["type"]})
        schema = sub.get("options") or []
    options = builder.options(schema, given, focused)
    for level in reversed(nesting):
        level["options"] = options
        options = [level]
    data: JsonDict = {"id": command["id"], "name": command["name"], "type": command["type"]}
    if options:
        data["options"] = options
    if builder.resolved:
        data["resolved"] = builder.resolved
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    kind = AUTOCOMPLETE if focused is not None else APPLICATION_COMMAND
    return command_interaction(world, guild, channel, user, invoker, command["name"], kind, data)


def command_interaction(
    world: World,
    guild: Guild,
    channel: Channel,
    user: User,
    member: Member,
    command_name: str,
    kind: int,
    data: JsonDict,
) -> tuple[JsonDict, InteractionState]:
    """The INTERACTION_CREATE body for a command interaction of ``kind`` carrying ``data``,
    as Discord sends it to the bot, and the server's state for it."""
    state = InteractionState(
        id=world.snowflakes.next(),
        token=f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(48)}",
        type=kind,
        channel_id=channel.id,
        guild_id=guild.id,
        user_id=user.id,
        command_name=command_name,
        created=time.monotonic(),
    )
    payload: JsonDict = {
        "id": str(state.id),
        "application_id": str(world.application.id),
        "type": kind,
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
