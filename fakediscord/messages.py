"""Message objects: creation, edits, mentions as ``allowed_mentions`` permits, gateway form.

Messages are stored in their REST shape; ``gateway_form`` adds what MESSAGE_CREATE
carries on top (``guild_id`` and partial ``member`` objects).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from . import payloads, permissions
from .models import LOADING, Channel, JsonDict, User, World

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_EVERYONE = re.compile(r"@(everyone|here)")
REPLY = 19


def timestamp() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")


def resolve_mentions(
    world: World,
    channel: Channel,
    author: User,
    content: str,
    allowed: Mapping[str, Any] | None,
    replied_to: User | None,
) -> tuple[list[User], list[int], bool]:
    """Who actually gets pinged: users, role IDs, and whether @everyone/@here fires.

    Without ``allowed_mentions`` everything in the content pings and a reply pings
    its author; with it, only what ``parse``/``users``/``roles``/``replied_user`` allow.
    """
    roles = {} if channel.is_dm else world.guild_of(channel).roles
    user_ids = [int(m) for m in _USER_MENTION.findall(content)]
    role_ids = [int(m) for m in _ROLE_MENTION.findall(content) if int(m) in roles]
    everyone = bool(_EVERYONE.search(content))
    if allowed is not None:
        parse = allowed.get("parse") or []
        listed_users = {int(u) for u in allowed.get("users") or []}
        listed_roles = {int(r) for r in allowed.get("roles") or []}
        user_ids = [u for u in user_ids if "users" in parse or u in listed_users]
        role_ids = [r for r in role_ids if "roles" in parse or r in listed_roles]
        everyone = everyone and "everyone" in parse
    if everyone and not world.permissions_in(channel, author) & permissions.MENTION_EVERYONE:
        everyone = False
    if replied_to is not None and (allowed is None or allowed.get("replied_user")):
        user_ids.append(replied_to.id)
    users: list[User] = []
    for user_id in dict.fromkeys(user_ids):
        found = world.users.get(user_id)
        if found is not None:
            users.append(found)
    return users, list(dict.fromkeys(role_ids)), everyone


def create(
    world: World,
    channel: Channel,
    author: User,
    body: Mapping[str, Any],
    *,
    attachments: list[JsonDict] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> JsonDict:
    """Store and return a new message built from a create-message style ``body``."""
    content = str(body.get("content") or "")
    reference = body.get("message_reference")
    referenced = world.messages.get(int(reference["message_id"])) if reference else None
    replied_to = world.users.get(int(referenced["author"]["id"])) if referenced else None
    users, roles, everyone = resolve_mentions(
        world, channel, author, content, body.get("allowed_mentions"), replied_to
    )
    message: JsonDict = {
        "id": str(world.snowflakes.next()),
        "channel_id": str(channel.id),
        "author": payloads.user(author),
        "content": content,
        "timestamp": timestamp(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": everyone,
        "mentions": [payloads.user(u) for u in users],
        "mention_roles": [str(r) for r in roles],
        "attachments": attachments or [],
        "embeds": list(body.get("embeds") or []),
        "pinned": False,
        "type": REPLY if referenced else 0,
        "flags": int(body.get("flags") or 0),
        "components": list(body.get("components") or []),
    }
    if body.get("nonce") is not None:
        message["nonce"] = body["nonce"]
    if referenced is not None:
        message["message_reference"] = {
            "type": 0,
            "message_id": referenced["id"],
            "channel_id": referenced["channel_id"],
        }
        if not channel.is_dm:
            message["message_reference"]["guild_id"] = str(channel.guild_id)
        message["referenced_message"] = {
            k: v for k, v in referenced.items() if k != "referenced_message"
        }
    message.update(extra or {})
    world.messages[int(message["id"])] = message
    channel.last_message_id = int(message["id"])
    return message


def edit(world: World, message: JsonDict, body: Mapping[str, Any]) -> JsonDict:
    """Apply an edit body (content, embeds, flags, ...) and return the updated message."""
    channel = world.channels[int(message["channel_id"])]
    author = world.users[int(message["author"]["id"])]
    if "content" in body:
        message["content"] = str(body["content"] or "")
    if "embeds" in body:
        message["embeds"] = list(body["embeds"] or [])
    if "components" in body:
        message["components"] = list(body["components"] or [])
    if "flags" in body and body["flags"] is not None:
        message["flags"] = int(body["flags"])
    message["flags"] = int(message.get("flags", 0)) & ~LOADING  # a deferred reply is now filled
    users, roles, everyone = resolve_mentions(
        world, channel, author, message["content"], body.get("allowed_mentions"), None
    )
    message.update(
        mentions=[payloads.user(u) for u in users],
        mention_roles=[str(r) for r in roles],
        mention_everyone=everyone,
        edited_timestamp=timestamp(),
    )
    return message


def gateway_form(world: World, message: Mapping[str, Any]) -> JsonDict:
    """MESSAGE_CREATE/UPDATE body: the REST message plus ``guild_id`` and partial members.

    A DM's message has neither: discord.py tells DMs apart by the missing ``guild_id``.
    """
    channel = world.channels[int(message["channel_id"])]
    if channel.is_dm:
        return dict(message)
    guild = world.guild_of(channel)
    data = dict(message)
    data["guild_id"] = str(guild.id)
    author = guild.members.get(int(message["author"]["id"]))
    if author is not None and "webhook_id" not in message:
        data["member"] = payloads.member(author, with_user=False)
    mentions = []
    for mentioned in message.get("mentions", []):
        member = guild.members.get(int(mentioned["id"]))
        extra = {"member": payloads.member(member, with_user=False)} if member else {}
        mentions.append({**mentioned, **extra})
    data["mentions"] = mentions
    return data


def mentions_user(message: Mapping[str, Any], user_id: int) -> bool:
    return any(int(m["id"]) == user_id for m in message.get("mentions", []))
