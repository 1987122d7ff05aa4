"""Who may change the corpus: server managers, configured moderator roles, and owners."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord.ext import commands

from bot.cogs.utils.context import Context

T = TypeVar("T")


class NotModerator(commands.CheckFailure):
    """Raised for anyone else; the error handler turns it into a polite refusal."""


async def is_moderator(ctx: Context) -> bool:
    """Guild-wide, not per channel: Manage Server, a moderator role, or an owner (also in DMs)."""
    if await ctx.bot.is_owner(ctx.author):
        return True
    member = ctx.author
    if ctx.guild is not None and isinstance(member, discord.Member):
        if member.guild_permissions.manage_guild:
            return True
        allowed = set(ctx.bot.settings.discord.moderator_role_ids)
        if any(role.id in allowed for role in member.roles):
            return True
    raise NotModerator("Only moderators can do that.")


def moderator_only() -> Callable[[T], T]:
    async def predicate(ctx: commands.Context[Any]) -> bool:
        return await is_moderator(ctx)  # type: ignore[arg-type]

    return commands.check(predicate)
