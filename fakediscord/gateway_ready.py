"""What the gateway sends a session: READY, the members GUILD_CREATE lists, a member chunk
answering REQUEST_GUILD_MEMBERS, and what a message event shows under the session's intents,
each as Discord builds it."""

from __future__ import annotations

from . import messages, payloads
from .gateway_session import GUILD_PRESENCES, MESSAGE_CONTENT, Session
from .models import Config, Guild, JsonDict, Member, World


def ready(world: World, config: Config, session: Session, guilds: list[Guild]) -> JsonDict:
    """READY for ``session``: the bot, its guilds (unavailable until their GUILD_CREATE)."""
    app = world.application
    body: JsonDict = {
        "v": 10,
        "user": payloads.self_user(world.bot),
        "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
        "session_id": session.id,
        "session_type": "normal",
        "resume_gateway_url": config.resume_gateway_url,
        "application": {"id": str(app.id), "flags": app.flags},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
        "auth": {},
        "_trace": ["fakediscord"],
    }
    if session.shard is not None:
        body["shard"] = list(session.shard)
    return body


def initial_members(world: World, guild: Guild, session: Session) -> list[Member]:
    """Without Guild Presences, GUILD_CREATE only lists the bot itself (Discord's rule)."""
    if session.intents & GUILD_PRESENCES:
        return list(guild.members.values())
    return [guild.members[world.bot.id]]


def member_chunk(guild: Guild, data: JsonDict) -> JsonDict:
    """The one GUILD_MEMBERS_CHUNK answering ``data`` (op 8): the members asked for by id,
    or whose name or nickname starts with the query, up to the limit."""
    members = list(guild.members.values())
    wanted = data.get("user_ids")
    not_found: list[str] = []
    if wanted is not None:
        ids = {int(i) for i in (wanted if isinstance(wanted, list) else [wanted])}
        members = [m for m in members if m.id in ids]
        not_found = [str(i) for i in ids - {m.id for m in members}]
    elif query := str(data.get("query") or "").lower():
        members = [
            m
            for m in members
            if m.user.username.lower().startswith(query) or (m.nick or "").lower().startswith(query)
        ]
    if limit := int(data.get("limit") or 0):
        members = members[:limit]
    chunk: JsonDict = {
        "guild_id": str(guild.id),
        "members": [payloads.member(m) for m in members],
        "chunk_index": 0,
        "chunk_count": 1,
        "not_found": not_found,
    }
    if data.get("presences"):
        chunk["presences"] = []
    if data.get("nonce") is not None:
        chunk["nonce"] = data["nonce"]
    return chunk


def visible_to(world: World, session: Session, data: JsonDict) -> JsonDict:
    """A message event as ``session`` receives it: without Message Content, content is
    blanked, except in DMs, the bot's own messages, and messages that mention the bot."""
    bot_id = world.bot.id
    if session.intents & MESSAGE_CONTENT or int(data["author"]["id"]) == bot_id:
        return data
    if "guild_id" not in data:
        return data
    if messages.mentions_user(data, bot_id):
        return data
    return {**data, "content": "", "embeds": [], "attachments": [], "components": []}
