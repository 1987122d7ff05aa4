"""The playground's servers: two, each with the same three people, one for each level of
trust, and three channels: #general for commands, #ask-ai where every message is a question,
and #help-forum, a forum whose new posts are answered in their thread. What a moderator
changes in one server can be seen not to change the other (``[corpus] scope = "per_server"``)."""

from __future__ import annotations

from dataclasses import dataclass

from fakediscord import Channel, FakeDiscord, Guild, Member, User, permissions

BOT_NAME = "citebot"
MODERATOR_COLOUR = 0x2ECC71
OWNER_COLOUR = 0xF1C40F
SERVERS = (
    ("first", "citebot playground", "Ask citebot about its articles: !ask, /ask, !summary, !help"),
    ("second", "second server", "Another server: its moderators' article changes stay here"),
)


@dataclass(frozen=True)
class Person:
    """Someone the page lets you speak as, in one server."""

    key: str  # what the page sends: member, moderator, owner
    label: str
    member: Member
    colour: int

    @property
    def user(self) -> User:
        return self.member.user

    @property
    def moderates(self) -> bool:
        return self.key != "member"


QUESTION_CHANNELS = ("ask-ai", "help-forum")  # the playground's [discord] question_channels


@dataclass(frozen=True)
class Server:
    key: str  # what the page sends: first, second
    guild: Guild
    channel: Channel  # #general, where the page opens
    people: dict[str, Person]
    channels: tuple[Channel, ...] = ()  # every channel in the list, #general first

    def channel_of(self, channel_id: int) -> Channel | None:
        """A channel of this server, threads included; None for any other."""
        return self.guild.channels.get(channel_id)


@dataclass(frozen=True)
class PlaygroundGuild:
    """The playground's servers, by key; the first is where the page opens."""

    servers: dict[str, Server]

    @property
    def first(self) -> Server:
        return next(iter(self.servers.values()))

    @property
    def guild(self) -> Guild:
        return self.first.guild

    @property
    def channel(self) -> Channel:
        return self.first.channel

    @property
    def people(self) -> dict[str, Person]:
        return self.first.people

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self.first.channels

    def channel_of(self, channel_id: int) -> Channel | None:
        """A channel of one of the servers, threads included; None for any other."""
        for where in self.servers.values():
            channel = where.channel_of(channel_id)
            if channel is not None:
                return channel
        return None

    def server_of(self, channel_id: int) -> Server | None:
        """The server a channel (or thread) is in; None for any other channel."""
        for where in self.servers.values():
            if where.channel_of(channel_id) is not None:
                return where
        return None


def seed(server: FakeDiscord) -> PlaygroundGuild:
    """Build the servers before the bot connects: the owner also owns the application, so
    ``!sync`` and other owner-only commands work for them, as on a real server."""
    owner = server.application_owner
    owner.username, owner.global_name = "owner", "Owner"
    member = server.create_user("member")
    member.global_name = "Member"
    moderator = server.create_user("moderator")
    moderator.global_name = "Moderator"
    servers = {}
    for key, name, topic in SERVERS:
        guild = server.create_guild(name, owner=owner)
        moderators = server.create_role(guild, "Moderator", permissions=permissions.MANAGE_GUILD)
        moderators.color, moderators.hoist = MODERATOR_COLOUR, True
        channel = server.create_text_channel(guild, "general", topic=topic)
        asking = server.create_text_channel(
            guild, "ask-ai", topic="Every message here is a question for citebot; no command needed"
        )
        forum = server.create_forum_channel(guild, "help-forum")
        forum.topic = "Start a post with a question: citebot answers it in the post's thread"
        people = {
            "member": Person("member", "Member", server.add_member(guild, member), 0),
            "moderator": Person(
                "moderator",
                "Moderator",
                server.add_member(guild, moderator, roles=[moderators]),
                MODERATOR_COLOUR,
            ),
            "owner": Person("owner", "Owner", guild.members[owner.id], OWNER_COLOUR),
        }
        servers[key] = Server(key, guild, channel, people, (channel, asking, forum))
    return PlaygroundGuild(servers)
