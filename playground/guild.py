"""The playground's guild: three people, one for each level of trust, and three channels:
#general for commands, #ask-ai where every message is a question, and #help-forum, a forum
whose new posts are answered in their thread."""

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


QUESTION_CHANNELS = ("ask-ai", "help-forum")  # the playground's [discord] question_channels


@dataclass(frozen=True)
class PlaygroundGuild:
    guild: Guild
    channel: Channel  # #general, where the page opens
    people: dict[str, Person]
    channels: tuple[Channel, ...] = ()  # every channel in the list, #general first

    def channel_of(self, channel_id: int) -> Channel | None:
        """A channel of the page's guild, threads included; None for any other."""
        channel = self.guild.channels.get(channel_id)
        return channel


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
    return PlaygroundGuild(guild, channel, people, (channel, asking, forum))
