"""Discord's JSON shapes (API v10) for the world's entities.

Kept close to the documented objects because discord.py indexes many keys directly
and fails on a missing one, which is exactly what these tests should catch early.
"""

from __future__ import annotations

from .models import Application, Channel, Guild, JsonDict, Member, Role, User, World


def user(u: User) -> JsonDict:
    return {
        "id": str(u.id),
        "username": u.username,
        "discriminator": "0",
        "global_name": u.global_name,
        "avatar": None,
        "bot": u.bot,
        "system": False,
        "banner": None,
        "accent_color": None,
        "public_flags": 0,
    }


def self_user(u: User) -> JsonDict:
    """The bot's own user, as ``GET /users/@me`` and READY give it."""
    return {
        **user(u),
        "verified": True,
        "mfa_enabled": False,
        "email": None,
        "flags": 0,
        "locale": "en-US",
        "premium_type": 0,
    }


def role(r: Role) -> JsonDict:
    return {
        "id": str(r.id),
        "name": r.name,
        "color": r.color,
        "colors": {"primary_color": r.color, "secondary_color": None, "tertiary_color": None},
        "hoist": r.hoist,
        "icon": None,
        "unicode_emoji": None,
        "position": r.position,
        "permissions": str(r.permissions),
        "managed": r.managed,
        "mentionable": r.mentionable,
        "flags": 0,
    }


def member(m: Member, *, with_user: bool = True, permissions: int | None = None) -> JsonDict:
    data: JsonDict = {
        "nick": m.nick,
        "avatar": None,
        "banner": None,
        "roles": [str(role_id) for role_id in m.role_ids],
        "joined_at": m.joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if with_user:
        data["user"] = user(m.user)
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def channel(c: Channel, *, with_guild_id: bool = True) -> JsonDict:
    data: JsonDict = {
        "id": str(c.id),
        "type": c.type,
        "name": c.name,
        "position": c.position,
        "permission_overwrites": [
            {"id": str(o.id), "type": o.type, "allow": str(o.allow), "deny": str(o.deny)}
            for o in c.overwrites.values()
        ],
        "topic": c.topic,
        "nsfw": False,
        "last_message_id": str(c.last_message_id) if c.last_message_id else None,
        "rate_limit_per_user": 0,
        "parent_id": str(c.parent_id) if c.parent_id else None,
        "flags": 0,
    }
    if c.is_thread:
        data.update(
            owner_id=str(c.owner_id),
            message_count=0,
            member_count=1,
            thread_metadata={
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": "2024-01-01T00:00:00.000000+00:00",
                "locked": False,
            },
        )
    if with_guild_id:  # GUILD_CREATE omits it inside its channel list
        data["guild_id"] = str(c.guild_id)
    return data


def dm_channel(c: Channel, recipient: User) -> JsonDict:
    """A DM channel as ``GET /channels/{id}`` and ``POST /users/@me/channels`` give it."""
    return {
        "id": str(c.id),
        "type": c.type,
        "last_message_id": str(c.last_message_id) if c.last_message_id else None,
        "recipients": [user(recipient)],
        "flags": 0,
    }


def guild(g: Guild) -> JsonDict:
    """The REST guild object (no members, channels or other gateway-only fields)."""
    return {
        "id": str(g.id),
        "name": g.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(g.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [role(r) for r in g.roles.values()],
        "emojis": [],
        "stickers": [],
        "features": [],
        "mfa_level": 0,
        "application_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
    }


def guild_create(g: Guild, members: list[Member], *, large_threshold: int) -> JsonDict:
    """The GUILD_CREATE dispatch body: the guild plus its gateway-only fields."""
    return {
        **guild(g),
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "large": len(g.members) > large_threshold,
        "unavailable": False,
        "member_count": len(g.members),
        "voice_states": [],
        "members": [member(m) for m in members],
        "channels": [
            channel(c, with_guild_id=False) for c in g.channels.values() if not c.is_thread
        ],
        "threads": [channel(c) for c in g.channels.values() if c.is_thread],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def application(app: Application, world: World) -> JsonDict:
    return {
        "id": str(app.id),
        "name": app.name,
        "icon": None,
        "description": "",
        "summary": "",
        "rpc_origins": [],
        "bot_public": True,
        "bot_require_code_grant": False,
        "bot": user(app.bot),
        "verify_key": "0" * 64,
        "owner": user(app.owner),
        "team": None,
        "flags": app.flags,
        "tags": [],
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "approximate_guild_count": len(world.bot_guilds()),
    }
