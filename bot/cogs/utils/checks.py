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


class NotArticleEditor(commands.CheckFailure):
    """Someone who may not change these articles; the message says who may."""


async def may_change_articles(ctx: Context) -> bool:
    """With ``scope = "shared"`` the bot's owners, whose change every server sees; with
    ``"per_server"`` a server's moderators (and the owners), in that server only."""
    if ctx.bot.settings.corpus.scope == "shared":
        if await ctx.bot.is_owner(ctx.author):
            return True
        raise NotArticleEditor(
            "Sorry, only the bot's owners can change the articles: every server shares them."
        )
    if ctx.guild is None:
        raise commands.NoPrivateMessage()
    try:
        return await is_moderator(ctx)
    except NotModerator:
        raise NotArticleEditor(
            "Sorry, only this server's moderators can change its articles."
        ) from None


def article_editors_only() -> Callable[[T], T]:
    async def predicate(ctx: commands.Context[Any]) -> bool:
        return await may_change_articles(ctx)  # type: ignore[arg-type]

    return commands.check(predicate)


def moderator_only() -> Callable[[T], T]:
    async def predicate(ctx: commands.Context[Any]) -> bool:
        return await is_moderator(ctx)  # type: ignore[arg-type]

    return commands.check(predicate)
