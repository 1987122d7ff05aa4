"""The playground's servers: two, each with one channel and the same three people, one for
each level of trust, so that what a moderator changes in one server can be seen not to change
the other (``[corpus] scope = "per_server"``)."""

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


@dataclass(frozen=True)
class Server:
    key: str  # what the page sends: first, second
    guild: Guild
    channel: Channel
    people: dict[str, Person]


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
        servers[key] = Server(key, guild, channel, people)
    return PlaygroundGuild(servers)
