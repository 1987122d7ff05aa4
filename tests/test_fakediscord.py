"""The fake Discord speaks the protocol a real discord.py client expects.

Every test drives an ordinary discord.py client (not citebot) over real sockets on
127.0.0.1; only Discord's address is changed, via ``bot.endpoints.use_endpoints``.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from fakediscord import FakeDiscord, Upload, permissions, running, skip_identify_delay
from fakediscord.models import LOADING

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild


MESSAGES_ROUTE = "POST /channels/{channel_id}/messages"


def all_needed_intents() -> discord.Intents:
    intents = discord.Intents.default()
    intents.members = True
    intents.message_content = True
    return intents


class Listener(discord.Client):
    """A plain client that queues the messages other users post."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("intents", all_needed_intents())
        super().__init__(guild_ready_timeout=0.2, **options)
        self.inbox: asyncio.Queue[discord.Message] = asyncio.Queue()
        skip_identify_delay(self)

    async def on_message(self, message: discord.Message) -> None:
        if message.author != self.user:
            await self.inbox.put(message)

    async def next_message(self, timeout: float = 5.0) -> discord.Message:
        return await asyncio.wait_for(self.inbox.get(), timeout)


async def test_client_becomes_ready_and_sees_guild_roles_members_and_channels(
    fake_guild: SeededGuild,
) -> None:
    seeded, server = fake_guild, fake_guild.server
    async with running(Listener(), server.token) as client:
        guild = client.get_guild(seeded.guild.id)
        assert guild is not None and guild.name == "Test Guild"
        assert guild.owner_id == seeded.owner.id
        assert client.user is not None and client.user.id == server.bot_user.id
        manager = guild.get_role(seeded.manager_role.id)
        assert manager is not None and manager.permissions.manage_guild
        assert guild.get_role(seeded.moderator_role.id) is not None
        member_ids = {m.id for m in guild.members}
        assert {seeded.owner.id, seeded.alice.id, seeded.bob.id, server.bot_user.id} <= member_ids
        mod = guild.get_member(seeded.moderator.id)
        assert mod is not None and seeded.moderator_role.id in [r.id for r in mod.roles]
        general = guild.get_channel(seeded.channel.id)
        no_embeds = guild.get_channel(seeded.no_embeds_channel.id)
        assert isinstance(general, discord.TextChannel) and isinstance(
            no_embeds, discord.TextChannel
        )
        assert general.permissions_for(guild.me).embed_links
        assert not no_embeds.permissions_for(guild.me).embed_links
        assert client.application_id == server.bot_user.id
    connect = server.gateway_events.items[0]
    assert connect.kind == "connect" and connect.detail["query"]["compress"] == "zlib-stream"
    assert server.gateway.heartbeats >= 1
    assert server.unknown_routes == []


async def test_on_message_receives_posted_content(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "hello bot")
        message = await client.next_message()
        assert (message.id, message.content) == (posted.id, "hello bot")
        assert message.author.id == fake_guild.alice.id
        assert isinstance(message.author, discord.Member)
        assert message.channel.id == fake_guild.channel.id


async def test_a_users_attachment_is_served_by_its_url_as_from_discords_cdn(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        upload = Upload("notes.txt", b"Notes\n\nA paragraph.\n")
        await server.post_message(fake_guild.channel, fake_guild.alice, "", files=(upload,))
        message = await client.next_message()
        (attachment,) = message.attachments
        assert (attachment.filename, attachment.size) == ("notes.txt", len(upload.data))
        assert await attachment.read() == upload.data  # no token: fetched by its URL alone
        lying = Upload("big.txt", b"x" * 100, size=5)
        await server.post_message(fake_guild.channel, fake_guild.alice, "", files=(lying,))
        assert (await client.next_message()).attachments[0].size == 5
        missing = attachment.url.replace(str(attachment.id), "1")
        async with aiohttp.ClientSession() as session, session.get(missing) as response:
            assert response.status == 404


async def test_content_is_empty_without_the_message_content_intent(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(intents=discord.Intents.default()), server.token) as client:
        await server.post_message(fake_guild.channel, fake_guild.alice, "secret")
        assert (await client.next_message()).content == ""
        mention = f"{server.bot_user.mention} visible"
        await server.post_message(fake_guild.channel, fake_guild.alice, mention)
        assert (await client.next_message()).content == mention


class Replier(Listener):
    """Replies to every user message with a mention and an embed (mentions disabled)."""

    def __init__(self) -> None:
        super().__init__(allowed_mentions=discord.AllowedMentions.none())

    async def on_message(self, message: discord.Message) -> None:
        if message.author != self.user:  # it also receives its own messages, as on Discord
            embed = discord.Embed(title="Source", description="a quote")
            await message.reply(f"{message.author.mention} see below", embed=embed)


async def test_reply_records_reference_embed_and_allowed_mentions(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Replier(), server.token):
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "question")
        sent = await server.wait_for_reply(posted)
    assert sent.kind == "message" and sent.route == MESSAGES_ROUTE
    assert sent.message_reference is not None
    assert int(sent.message_reference["message_id"]) == posted.id
    assert sent.embeds[0]["title"] == "Source" and sent.embeds[0]["description"] == "a quote"
    assert sent.allowed_mentions == {"parse": []}
    assert sent.mentioned_user_ids == []
    assert sent.message is not None and sent.message["type"] == 19


async def test_embeds_are_dropped_where_embed_links_is_denied(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        channel = client.get_channel(fake_guild.no_embeds_channel.id)
        assert isinstance(channel, discord.TextChannel)
        await channel.send("text", embed=discord.Embed(title="hidden"))
        with pytest.raises(discord.Forbidden):
            await channel.send(embed=discord.Embed(title="embed only"))
    shown, refused = server.sent.items
    assert (
        shown.delivered and shown.embeds == [] and shown.payload["embeds"][0]["title"] == "hidden"
    )
    assert refused.status == 403 and refused.error == {
        "message": "Missing Permissions",
        "code": 50013,
    }


async def test_over_long_content_is_refused_as_invalid_form_body(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        channel = client.get_channel(fake_guild.channel.id)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.HTTPException) as caught:
            await channel.send("x" * 2001)
    assert caught.value.status == 400 and caught.value.code == 50035
    assert "Must be 2000 or fewer in length." in str(caught.value)


async def test_typing_is_recorded(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        channel = client.get_channel(fake_guild.channel.id)
        assert isinstance(channel, discord.TextChannel)
        async with channel.typing():
            await channel.send("typed")
        typing = await server.typing.wait_for(lambda t: t.channel_id == channel.id)
    assert typing.channel_id == fake_guild.channel.id
    assert server.sent.items[-1].content == "typed"


class SlashClient(Listener):
    """A client with an ``/ask`` slash command (plus autocomplete) and a deferred ``/slow``."""

    def __init__(self, guild_id: int) -> None:
        super().__init__()
        self.tree = app_commands.CommandTree(self)
        self.errors: list[Exception] = []
        guild = discord.Object(guild_id)

        @self.tree.command(name="ask", description="Ask the corpus", guild=guild)
        @app_commands.describe(question="What to ask")
        async def ask(
            interaction: discord.Interaction, question: str, private: bool = False
        ) -> None:
            try:
                await interaction.response.send_message(f"you asked: {question}", ephemeral=private)
            except discord.HTTPException as error:
                self.errors.append(error)

        @ask.autocomplete("question")
        async def suggest(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=f"{current} why?", value=f"{current} why?")]

        @self.tree.command(name="revise", description="Answer, then edit", guild=guild)
        async def revise(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("draft")
            original = await interaction.original_response()
            await interaction.edit_original_response(content=f"{original.content}, revised")

        @self.tree.command(name="settings", description="Managers only", guild=guild)
        @app_commands.default_permissions(manage_guild=True)
        async def settings(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("settings", ephemeral=True)

        @self.tree.command(name="slow", description="Think first", guild=guild)
        async def slow(interaction: discord.Interaction, member: discord.Member) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send(f"about {member.display_name}")


async def test_slash_command_is_synced_and_answered_through_the_callback(
    fake_guild: SeededGuild,
) -> None:
    server, guild = fake_guild.server, fake_guild.guild
    async with running(SlashClient(guild.id), server.token) as client:
        synced = await client.tree.sync(guild=discord.Object(guild.id))
        assert {c.name for c in synced} == {"ask", "revise", "settings", "slow"}
        stored = {c["name"]: c for c in server.synced_commands(guild)}
        assert [o["name"] for o in stored["ask"]["options"]] == ["question", "private"]

        invocation = await server.invoke_slash(
            fake_guild.channel, fake_guild.alice, "ask", {"question": "why"}
        )
        answer = await server.wait_for_reply(invocation)
        assert answer.kind == "interaction_response" and answer.content == "you asked: why"
        assert answer.route == "POST /interactions/{webhook_id}/{webhook_token}/callback"
        assert not answer.ephemeral

        private = await server.invoke_slash(
            fake_guild.channel, fake_guild.bob, "/ask", {"question": "q", "private": True}
        )
        assert (await server.wait_for_reply(private)).ephemeral

        typed = await server.invoke_autocomplete(
            fake_guild.channel, fake_guild.alice, "ask", {"question": "how"}, focused="question"
        )
        choices = await server.wait_for_reply(typed)
        assert choices.kind == "autocomplete" and choices.choices == [
            {"name": "how why?", "value": "how why?"}
        ]

        slow = await server.invoke_slash(
            fake_guild.channel, fake_guild.alice, "slow", {"member": fake_guild.bob}
        )
        followup = await server.wait_for_reply(slow)
        assert followup.kind == "followup" and followup.content == "about bob"
        deferred, filled = [s for s in server.sent.items if s.interaction_id == slow.id]
        assert (deferred.kind, filled.kind) == ("deferred", "followup")
        # The followup replaced the "thinking..." message rather than posting a second one.
        assert deferred.message and filled.message
        assert filled.message["id"] == deferred.message["id"]
        assert deferred.flags & LOADING and not filled.flags & LOADING

        with pytest.raises(PermissionError):  # Discord hides it from members without Manage Server
            await server.invoke_slash(fake_guild.channel, fake_guild.alice, "settings")
        managed = await server.invoke_slash(fake_guild.channel, fake_guild.manager, "settings")
        assert (await server.wait_for_reply(managed)).content == "settings"

        revise = await server.invoke_slash(fake_guild.channel, fake_guild.alice, "revise")
        edited = await server.wait_for(lambda s: s.kind == "edit_original", since=revise.mark)
        assert edited.content == "draft, revised" and edited.interaction_id == revise.id
    assert client.errors == []


async def test_interaction_answered_after_the_deadline_is_unknown(fake_guild: SeededGuild) -> None:
    server, guild = fake_guild.server, fake_guild.guild
    server.config.interaction_deadline = 0.1
    server.delay("POST /interactions/{webhook_id}/{webhook_token}/callback", 0.3)
    async with running(SlashClient(guild.id), server.token) as client:
        await client.tree.sync(guild=discord.Object(guild.id))
        await server.invoke_slash(fake_guild.channel, fake_guild.alice, "ask", {"question": "late"})
        rejected = await server.wait_for(lambda s: not s.delivered)
    assert rejected.error == {"message": "Unknown interaction", "code": 10062}
    assert isinstance(client.errors[0], discord.NotFound)


@pytest.mark.parametrize("code", [1006, 4000])
async def test_gateway_close_resumes_and_replays_missed_messages(
    fake_guild: SeededGuild, code: int
) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        mark = len(server.gateway_events)
        assert await server.close_gateway(code) == 1
        await server.wait_for_gateway("closed", since=mark)
        missed = await server.post_message(fake_guild.channel, fake_guild.alice, "while away")
        resumed = await server.wait_for_gateway("resume", since=mark)
        assert resumed.detail["path"] == "/gateway-resume" and resumed.detail["replayed"] >= 1
        assert (await client.next_message()).id == missed.id
        after = await server.post_message(fake_guild.channel, fake_guild.bob, "after resume")
        assert (await client.next_message()).id == after.id
    kinds = [e.kind for e in server.gateway_events.items[mark:]]
    assert "identify" not in kinds


async def test_reconnect_request_resumes(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        mark = len(server.gateway_events)
        await server.request_reconnect()
        await server.wait_for_gateway("resumed", since=mark)
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "still here")
        assert (await client.next_message()).id == posted.id


async def test_invalid_session_makes_the_client_identify_again(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        first_session = server.gateway_events.items[-1].session_id
        mark = len(server.gateway_events)
        assert await server.invalidate_session(resumable=False) == 1
        identify = await server.wait_for_gateway("identify", since=mark)
        await server.wait_for_gateway("ready", since=mark)
        assert identify.detail["path"] == "/gateway" and identify.session_id != first_session
        posted = await server.post_message(fake_guild.channel, fake_guild.alice, "new session")
        assert (await client.next_message()).id == posted.id


async def test_rate_limited_send_is_retried_after_retry_after(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    server.rate_limit(MESSAGES_ROUTE, retry_after=0.2)
    async with running(Listener(), server.token) as client:
        channel = client.get_channel(fake_guild.channel.id)
        assert isinstance(channel, discord.TextChannel)
        started = time.monotonic()
        message = await channel.send("eventually")
        elapsed = time.monotonic() - started
    statuses = [r.status for r in server.requests.items if r.route == MESSAGES_ROUTE]
    assert statuses == [429, 200]
    assert elapsed >= 0.2
    assert [s.content for s in server.sent.items] == ["eventually"]
    assert message.content == "eventually"


async def test_wrong_token_is_a_login_failure(fake_discord: FakeDiscord) -> None:
    with pytest.raises(discord.LoginFailure):
        async with running(Listener(), "not-the-token"):
            pass
    assert fake_discord.requests.items[0].status == 401


async def test_unserved_routes_are_recorded(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(Listener(), server.token) as client:
        channel = client.get_channel(fake_guild.channel.id)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.NotFound):
            await channel.create_invite()
    assert server.unknown_routes == [f"POST /api/v10/channels/{channel.id}/invites"]


async def test_commands_bot_prefix_command_and_application_owner(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    bot = commands.Bot(command_prefix="!", intents=all_needed_intents(), guild_ready_timeout=0.2)

    @bot.command()
    async def owner(ctx: commands.Context[commands.Bot]) -> None:
        await ctx.reply("yes" if await ctx.bot.is_owner(ctx.author) else "no", mention_author=False)

    async with running(bot, server.token):
        asked = await server.post_message(fake_guild.channel, fake_guild.owner, "!owner")
        assert (await server.wait_for_reply(asked)).content == "yes"
        asked = await server.post_message(fake_guild.channel, fake_guild.alice, "!owner")
        assert (await server.wait_for_reply(asked)).content == "no"


async def test_autosharded_client_gets_its_gateway_and_shard_from_the_server(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    client = discord.AutoShardedClient(intents=all_needed_intents(), guild_ready_timeout=0.2)
    skip_identify_delay(client)
    async with running(client, server.token):
        assert client.shard_count == 1 and client.get_guild(fake_guild.guild.id) is not None
        identify = await server.wait_for_gateway("identify")
        assert identify.detail["shard"] == [0, 1]
        mark = len(server.gateway_events)
        await server.close_gateway(4000)
        await server.wait_for_gateway("resumed", since=mark)
    assert "GET /gateway/bot" in [r.route for r in server.requests.items]


async def test_hybrid_command_answers_prefix_and_slash_invocations(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    bot = commands.Bot(command_prefix="!", intents=all_needed_intents(), guild_ready_timeout=0.2)

    @bot.hybrid_command(name="cite", description="Quote the corpus")
    async def cite(ctx: commands.Context[commands.Bot], *, question: str) -> None:
        async with ctx.typing():
            answer = f"quotes about {question}"
        await ctx.send(answer)

    async with running(bot, server.token):
        await bot.tree.sync()
        assert [c["name"] for c in server.synced_commands()] == ["cite"]
        asked = await server.post_message(fake_guild.channel, fake_guild.alice, "!cite tides")
        assert (await server.wait_for_reply(asked)).content == "quotes about tides"
        assert [t.channel_id for t in server.typing.items] == [fake_guild.channel.id]
        slash = await server.invoke_slash(
            fake_guild.channel, fake_guild.bob, "cite", {"question": "moon"}
        )
        answer = await server.wait_for_reply(slash)
        assert (answer.kind, answer.content) == ("followup", "quotes about moon")
        assert server.replies(slash) == [answer]


def test_permission_overwrites_follow_discords_order() -> None:
    server = FakeDiscord()
    owner, user = server.create_user("owner"), server.create_user("user")
    guild = server.create_guild("g", owner=owner)
    role = server.create_role(guild, "allowed")
    server.add_member(guild, user, roles=[role])
    channel = server.create_text_channel(guild, "c")
    server.set_permission_overwrite(channel, guild.everyone, deny=permissions.EMBED_LINKS)
    assert not server.world.permissions_in(channel, user) & permissions.EMBED_LINKS
    server.set_permission_overwrite(channel, role, allow=permissions.EMBED_LINKS)
    assert server.world.permissions_in(channel, user) & permissions.EMBED_LINKS
    server.set_permission_overwrite(channel, user, deny=permissions.VIEW_CHANNEL)
    assert server.world.permissions_in(channel, user) == 0
    assert server.world.permissions_in(channel, owner) == permissions.ALL


async def test_direct_messages_reach_the_bot_without_a_guild_and_replies_go_back(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    dm = server.create_dm_channel(fake_guild.alice)
    assert server.create_dm_channel(fake_guild.alice) is dm  # one DM channel per user
    async with running(Listener(intents=discord.Intents.default()), server.token) as client:
        posted = await server.post_message(dm, fake_guild.alice, "psst")
        message = await client.next_message()
        # Content is visible in DMs even without the Message Content intent.
        assert (message.id, message.content, message.guild) == (posted.id, "psst", None)
        assert isinstance(message.channel, discord.DMChannel)
        assert message.author.id == fake_guild.alice.id
        await message.reply("back to you", mention_author=False)
        user = await client.fetch_user(fake_guild.bob.id)
        opened = await user.create_dm()
        await opened.send("hello bob")
    reply, to_bob = server.sent.items
    assert (reply.channel_id, reply.content) == (dm.id, "back to you")
    assert reply.message is not None and "guild_id" not in reply.message["message_reference"]
    assert (to_bob.channel_id, to_bob.content) == (
        server.create_dm_channel(fake_guild.bob).id,
        "hello bob",
    )
    assert "POST /users/@me/channels" in [r.route for r in server.requests.items]
    with pytest.raises(ValueError, match="not the recipient"):
        await server.post_message(dm, fake_guild.bob, "not my DM")
