"""Buttons and select menus: the fake Discord carries them on messages and turns clicks into
MESSAGE_COMPONENT interactions that an ordinary discord.py client (not citebot) answers."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
import pytest

from fakediscord import FakeDiscord, running, skip_identify_delay
from fakediscord.components import BUTTON, STRING_SELECT

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

CALLBACK = "POST /interactions/{webhook_id}/{webhook_token}/callback"


class Menu(discord.ui.View):
    """A colour menu and three buttons, each answering a click in a different way."""

    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.picked: list[str] = []

    @discord.ui.select(
        custom_id="colour",
        placeholder="Pick colours",
        min_values=1,
        max_values=2,
        options=[discord.SelectOption(label=c, value=c.lower()) for c in ("Red", "Green", "Blue")],
    )
    async def colour(
        self, interaction: discord.Interaction, select: discord.ui.Select[Any]
    ) -> None:
        self.picked = list(select.values)
        await interaction.response.edit_message(content=f"picked {', '.join(select.values)}")

    @discord.ui.button(label="Later", custom_id="later")
    async def later(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="done later", view=None)

    @discord.ui.button(label="Reply", custom_id="reply")
    async def reply(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.send_message(f"hello {interaction.user.name}", ephemeral=True)

    @discord.ui.button(label="Off", custom_id="off", disabled=True)
    async def off(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        raise AssertionError("a disabled button cannot be pressed")


class MenuClient(discord.Client):
    """Answers "menu" with a ``Menu``; records what failed."""

    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(intents=intents, guild_ready_timeout=0.2)
        skip_identify_delay(self)
        self.menus: asyncio.Queue[Menu] = asyncio.Queue()

    async def on_message(self, message: discord.Message) -> None:
        if message.author != self.user and message.content == "menu":
            menu = Menu()
            menu.add_item(discord.ui.Button(label="Docs", url="https://example.com/docs"))
            await message.channel.send("choose", view=menu)
            await self.menus.put(menu)


async def _menu(server: FakeDiscord, guild: SeededGuild) -> Any:
    posted = await server.post_message(guild.channel, guild.alice, "menu")
    return await server.wait_for_reply(posted)


async def test_a_view_is_sent_as_action_rows_of_buttons_and_a_select_menu(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token):
        sent = await _menu(server, fake_guild)
    rows = sent.components
    assert [row["type"] for row in rows] == [1, 1]
    select, *buttons = [item for row in rows for item in row["components"]]
    assert select["type"] == STRING_SELECT and select["custom_id"] == "colour"
    assert [o["value"] for o in select["options"]] == ["red", "green", "blue"]
    assert [b["type"] for b in buttons] == [BUTTON] * 4
    assert buttons[-1]["url"] == "https://example.com/docs"


async def test_picking_options_sends_a_component_interaction_answered_by_updating_the_message(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token) as client:
        sent = await _menu(server, fake_guild)
        menu = await client.menus.get()
        used = await server.select(sent, fake_guild.bob, "colour", ["blue", "red"])
        update = await server.wait_for_reply(used)
    assert menu.picked == ["blue", "red"]
    assert update.kind == "update_message" and update.route == CALLBACK
    assert update.content == "picked blue, red"
    assert update.message is not None and update.message["id"] == sent.message["id"]
    stored = server.world.messages[int(sent.message["id"])]
    assert stored["content"] == "picked blue, red" and stored["edited_timestamp"] is not None


async def test_a_deferred_update_then_edits_the_message_the_button_is_on(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token):
        sent = await _menu(server, fake_guild)
        pressed = await server.click_button(sent, fake_guild.alice, "later")
        edited = await server.wait_for_reply(pressed)
    kinds = [s.kind for s in server.sent.items if s.interaction_id == pressed.id]
    assert kinds == ["deferred_update", "edit_original"]
    assert edited.content == "done later" and edited.components == []
    assert edited.message is not None and edited.message["id"] == sent.message["id"]


async def test_a_click_may_be_answered_with_a_new_message(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token):
        sent = await _menu(server, fake_guild)
        pressed = await server.click_button(sent, fake_guild.alice, "reply")
        answer = await server.wait_for_reply(pressed)
    assert answer.kind == "interaction_response" and answer.ephemeral
    assert answer.content == "hello alice"
    assert answer.message is not None
    metadata = answer.message["interaction_metadata"]
    assert metadata["type"] == 3 and metadata["interacted_message_id"] == sent.message["id"]


async def test_what_a_client_would_not_let_a_user_do_is_refused(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token):
        sent = await _menu(server, fake_guild)
        with pytest.raises(ValueError, match="disabled"):
            await server.click_button(sent, fake_guild.alice, "off")
        with pytest.raises(ValueError, match="offers"):
            await server.select(sent, fake_guild.alice, "colour", ["purple"])
        with pytest.raises(ValueError, match="1 to 2 values"):
            await server.select(sent, fake_guild.alice, "colour", ["red", "green", "blue"])
        with pytest.raises(LookupError, match="no component 'nope'"):
            await server.click_button(sent, fake_guild.alice, "nope")
        with pytest.raises(ValueError, match="is a button"):
            await server.select(sent, fake_guild.alice, "later", ["x"])


async def test_component_limits_are_refused_as_invalid_form_body(fake_guild: SeededGuild) -> None:
    server = fake_guild.server
    async with running(MenuClient(), server.token) as client:
        channel = client.get_channel(fake_guild.channel.id)
        assert isinstance(channel, discord.TextChannel)
        route = discord.http.Route("POST", "/channels/{channel_id}/messages", channel_id=channel.id)
        button = {"type": BUTTON, "style": 1, "label": "x", "custom_id": "same"}
        bad_bodies = [
            {"components": [{"type": 1, "components": [button, dict(button)]}]},
            {
                "components": [
                    {"type": 1, "components": [dict(button, custom_id=f"{i}")]} for i in range(6)
                ]
            },
            {"components": [{"type": 1, "components": [dict(button, label="y" * 81)]}]},
            {"components": [button]},
        ]
        for body in bad_bodies:
            with pytest.raises(discord.HTTPException) as caught:
                await client.http.request(route, json={"content": "x", **body})
            assert caught.value.status == 400 and caught.value.code == 50035


async def test_a_menu_in_a_direct_message_is_used_by_its_recipient_only(
    fake_guild: SeededGuild,
) -> None:
    server = fake_guild.server
    dm = server.create_dm_channel(fake_guild.alice)
    async with running(MenuClient(), server.token):
        posted = await server.post_message(dm, fake_guild.alice, "menu")
        sent = await server.wait_for_reply(posted)
        with pytest.raises(ValueError, match="cannot see"):
            await server.click_button(sent, fake_guild.bob, "reply")
        pressed = await server.click_button(sent, fake_guild.alice, "reply")
        answer = await server.wait_for_reply(pressed)
    assert answer.content == "hello alice"
    assert "guild_id" not in pressed.payload and pressed.payload["user"]["id"] == str(
        fake_guild.alice.id
    )
