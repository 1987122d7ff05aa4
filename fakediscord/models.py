"""The fake Discord's world: users, guilds, roles, members, channels and messages.

Tests build this world before the bot connects; the REST and gateway layers read it
and serialise it into Discord's JSON shapes (see ``payloads``).
"""

from __future__ import annotations

import mimetypes
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from . import permissions

DISCORD_EPOCH_MS = 1_420_070_400_000
EPHEMERAL = 1 << 6
LOADING = 1 << 7

JsonDict = dict[str, Any]


class Snowflakes:
    """Increasing, time-based IDs, so ``discord.utils.snowflake_time`` gives sane dates."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(candidate, self._last + 1)
        return self._last


@dataclass(eq=False)
class User:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass(eq=False)
class Role:
    id: int
    guild_id: int
    name: str
    permissions: int = 0
    position: int = 0
    mentionable: bool = False
    managed: bool = False
    hoist: bool = False
    color: int = 0

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"


@dataclass(eq=False)
class Member:
    user: User
    guild_id: int
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = "2024-01-01T00:00:00.000000+00:00"

    @property
    def id(self) -> int:
        return self.user.id


@dataclass
class Overwrite:
    """A channel permission overwrite; ``type`` 0 targets a role, 1 a member."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0


DM_CHANNEL = 1
PUBLIC_THREAD = 11
FORUM_CHANNEL = 15


@dataclass(eq=False)
class Channel:
    """A guild text channel, or (``guild_id`` None, type 1) a DM with ``recipient_id``."""

    id: int
    guild_id: int | None
    name: str
    type: int = 0
    position: int = 0
    topic: str | None = None
    overwrites: dict[int, Overwrite] = field(default_factory=dict)
    last_message_id: int | None = None
    recipient_id: int | None = None
    parent_id: int | None = None  # a thread's channel (text or forum)
    owner_id: int | None = None  # who started a thread

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.guild_id is None

    @property
    def is_thread(self) -> bool:
        return self.type == PUBLIC_THREAD


@dataclass(eq=False)
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]


@dataclass(frozen=True)
class Upload:
    """A file a user attaches (to a message, or as a slash command's attachment option).

    ``size`` is what the attachment object claims; by default the true size, and a test may
    make it lie, as a hand-made request could.
    """

    filename: str
    data: bytes
    size: int | None = None


@dataclass(eq=False)
class Application:
    id: int
    name: str
    owner: User
    bot: User
    flags: int = 0


class World:
    """Every entity the fake server knows, indexed by ID."""

    def __init__(self, bot_name: str = "FakeBot", owner_name: str = "app-owner") -> None:
        self.snowflakes = Snowflakes()
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, JsonDict] = {}
        self.dm_channels: dict[int, Channel] = {}  # by recipient user ID
        self.files: dict[int, bytes] = {}  # attachments' bytes, by attachment ID
        self.files_base = ""  # where attachments are served: set once the server listens
        self.bot = self.create_user(bot_name, bot=True)
        owner = self.create_user(owner_name)
        self.application = Application(id=self.bot.id, name=bot_name, owner=owner, bot=self.bot)

    def attach(self, upload: Upload, description: str | None = None) -> JsonDict:
        """Store a file and return its attachment object, served at its ``url``."""
        attachment_id = self.snowflakes.next()
        self.files[attachment_id] = upload.data
        url = f"{self.files_base}/{attachment_id}/{upload.filename}"
        return {
            "id": str(attachment_id),
            "filename": upload.filename,
            "description": description,
            "content_type": mimetypes.guess_type(upload.filename)[0] or "application/octet-stream",
            "size": len(upload.data) if upload.size is None else upload.size,
            "url": url,
            "proxy_url": url,
        }

    def create_user(
        self, username: str, *, bot: bool = False, global_name: str | None = None
    ) -> User:
        user = User(self.snowflakes.next(), username, global_name=global_name, bot=bot)
        self.users[user.id] = user
        return user

    def create_guild(
        self,
        name: str,
        *,
        owner: User,
        everyone_permissions: int = permissions.DEFAULT_EVERYONE,
        bot_permissions: int = permissions.DEFAULT_EVERYONE,
    ) -> Guild:
        """A guild with @everyone, the owner, and the bot holding its managed role."""
        guild = Guild(self.snowflakes.next(), name, owner.id)
        self.guilds[guild.id] = guild
        guild.roles[guild.id] = Role(guild.id, guild.id, "@everyone", everyone_permissions)
        self.add_member(guild, owner)
        bot_role = self.create_role(guild, self.bot.username, permissions=bot_permissions)
        bot_role.managed = True
        self.add_member(guild, self.bot, roles=[bot_role])
        return guild

    def create_role(
        self, guild: Guild, name: str, *, permissions: int = 0, mentionable: bool = False
    ) -> Role:
        role = Role(self.snowflakes.next(), guild.id, name, permissions, position=len(guild.roles))
        role.mentionable = mentionable
        guild.roles[role.id] = role
        return role

    def add_member(
        self, guild: Guild, user: User, *, roles: list[Role] | None = None, nick: str | None = None
    ) -> Member:
        member = Member(user, guild.id, [role.id for role in roles or []], nick)
        guild.members[user.id] = member
        return member

    def create_text_channel(self, guild: Guild, name: str, *, topic: str | None = None) -> Channel:
        channel = Channel(self.snowflakes.next(), guild.id, name, position=len(guild.channels))
        channel.topic = topic
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        return channel

    def create_dm_channel(self, user: User) -> Channel:
        """The bot's DM channel with ``user`` (one per user, as on Discord)."""
        channel = self.dm_channels.get(user.id)
        if channel is None:
            channel = Channel(self.snowflakes.next(), None, "", type=DM_CHANNEL)
            channel.recipient_id = user.id
            self.dm_channels[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    def set_overwrite(
        self, channel: Channel, target: Role | User | Member, *, allow: int = 0, deny: int = 0
    ) -> Overwrite:
        kind = 0 if isinstance(target, Role) else 1
        overwrite = Overwrite(target.id, kind, allow, deny)
        channel.overwrites[target.id] = overwrite
        return overwrite

    def guild_of(self, channel: Channel) -> Guild:
        if channel.guild_id is None:
            raise ValueError(f"channel {channel.id} is a DM, not in a guild")
        return self.guilds[channel.guild_id]

    def bot_guilds(self) -> list[Guild]:
        return [guild for guild in self.guilds.values() if self.bot.id in guild.members]

    def permissions_in(self, channel: Channel, user: User) -> int:
        if channel.is_dm:
            return permissions.DM if user.id in (channel.recipient_id, self.bot.id) else 0
        guild = self.guild_of(channel)
        member = guild.members.get(user.id)
        if member is None:
            return 0
        if channel.is_thread and channel.parent_id is not None:  # a thread has its parent's
            channel = self.channels[channel.parent_id]
        return permissions.channel_permissions(guild, member, channel)


@dataclass
class Config:
    """Server knobs; the URLs are filled in once the server listens."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    heartbeat_interval: float = 1.0
    interaction_deadline: float = 3.0
    privileged_intents: bool = True
    shard_count: int = 1
    api_base: str = ""
    gateway_url: str = ""
    resume_gateway_url: str = ""
