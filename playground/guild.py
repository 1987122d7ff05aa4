"""The playground's guild: one channel and three people, one for each level of trust."""

from __future__ import annotations

from dataclasses import dataclass

from fakediscord import Channel, FakeDiscord, Guild, Member, User, permissions

BOT_NAME = "citebot"
MODERATOR_COLOUR = 0x2ECC71
OWNER_COLOUR = 0xF1C40F


@dataclass(frozen=True)
class Person:
    """Someone the page lets you speak as."""

    key: str  # what the page sends: member, moderator, owner
    label: str
    member: Member
    colour: int

    @property
    def user(self) -> User:
        return self.member.user


@dataclass(frozen=True)
class PlaygroundGuild:
    guild: Guild
    channel: Channel
    people: dict[str, Person]


def seed(server: FakeDiscord) -> PlaygroundGuild:
    """Build the guild before the bot connects: the owner also owns the application, so
    ``!sync`` and other owner-only commands work for them, as on a real server."""
    owner = server.application_owner
    owner.username, owner.global_name = "owner", "Owner"
    guild = server.create_guild("citebot playground", owner=owner)
    moderators = server.create_role(guild, "Moderator", permissions=permissions.MANAGE_GUILD)
    moderators.color, moderators.hoist = MODERATOR_COLOUR, True
    member = server.create_user("member")
    member.global_name = "Member"
    moderator = server.create_user("moderator")
    moderator.global_name = "Moderator"
    channel = server.create_text_channel(
        guild, "general", topic="Ask citebot about its articles: !ask, /ask, !summary, !help"
    )
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
    return PlaygroundGuild(guild, channel, people)
