"""Pytest fixtures (load with ``pytest_plugins = ["discord_fixtures"]``).

``fake_discord``: a running server with discord.py pointed at it (restored afterwards).
``fake_guild``: that server plus a ready-made guild, built before any bot connects.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import discord.gateway
import discord.http
import pytest_asyncio

from bot.endpoints import use_endpoints
from fakediscord import permissions
from fakediscord.models import Channel, Guild, Role, User
from fakediscord.server import FakeDiscord


@dataclass(frozen=True)
class SeededGuild:
    """A generic guild: its owner also owns the application (so ``is_owner`` holds)."""

    server: FakeDiscord
    guild: Guild
    owner: User
    moderator_role: Role  # no special permissions; for bots configured by role ID
    manager_role: Role  # has Manage Server
    moderator: User
    manager: User
    alice: User
    bob: User
    channel: Channel
    no_embeds_channel: Channel  # Embed Links denied to @everyone, the bot included


def seed_guild(server: FakeDiscord, name: str = "Test Guild") -> SeededGuild:
    owner = server.application_owner
    guild = server.create_guild(name, owner=owner)
    moderator_role = server.create_role(guild, "moderator")
    manager_role = server.create_role(guild, "manager", permissions=permissions.MANAGE_GUILD)
    moderator = server.create_user("mod")
    manager = server.create_user("manager")
    alice = server.create_user("alice")
    bob = server.create_user("bob")
    server.add_member(guild, moderator, roles=[moderator_role])
    server.add_member(guild, manager, roles=[manager_role])
    server.add_member(guild, alice)
    server.add_member(guild, bob)
    channel = server.create_text_channel(guild, "general")
    no_embeds = server.create_text_channel(guild, "no-embeds")
    server.set_permission_overwrite(no_embeds, guild.everyone, deny=permissions.EMBED_LINKS)
    return SeededGuild(
        server,
        guild,
        owner,
        moderator_role,
        manager_role,
        moderator,
        manager,
        alice,
        bob,
        channel,
        no_embeds,
    )


@contextmanager
def discord_endpoints(api_base: str, gateway_url: str) -> Iterator[None]:
    """``use_endpoints`` for the duration of a test, then discord.py's previous addresses."""
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    use_endpoints(api_base, gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(heartbeat_interval=0.5)
    await server.start()
    try:
        with discord_endpoints(server.api_base, server.gateway_url):
            yield server
    finally:
        await server.stop()


@pytest_asyncio.fixture
async def fake_guild(fake_discord: FakeDiscord) -> SeededGuild:
    return seed_guild(fake_discord)
