"""Who may ``!reload`` and ``!sync``, end to end against the fake Discord.

The moderator check (``bot/cogs/utils/checks.py``) is guild-wide, not per channel: Manage
Server (from any role, Administrator included), a configured moderator role ID, or an
owner. Channel permission overwrites never enter into it, and in a DM only an owner
passes (a DM carries no roles). Every refusal is a polite sentence and one log line.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio

from fakediscord import Channel, User, permissions
from harness import Harness, copy_seeds, open_harness

if TYPE_CHECKING:
    from discord_fixtures import SeededGuild

ONLY_MODERATORS = "Sorry, only moderators can reload the corpus."
ONLY_OWNER = "Sorry, only the bot's owner can do that."
SLUG = "bloomberg-engage-north-korea"


@dataclass
class World:
    """The seeded guild plus what these tests add before the bot connects."""

    harness: Harness
    helper: User  # holds a role with no special permissions
    admin: User  # Manage Server only through Administrator
    restricted: Channel  # overwrites deny the moderator role several permissions


@pytest_asyncio.fixture
async def world(fake_guild: SeededGuild, tmp_path: Path) -> AsyncIterator[World]:
    server, guild = fake_guild.server, fake_guild.guild
    helper = server.create_user("helper")
    server.add_member(guild, helper, roles=[server.create_role(guild, "helpers")])
    admin = server.create_user("admin")
    admins = server.create_role(guild, "admins", permissions=permissions.ADMINISTRATOR)
    server.add_member(guild, admin, roles=[admins])
    restricted = server.create_text_channel(guild, "restricted")
    denied = (
        permissions.EMBED_LINKS
        | permissions.ATTACH_FILES
        | permissions.ADD_REACTIONS
        | permissions.USE_APPLICATION_COMMANDS
    )
    server.set_permission_overwrite(restricted, fake_guild.moderator_role, deny=denied)
    async with open_harness(fake_guild, copy_seeds(tmp_path / "corpus")) as harness:
        yield World(harness, helper, admin, restricted)


def refusals(caplog: pytest.LogCaptureFixture, user: User, needle: str) -> list[str]:
    """The command log lines about ``user`` that contain ``needle``."""
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.commands"]
    return [line for line in lines if f"by {user.id} " in line and needle in line]


@pytest.fixture(autouse=True)
def _log_commands(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot")


@pytest.mark.parametrize("who", ["alice", "helper"])
async def test_reload_is_refused_politely_and_logged_for_members_without_a_moderator_role(
    world: World, caplog: pytest.LogCaptureFixture, who: str
) -> None:
    h = world.harness
    user = getattr(h.guild, who, None) or getattr(world, who)
    engine = h.bot.service.engine
    (h.corpus / f"001-{SLUG}.txt").unlink()

    reply = await h.say("!reload", author=user)

    assert reply.content == ONLY_MODERATORS
    assert h.bot.service.engine is engine  # nothing was reloaded
    assert len(refusals(caplog, user, "reload by")) == 1
    assert "refused (NotModerator)" in refusals(caplog, user, "reload by")[0]


@pytest.mark.parametrize("who", ["alice", "helper", "moderator", "manager", "admin"])
async def test_sync_is_refused_politely_and_logged_for_everyone_but_the_owner(
    world: World, caplog: pytest.LogCaptureFixture, who: str
) -> None:
    h = world.harness
    user = getattr(h.guild, who, None) or getattr(world, who)

    reply = await h.say("!sync", author=user)

    assert reply.content == ONLY_OWNER
    assert h.server.synced_commands() == []
    assert len(refusals(caplog, user, "refused (NotOwner)")) == 1


@pytest.mark.parametrize("who", ["alice", "moderator", "manager"])
async def test_in_a_dm_only_the_owner_may_reload_roles_do_not_count_there(
    world: World, caplog: pytest.LogCaptureFixture, who: str
) -> None:
    h = world.harness
    user = getattr(h.guild, who)
    dm = h.server.create_dm_channel(user)

    reload = await h.say("!reload", author=user, channel=dm)
    sync = await h.say("!sync", author=user, channel=dm)

    assert (reload.channel_id, reload.content) == (dm.id, ONLY_MODERATORS)
    assert sync.content == ONLY_OWNER
    assert len(refusals(caplog, user, f"in {dm.id}: refused (NotModerator)")) == 1
    assert len(refusals(caplog, user, f"in {dm.id}: refused (NotOwner)")) == 1


async def test_the_owner_may_reload_from_a_dm(world: World) -> None:
    h = world.harness
    (h.corpus / f"001-{SLUG}.txt").unlink()
    dm = h.server.create_dm_channel(h.guild.owner)

    reply = await h.say("!reload", author=h.guild.owner, channel=dm)

    assert reply.channel_id == dm.id
    assert reply.content.startswith("Reloaded: 1 articles")
    assert f"Removed: {SLUG}" in reply.content


async def test_a_moderator_may_reload_where_overwrites_deny_their_role_the_check_is_guild_wide(
    world: World,
) -> None:
    h = world.harness
    member_view = h.server.world.permissions_in(world.restricted, h.guild.moderator)
    assert not member_view & permissions.EMBED_LINKS  # the overwrite does apply in the channel
    (h.corpus / f"001-{SLUG}.txt").unlink()

    reply = await h.say("!reload", author=h.guild.moderator, channel=world.restricted)

    assert reply.content.startswith("Reloaded: 1 articles")


async def test_manage_server_through_administrator_alone_is_enough_to_reload(
    world: World,
) -> None:
    h = world.harness
    reply = await h.say("!reload", author=world.admin)
    assert reply.content.startswith("Reloaded: 2 articles")


async def test_discord_offers_slash_reload_only_to_members_who_may_manage_the_server(
    world: World,
) -> None:
    h = world.harness
    await h.say("!sync", author=h.guild.owner)
    (reload,) = [c for c in h.server.synced_commands() if c["name"] == "reload"]
    assert int(reload["default_member_permissions"]) == permissions.MANAGE_GUILD
    # A moderator by configured role alone, without Manage Server, is not offered it either
    # (unless the server's admins grant it); `!reload` serves them.
    for user in (h.guild.alice, h.guild.moderator):
        with pytest.raises(PermissionError, match=f"would not offer /reload to {user.username}"):
            await h.server.invoke_slash(h.guild.channel, user, "reload")
    allowed = await h.server.invoke_slash(h.guild.channel, world.admin, "reload")
    assert (await h.server.wait_for_reply(allowed)).content.startswith("Reloaded: 2 articles")


async def test_slash_reload_by_a_plain_member_is_refused_and_logged(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    h = world.harness
    await h.say("!sync", author=h.guild.owner)
    # A server's admins may let everyone see /reload (Integrations settings): the bot's own
    # check still refuses a plain member.
    for command in h.server.synced_commands():
        command["default_member_permissions"] = None
    engine = h.bot.service.engine

    refused = await h.server.invoke_slash(h.guild.channel, h.guild.alice, "reload")
    reply = await h.server.wait_for_reply(refused)

    assert reply.content == ONLY_MODERATORS
    assert h.bot.service.engine is engine
    assert len(refusals(caplog, h.guild.alice, "reload by")) == 1
    allowed = await h.server.invoke_slash(h.guild.channel, h.guild.moderator, "reload")
    assert (await h.server.wait_for_reply(allowed)).content.startswith("Reloaded: 2 articles")
